package io.p4n4.clients.internal.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.mqtt.MqttClient;
import io.p4n4.api.clients.mqtt.MqttMessage;
import io.p4n4.api.clients.mqtt.MqttQos;
import io.p4n4.api.clients.mqtt.MqttSubscription;
import io.p4n4.api.clients.mqtt.MqttVersion;
import io.p4n4.clients.ClientFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Publish and subscribe on the real Mosquitto of scripts/services.sh, with MQTT 3.1.1 and 5. */
class MqttOnSharedBrokerTest {
    private final ClientFactory clients = ClientFactory.create();

    private MqttClient client(MqttVersion version) {
        return clients.mqtt().url(SharedMosquitto.url()).version(version).build();
    }

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void everyQosArrivesWithTheQosItWasSentWith(MqttVersion version) throws Exception {
        String device = SharedMosquitto.uniqueDevice("qos");
        Inbox inbox = new Inbox();
        try (MqttClient sub = client(version); MqttClient pub = client(version)) {
            sub.subscribe("sensors/" + device + "/+", MqttQos.EXACTLY_ONCE, inbox);
            for (MqttQos qos : MqttQos.values()) {
                pub.publish("sensors/" + device + "/q" + qos.code(), "v" + qos.code(), qos, false);
                MqttMessage m = inbox.next();
                assertThat(m.topic()).isEqualTo("sensors/" + device + "/q" + qos.code());
                assertThat(m.payloadText()).isEqualTo("v" + qos.code());
                assertThat(m.qos()).isEqualTo(qos);
                assertThat(m.retained()).isFalse();
            }
            assertThat(sub.version()).isEqualTo(version);
            assertThat(sub.isConnected()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void aRetainedMessageReachesALaterSubscriberUntilCleared(MqttVersion version) throws Exception {
        String topic = "status/" + SharedMosquitto.uniqueDevice("retained") + "/online";
        try (MqttClient pub = client(version)) {
            pub.publish(topic, "true", MqttQos.AT_LEAST_ONCE, true);
            Inbox first = new Inbox();
            try (MqttClient late = client(version)) {
                late.subscribe(topic, MqttQos.AT_LEAST_ONCE, first);
                MqttMessage m = first.next();
                assertThat(m.retained()).isTrue();
                assertThat(m.payloadText()).isEqualTo("true");
            }
            pub.publish(topic, new byte[0], MqttQos.AT_LEAST_ONCE, true); // an empty retained message clears it
            Inbox second = new Inbox();
            try (MqttClient later = client(version)) {
                later.subscribe(topic, MqttQos.AT_LEAST_ONCE, second);
                second.expectNothing(Duration.ofMillis(500));
            }
        }
    }

    @Test
    void theTypedHelpersUseTheSpecsTopics() throws Exception {
        String device = SharedMosquitto.uniqueDevice("typed");
        Inbox all = new Inbox();
        Inbox alerts = new Inbox();
        try (MqttClient sub = client(MqttVersion.V5); MqttClient pub = client(MqttVersion.V3_1_1)) {
            sub.subscribe("+/" + device + "/+", MqttQos.AT_LEAST_ONCE, all);
            sub.subscribeAlerts(device, alerts);
            pub.publishReading(device, "temperature", "21.5");
            pub.sendCommand(device, "fan-on", "{\"speed\":2}");
            pub.publishInferenceResult(device, "{\"label\":\"ok\"}");
            pub.publish("alerts/" + device + "/overheat", "31", MqttQos.AT_LEAST_ONCE, false);
            assertThat(all.next().topic()).isEqualTo("sensors/" + device + "/temperature");
            MqttMessage command = all.next();
            assertThat(command.topic()).isEqualTo("commands/" + device + "/fan-on");
            assertThat(command.payloadText()).isEqualTo("{\"speed\":2}");
            assertThat(command.qos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
            assertThat(all.next().topic()).isEqualTo("inference/" + device + "/result");
            assertThat(alerts.next().topic()).isEqualTo("alerts/" + device + "/overheat");
        }
    }

    @Test
    void anUnsubscribedFilterGetsNoMoreMessages() throws Exception {
        String device = SharedMosquitto.uniqueDevice("unsub");
        Inbox inbox = new Inbox();
        try (MqttClient c = client(MqttVersion.V3_1_1)) {
            MqttSubscription s = c.subscribe("sensors/" + device + "/#", MqttQos.AT_MOST_ONCE, inbox);
            c.publishReading(device, "t", "1");
            assertThat(inbox.next().payloadText()).isEqualTo("1");
            s.close();
            s.close(); // idempotent
            c.publishReading(device, "t", "2");
            inbox.expectNothing(Duration.ofMillis(300));
        }
    }

    @Test
    void aHandlerThatThrowsDoesNotStopLaterMessages() throws Exception {
        String device = SharedMosquitto.uniqueDevice("throws");
        Inbox inbox = new Inbox();
        try (MqttClient c = client(MqttVersion.V5)) {
            c.subscribe("sensors/" + device + "/+", MqttQos.AT_LEAST_ONCE, m -> {
                inbox.accept(m);
                throw new IllegalStateException("handler bug");
            });
            c.publishReading(device, "a", "1");
            c.publishReading(device, "b", "2");
            assertThat(inbox.next().payloadText()).isEqualTo("1");
            assertThat(inbox.next().payloadText()).isEqualTo("2");
        }
    }

    @Test
    void wildcardsInPublishTopicsAndMalformedIdsAreUserErrors() {
        try (MqttClient c = client(MqttVersion.V3_1_1)) {
            assertThatThrownBy(() -> c.publish("sensors/+/temperature", "1", MqttQos.AT_MOST_ONCE, false))
                    .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                    .hasMessageContaining("wildcards");
            assertThatThrownBy(() -> c.publishReading("dev/1", "t", "1"))
                    .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                    .hasMessageContaining("device id 'dev/1'");
            assertThatThrownBy(() -> c.subscribe("sensors/#/x", MqttQos.AT_MOST_ONCE, m -> { }))
                    .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER));
        }
    }

    @Test
    void aClosedClientRefusesWorkAndClosesTwiceQuietly() {
        MqttClient c = client(MqttVersion.V3_1_1);
        c.close();
        c.close();
        assertThat(c.isConnected()).isFalse();
        assertThatThrownBy(() -> c.publish("sensors/x/y", "1", MqttQos.AT_MOST_ONCE, false))
                .isInstanceOf(P4n4Exception.class).hasMessageContaining("closed");
    }

    @Test
    void anUnreachableBrokerIsANetworkErrorNamingIt() throws Exception {
        int port = io.p4n4.testkit.mqtt.MosquittoProcess.freePort();
        assertThatThrownBy(() -> clients.mqtt().url("mqtt://127.0.0.1:" + port).connectTimeout(Duration.ofSeconds(2))
                .build())
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NETWORK))
                .hasMessageContaining("mqtt://127.0.0.1:" + port).hasMessageContaining("Is Mosquitto running");
    }
}
