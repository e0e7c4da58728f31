package io.p4n4.api.clients.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A connected MQTT client (3.1.1 or 5) of the IoT stack's Mosquitto. Built connected by
 * {@code io.p4n4.clients.ClientFactory#mqtt()}; reconnects by itself when the connection drops and restores
 * its subscriptions; when built for a device, its last will sets {@code status/<id>/online} to {@code false}
 * (retained) if the connection dies without a DISCONNECT.
 *
 * <p>Errors: USER for malformed topics, filters and ids ({@link MqttTopics}), NETWORK when the broker cannot
 * be reached or an operation is not acknowledged in time, VALIDATION when the broker refuses the credentials.
 * Thread-safe; {@link #close()} disconnects cleanly (no last will) and is idempotent.
 */
public interface MqttClient extends AutoCloseable {

    /**
     * Publishes {@code payload} to {@code topic} and waits until the broker acknowledged it (QoS 1 and 2) or
     * it was written (QoS 0).
     *
     * @param topic a topic without wildcards ({@link MqttTopics#requireTopic})
     * @param payload the bytes to send
     * @param qos the quality of service
     * @param retain whether the broker keeps it as the topic's retained message
     */
    void publish(String topic, byte[] payload, MqttQos qos, boolean retain);

    /** Publishes a UTF-8 text payload, see {@link #publish(String, byte[], MqttQos, boolean)}. */
    default void publish(String topic, String payload, MqttQos qos, boolean retain) {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retain);
    }

    /**
     * Subscribes to {@code filter} and hands every message to {@code handler}, one at a time, on a thread of
     * the client (a handler that throws is logged and the next message still comes). Returns once the broker
     * acknowledged the subscription.
     *
     * @param filter a topic or filter with {@code +} and {@code #} ({@link MqttTopics#requireFilter})
     * @param qos the maximum QoS to receive with
     * @param handler what to do with each message
     */
    MqttSubscription subscribe(String filter, MqttQos qos, Consumer<MqttMessage> handler);

    /** Returns whether the client is connected right now (false while it reconnects, and after close). */
    boolean isConnected();

    /** Returns the client identifier the broker knows this client by. */
    String clientId();

    /** Returns the protocol version spoken. */
    MqttVersion version();

    /** Returns the device id this client speaks for (its last will and online status), if built for one. */
    Optional<String> deviceId();

    /** Publishes a sensor reading on {@code sensors/<deviceId>/<measurement>} with QoS 1, not retained. */
    default void publishReading(String deviceId, String measurement, String payload) {
        publish(MqttTopics.sensor(deviceId, measurement), payload, MqttQos.AT_LEAST_ONCE, false);
    }

    /** Sends a command on {@code commands/<deviceId>/<action>} with QoS 1, not retained. */
    default void sendCommand(String deviceId, String action, String payload) {
        publish(MqttTopics.command(deviceId, action), payload, MqttQos.AT_LEAST_ONCE, false);
    }

    /** Publishes an inference result on {@code inference/<deviceId>/result} with QoS 1, not retained. */
    default void publishInferenceResult(String deviceId, String payload) {
        publish(MqttTopics.inferenceResult(deviceId), payload, MqttQos.AT_LEAST_ONCE, false);
    }

    /** Subscribes to every device's alerts ({@code alerts/+/+}) with QoS 1. */
    default MqttSubscription subscribeAlerts(Consumer<MqttMessage> handler) {
        return subscribe(MqttTopics.allAlerts(), MqttQos.AT_LEAST_ONCE, handler);
    }

    /** Subscribes to one device's alerts ({@code alerts/<deviceId>/+}) with QoS 1. */
    default MqttSubscription subscribeAlerts(String deviceId, Consumer<MqttMessage> handler) {
        return subscribe(MqttTopics.alertsOf(deviceId), MqttQos.AT_LEAST_ONCE, handler);
    }

    /** Disconnects cleanly (the broker does not publish the last will); idempotent. */
    @Override
    void close();
}
