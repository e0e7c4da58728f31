package io.p4n4.clients.internal.mqtt;

import io.p4n4.api.clients.mqtt.MqttMessage;
import io.p4n4.api.clients.mqtt.MqttQos;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** One protocol version's operations on the HiveMQ client, each answered by a future. */
interface Wire {

    /** Connects with the settings' credentials and last will. */
    CompletableFuture<?> connect();

    /** Makes the coming reconnect send a CONNECT built afresh from the settings (credentials, last will). */
    void reconnectWithFreshConnect(com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext context);

    /** Publishes; completes exceptionally when the broker refuses (MQTT 5 reason codes). */
    CompletableFuture<?> publish(String topic, byte[] payload, MqttQos qos, boolean retain);

    /** Subscribes; completes with whether the broker granted the subscription. */
    CompletableFuture<Boolean> subscribe(String filter, MqttQos qos, Consumer<MqttMessage> handler);

    /** Unsubscribes. */
    CompletableFuture<?> unsubscribe(String filter);

    /** Disconnects cleanly (no last will). */
    CompletableFuture<?> disconnect();

    /** Returns whether connected right now. */
    boolean isConnected();
}
