package io.p4n4.clients.internal.mqtt;

import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedListener;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedListener;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.p4n4.api.clients.mqtt.MqttMessage;
import io.p4n4.api.clients.mqtt.MqttQos;
import io.p4n4.api.clients.mqtt.MqttTopics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/** MQTT 5 on the HiveMQ client: a clean start with no session kept, the same last will as 3.1.1. */
final class Mqtt5Wire implements Wire {
    private final MqttSettings settings;
    private final Mqtt5AsyncClient client;

    Mqtt5Wire(MqttSettings settings, MqttClientConnectedListener connected, MqttClientDisconnectedListener disconnected) {
        this.settings = settings;
        this.client = HiveBuilders.base(settings, connected, disconnected).useMqttVersion5().buildAsync();
    }

    @Override
    public CompletableFuture<?> connect() {
        return client.connect(connectMessage());
    }

    @Override
    public void reconnectWithFreshConnect(MqttClientDisconnectedContext context) {
        ((Mqtt5ClientDisconnectedContext) context).getReconnector().connect(connectMessage());
    }

    /**
     * A new CONNECT each time: reconnecting with the one the HiveMQ client stored was refused (NOT_AUTHORIZED)
     * by a Mosquitto checking passwords (HiveMQ client 1.4.0, Mosquitto 2.0.11; MqttReconnectTest).
     */
    private Mqtt5Connect connectMessage() {
        var c = Mqtt5Connect.builder().cleanStart(true).keepAlive((int) settings.keepAlive().toSeconds());
        if (settings.username() != null) {
            var auth = c.simpleAuth().username(settings.username());
            if (settings.password() != null) {
                auth = auth.password(settings.password().getBytes(StandardCharsets.UTF_8));
            }
            c = auth.applySimpleAuth();
        }
        if (settings.deviceId() != null) {
            c = c.willPublish().topic(MqttTopics.status(settings.deviceId())).payload(HiveBuilders.OFFLINE)
                    .qos(com.hivemq.client.mqtt.datatypes.MqttQos.AT_LEAST_ONCE).retain(true).applyWillPublish();
        }
        return c.build();
    }

    @Override
    public CompletableFuture<?> publish(String topic, byte[] payload, MqttQos qos, boolean retain) {
        return client.publishWith().topic(topic).payload(payload).qos(HiveBuilders.qos(qos)).retain(retain).send()
                .thenApply(result -> {
                    result.getError().ifPresent(e -> {
                        throw new CompletionException(e);
                    });
                    return result;
                });
    }

    @Override
    public CompletableFuture<Boolean> subscribe(String filter, MqttQos qos, Consumer<MqttMessage> handler) {
        return client.subscribeWith().topicFilter(filter).qos(HiveBuilders.qos(qos))
                .callback(p -> handler.accept(new MqttMessage(p.getTopic().toString(), p.getPayloadAsBytes(),
                        HiveBuilders.qos(p.getQos()), p.isRetain())))
                .send().thenApply(ack -> ack.getReasonCodes().stream().noneMatch(Mqtt5SubAckReasonCode::isError));
    }

    @Override
    public CompletableFuture<?> unsubscribe(String filter) {
        return client.unsubscribeWith().topicFilter(filter).send();
    }

    @Override
    public CompletableFuture<?> disconnect() {
        return client.disconnect();
    }

    @Override
    public boolean isConnected() {
        return client.getState().isConnected();
    }
}
