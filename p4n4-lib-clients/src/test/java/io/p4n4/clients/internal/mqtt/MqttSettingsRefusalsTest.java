package io.p4n4.clients.internal.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.clients.ClientFactory;
import io.p4n4.clients.ProjectEndpointConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every MQTT setting is applied or refused by name, before any connection is tried. */
class MqttSettingsRefusalsTest {
    private final ClientFactory clients = ClientFactory.create();

    @Test
    void urlsParseWithTheirDefaultPorts() {
        assertThat(MqttUrl.parse("mqtt://broker")).isEqualTo(new MqttUrl("broker", 1883, false));
        assertThat(MqttUrl.parse("tcp://broker:11883/")).isEqualTo(new MqttUrl("broker", 11883, false));
        assertThat(MqttUrl.parse("mqtts://broker")).isEqualTo(new MqttUrl("broker", 8883, true));
        assertThat(MqttUrl.parse("SSL://[::1]:9")).isEqualTo(new MqttUrl("::1", 9, true));
        assertThat(MqttUrl.parse("ssl://[::1]:9").toString()).isEqualTo("mqtts://[::1]:9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://broker", "broker:1883", "mqtt://", "mqtt://broker/topic", "mqtt://broker?x=1",
        "mqtt://b roker", "mqtt://broker#frag"})
    void unusableUrlsAreUserErrors(String url) {
        assertThatThrownBy(() -> MqttUrl.parse(url))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("MQTT URL");
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutBeingRepeated() {
        assertThatThrownBy(() -> MqttUrl.parse("mqtt://user:Hunter2-secret@broker"))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("MQTT_USER").hasMessageNotContaining("Hunter2-secret");
    }

    @Test
    void badBuilderSettingsAreRefusedByName(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> clients.mqtt().keepAlive(Duration.ofMillis(1500))).hasMessageContaining("keepAlive");
        assertThatThrownBy(() -> clients.mqtt().keepAlive(Duration.ofSeconds(70_000))).hasMessageContaining("65535");
        assertThatThrownBy(() -> clients.mqtt().connectTimeout(Duration.ZERO)).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> clients.mqtt().operationTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("operationTimeout");
        assertThatThrownBy(() -> clients.mqtt().reconnect(true, Duration.ZERO)).hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> clients.mqtt().deviceId("a/b")).hasMessageContaining("device id 'a/b'");
        assertThatThrownBy(() -> clients.mqtt().credentials(null, "pw").build())
                .hasMessageContaining("password is set without a user");
        assertThatThrownBy(() -> clients.mqtt().url("mqtts://127.0.0.1:1").caFile(dir.resolve("missing.pem")).build())
                .hasMessageContaining("cannot be read");
        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
        assertThatThrownBy(() -> clients.mqtt().url("mqtts://127.0.0.1:1").caFile(notPem).build())
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("is not a PEM X.509 certificate file");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThatThrownBy(() -> clients.mqtt().url("mqtts://127.0.0.1:1").caFile(empty).build())
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("holds no certificate");
    }

    @Test
    void theProjectsEnvGivesTheBrokerAndCredentials() {
        ProjectEndpointConfig env = ProjectEndpointConfig.of(Map.of("P4N4_HOST", "pi.local", "MQTT_USER", "u",
                "MQTT_PASSWORD", "Pw-123456789"));
        assertThat(env.mqttUrl()).isEqualTo("mqtt://pi.local:1883");
        assertThat(env.mqttUser()).contains("u");
        assertThat(env.mqttPassword()).contains("Pw-123456789");
        assertThat(ProjectEndpointConfig.of(Map.of("P4N4_MQTT_URL", "mqtts://b:8883")).mqttUrl())
                .isEqualTo("mqtts://b:8883");
        String shown = ClientFactory.of(env).mqtt().toString();
        assertThat(shown).contains("user=u").contains("password=***").doesNotContain("Pw-123456789");
        assertThat(ClientFactory.create().mqtt().toString()).contains("password=unset");
    }

    @Test
    void settingsNeverShowThePassword() {
        MqttSettings s = new MqttSettings(MqttUrl.parse("mqtt://b"), io.p4n4.api.clients.mqtt.MqttVersion.V5, "c", "u",
                "Pw-123456789", null, "d", Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30), true,
                Duration.ofSeconds(1));
        assertThat(s.toString()).contains("password=***").doesNotContain("Pw-123456789");
    }
}
