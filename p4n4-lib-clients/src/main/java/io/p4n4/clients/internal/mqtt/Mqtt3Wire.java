package io.p4n4.clients.internal.mqtt;

import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedListener;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedListener;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt3.lifecycle.Mqtt3ClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3Connect;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import io.p4n4.api.clients.mqtt.MqttMessage;
import io.p4n4.api.clients.mqtt.MqttQos;
import io.p4n4.api.clients.mqtt.MqttTopics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** MQTT 3.1.1 on the HiveMQ client. */
final class Mqtt3Wire implements Wire {
    private final MqttSettings settings;
    private final Mqtt3AsyncClient client;

    Mqtt3Wire(MqttSettings settings, MqttClientConnectedListener connected, MqttClientDisconnectedListener disconnected) {
        this.settings = settings;
        this.client = HiveBuilders.base(settings, connected, disconnected).useMqttVersion3().buildAsync();
    }

    @Override
    public CompletableFuture<?> connect() {
        return client.connect(connectMessage());
    }

    @Override
    public void reconnectWithFreshConnect(MqttClientDisconnectedContext context) {
        ((Mqtt3ClientDisconnectedContext) context).getReconnector().connect(connectMessage());
    }

    /**
     * A new CONNECT each time: reconnecting with the one the HiveMQ client stored was refused (NOT_AUTHORIZED)
     * by a Mosquitto checking passwords (HiveMQ client 1.4.0, Mosquitto 2.0.11; MqttReconnectTest).
     */
    private Mqtt3Connect connectMessage() {
        var c = Mqtt3Connect.builder().cleanSession(true).keepAlive((int) settings.keepAlive().toSeconds());
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
        return client.publishWith().topic(topic).payload(payload).qos(HiveBuilders.qos(qos)).retain(retain).send();
    }

    @Override
    public CompletableFuture<Boolean> subscribe(String filter, MqttQos qos, Consumer<MqttMessage> handler) {
        return client.subscribeWith().topicFilter(filter).qos(HiveBuilders.qos(qos))
                .callback(p -> handler.accept(new MqttMessage(p.getTopic().toString(), p.getPayloadAsBytes(),
                        HiveBuilders.qos(p.getQos()), p.isRetain())))
                .send().thenApply(ack -> ack.getReturnCodes().stream().noneMatch(Mqtt3SubAckReturnCode::isError));
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
