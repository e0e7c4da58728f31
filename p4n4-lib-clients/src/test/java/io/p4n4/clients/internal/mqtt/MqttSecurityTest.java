package io.p4n4.clients.internal.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.ServiceException;
import io.p4n4.api.clients.mqtt.MqttClient;
import io.p4n4.api.clients.mqtt.MqttQos;
import io.p4n4.api.clients.mqtt.MqttVersion;
import io.p4n4.clients.ClientFactory;
import io.p4n4.clients.MqttClientBuilder;
import io.p4n4.clients.ProjectEndpointConfig;
import io.p4n4.testkit.mqtt.MosquittoProcess;
import io.p4n4.testkit.tls.TestCertificates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Authentication with a mosquitto_passwd password file, and TLS with certificates made by openssl at test time. */
class MqttSecurityTest {
    private static final String USER = "sensor-gw";
    private static final String PASSWORD = "s3cret-Pa55word-xyz";

    @TempDir
    Path dir;

    private MosquittoProcess brokerWithPasswords() throws Exception {
        Path passwd = MosquittoProcess.writePasswordFile(dir.resolve("passwd"), USER, PASSWORD);
        return MosquittoProcess.start(MosquittoProcess.requireBinary(), dir.resolve("broker"),
                "allow_anonymous false\npassword_file " + passwd + "\n");
    }

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void theProjectsCredentialsAreAcceptedByAPasswordFileBroker(MqttVersion version) throws Exception {
        try (MosquittoProcess broker = brokerWithPasswords();
                ClientFactory clients = ClientFactory.of(ProjectEndpointConfig.of(Map.of("P4N4_MQTT_URL", broker.url(),
                        "MQTT_USER", USER, "MQTT_PASSWORD", PASSWORD)));
                MqttClient c = clients.mqtt().version(version).build()) {
            Inbox inbox = new Inbox();
            c.subscribe("sensors/auth-1/+", MqttQos.AT_LEAST_ONCE, inbox);
            c.publishReading("auth-1", "humidity", "40");
            assertThat(inbox.next().payloadText()).isEqualTo("40");
        }
    }

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void aWrongPasswordIsAUserErrorNamingTheUserAndNeverThePassword(MqttVersion version) throws Exception {
        String wrong = "not-the-Pa55word-abc";
        try (MosquittoProcess broker = brokerWithPasswords(); ClientFactory clients = ClientFactory.create()) {
            MqttClientBuilder builder = clients.mqtt().url(broker.url()).version(version).credentials(USER, wrong);
            assertThat(builder.toString()).doesNotContain(wrong);
            assertThatThrownBy(builder::build)
                    .isInstanceOfSatisfying(ServiceException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.USER);
                        assertThat(e.service()).isEqualTo("mqtt");
                        assertThat(e.getMessage()).contains("refused user 'sensor-gw'")
                                .contains("MQTT_USER and MQTT_PASSWORD").doesNotContain(wrong).doesNotContain(PASSWORD);
                    });
            assertThatThrownBy(() -> clients.mqtt().url(broker.url()).version(version).build())
                    .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                    .hasMessageContaining("refused anonymous clients");
        }
    }

    private MosquittoProcess tlsBroker(TestCertificates certs, String server) throws Exception {
        return MosquittoProcess.start(MosquittoProcess.requireBinary(), dir.resolve("broker"),
                "allow_anonymous true\ncafile " + certs.ca() + "\ncertfile " + certs.cert(server) + "\nkeyfile "
                        + certs.key(server) + "\n");
    }

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void tlsWithTheBrokersCaWorks(MqttVersion version) throws Exception {
        TestCertificates certs = TestCertificates.create(dir.resolve("certs"));
        try (MosquittoProcess broker = tlsBroker(certs, "server"); ClientFactory clients = ClientFactory.create();
                MqttClient c = clients.mqtt().url("mqtts://127.0.0.1:" + broker.port()).caFile(certs.ca())
                        .version(version).build()) {
            Inbox inbox = new Inbox();
            c.subscribe("inference/cam-1/result", MqttQos.EXACTLY_ONCE, inbox);
            c.publishInferenceResult("cam-1", "{\"label\":\"person\"}");
            assertThat(inbox.next().payloadText()).isEqualTo("{\"label\":\"person\"}");
        }
    }

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void tlsRefusesAnUntrustedOrMisnamedCertificateClearly(MqttVersion version) throws Exception {
        TestCertificates certs = TestCertificates.create(dir.resolve("certs"));
        try (ClientFactory clients = ClientFactory.create()) {
            try (MosquittoProcess broker = tlsBroker(certs, "server")) {
                assertThatThrownBy(() -> clients.mqtt().url("mqtts://127.0.0.1:" + broker.port())
                        .caFile(certs.otherCa()).version(version).connectTimeout(Duration.ofSeconds(5)).build())
                        .isInstanceOfSatisfying(ServiceException.class,
                                e -> assertThat(e.code()).isEqualTo(ErrorCode.NETWORK))
                        .hasMessageContaining("TLS with MQTT broker mqtts://127.0.0.1:" + broker.port())
                        .hasMessageContaining(certs.otherCa().toString());
                assertThatThrownBy(() -> clients.mqtt().url("mqtt://127.0.0.1:" + broker.port())
                        .caFile(certs.ca()).build())
                        .isInstanceOfSatisfying(io.p4n4.api.P4n4Exception.class,
                                e -> assertThat(e.code()).isEqualTo(ErrorCode.USER)).hasMessageContaining("use mqtts://");
            }
            try (MosquittoProcess elsewhere = tlsBroker(certs, "elsewhere")) {
                // signed by the trusted CA, but for elsewhere.example: the host name check refuses it
                assertThatThrownBy(() -> clients.mqtt().url("mqtts://127.0.0.1:" + elsewhere.port())
                        .caFile(certs.ca()).version(version).connectTimeout(Duration.ofSeconds(5)).build())
                        .isInstanceOfSatisfying(ServiceException.class,
                                e -> assertThat(e.code()).isEqualTo(ErrorCode.NETWORK))
                        .hasMessageContaining("TLS with MQTT broker");
            }
        }
    }
}
