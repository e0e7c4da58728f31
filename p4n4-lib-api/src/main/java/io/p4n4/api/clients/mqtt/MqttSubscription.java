package io.p4n4.api.clients.mqtt;

/**
 * A subscription made by {@link MqttClient#subscribe}. It is restored after every automatic reconnect
 * until closed. {@link #close()} unsubscribes; it is idempotent and also quiet when the client is closed.
 * Thread-safe.
 */
public interface MqttSubscription extends AutoCloseable {

    /** Returns the topic filter subscribed to. */
    String filter();

    /** Returns the maximum QoS requested for this subscription. */
    MqttQos qos();

    /** Unsubscribes; idempotent. */
    @Override
    void close();
}
