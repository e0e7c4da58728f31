package io.p4n4.clients.internal.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.clients.mqtt.MqttClient;
import io.p4n4.api.clients.mqtt.MqttMessage;
import io.p4n4.api.clients.mqtt.MqttQos;
import io.p4n4.api.clients.mqtt.MqttVersion;
import io.p4n4.clients.ClientFactory;
import io.p4n4.clients.ProjectEndpointConfig;
import io.p4n4.testkit.mqtt.MosquittoProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A client's subscriptions survive a restart of its broker (which forgets every session: no persistence). */
class MqttReconnectTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void afterTheBrokerRestartsTheClientReconnectsAndItsSubscriptionsAreRestored(MqttVersion version)
            throws Exception {
        try (MosquittoProcess broker = MosquittoProcess.start(MosquittoProcess.requireBinary(), dir);
                ClientFactory clients = ClientFactory.create()) {
            restartAndExpectDelivery(broker, clients, version);
        }
    }

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void aClientWithAPasswordIsTakenBackAfterARestart(MqttVersion version) throws Exception {
        Path passwd = MosquittoProcess.writePasswordFile(dir.resolve("passwd"), "node-red", "Pa55-for-restarts");
        try (MosquittoProcess broker = MosquittoProcess.start(MosquittoProcess.requireBinary(), dir.resolve("broker"),
                "allow_anonymous false\npassword_file " + passwd + "\n");
                ClientFactory clients = ClientFactory.of(ProjectEndpointConfig.of(Map.of("MQTT_USER", "node-red",
                        "MQTT_PASSWORD", "Pa55-for-restarts")))) {
            restartAndExpectDelivery(broker, clients, version);
        }
    }

    private static void restartAndExpectDelivery(MosquittoProcess broker, ClientFactory clients, MqttVersion version)
            throws Exception {
        Inbox inbox = new Inbox();
        try (MqttClient sub = clients.mqtt().url(broker.url()).version(version).reconnect(true, Duration.ofMillis(500))
                .build()) {
            sub.subscribe("alerts/+/+", MqttQos.AT_LEAST_ONCE, inbox);
            broker.stop();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !sub.isConnected());
            broker.startAgain();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(sub::isConnected);
            try (MqttClient pub = clients.mqtt().url(broker.url()).version(version).build()) {
                // the resubscription follows the connect: publish until it is delivered (bounded: 20 tries)
                MqttMessage got = null;
                for (int i = 0; i < 20 && got == null; i++) {
                    pub.publish("alerts/pump-1/pressure", "high", MqttQos.AT_LEAST_ONCE, false);
                    got = inbox.poll(Duration.ofMillis(500));
                }
                assertThat(got).as("a message on the restored subscription").isNotNull();
                assertThat(got.topic()).isEqualTo("alerts/pump-1/pressure");
            }
        }
    }
}
