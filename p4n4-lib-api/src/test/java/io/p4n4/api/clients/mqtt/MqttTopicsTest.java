package io.p4n4.api.clients.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MqttTopicsTest {

    @Test
    void theBuildersFollowTheSpecsConventions() {
        assertThat(MqttTopics.sensor("gh-01", "temperature")).isEqualTo("sensors/gh-01/temperature");
        assertThat(MqttTopics.command("gh-01", "fan_on")).isEqualTo("commands/gh-01/fan_on");
        assertThat(MqttTopics.alert("gh-01", "overheat")).isEqualTo("alerts/gh-01/overheat");
        assertThat(MqttTopics.status("gh-01")).isEqualTo("status/gh-01/online");
        assertThat(MqttTopics.inferenceResult("cam.2")).isEqualTo("inference/cam.2/result");
        assertThat(MqttTopics.allAlerts()).isEqualTo("alerts/+/+");
        assertThat(MqttTopics.alertsOf("gh-01")).isEqualTo("alerts/gh-01/+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "a+", "#", "with space", "tab\t", "é"})
    void malformedIdsAreUserErrorsNamingWhatIsWrong(String id) {
        assertThatThrownBy(() -> MqttTopics.sensor(id, "t"))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("device id '" + id + "' is not valid");
        assertThatThrownBy(() -> MqttTopics.command("d", id)).hasMessageContaining("action '" + id + "'");
        assertThatThrownBy(() -> MqttTopics.alert("d", id)).hasMessageContaining("alert type");
        assertThatThrownBy(() -> MqttTopics.sensor("d", id)).hasMessageContaining("measurement");
    }

    @Test
    void anIdOfMoreThan128CharactersIsRefused() {
        assertThat(MqttTopics.id("device id", "a".repeat(128))).hasSize(128);
        assertThatThrownBy(() -> MqttTopics.id("device id", "a".repeat(129))).isInstanceOf(P4n4Exception.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sensors/+/t", "sensors/#", "#", "+", "a/b+"})
    void publishTopicsRefuseWildcards(String topic) {
        assertThatThrownBy(() -> MqttTopics.requireTopic(topic))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("wildcards");
    }

    @Test
    void emptyNulAndOverlongTopicsAreRefused() {
        assertThatThrownBy(() -> MqttTopics.requireTopic("")).hasMessageContaining("is empty");
        assertThatThrownBy(() -> MqttTopics.requireFilter("a/\0")).hasMessageContaining("NUL");
        assertThatThrownBy(() -> MqttTopics.requireTopic("a".repeat(65_536))).hasMessageContaining("65,535");
        assertThat(MqttTopics.requireTopic("any/thing here")).isEqualTo("any/thing here");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sensors/+/t", "sensors/#", "#", "+", "+/+/+", "alerts/dev/#", "a//b"})
    void wellFormedFiltersAreAccepted(String filter) {
        assertThat(MqttTopics.requireFilter(filter)).isEqualTo(filter);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sensors/#/t", "sensors/a+", "sensors/#x", "a/b#"})
    void malformedFiltersAreUserErrors(String filter) {
        assertThatThrownBy(() -> MqttTopics.requireFilter(filter))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("is malformed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sensors/d/temperature", "sensors/+/+", "sensors/#", "commands/d/reboot", "alerts/+/critical",
        "alerts/d/#", "status/d/online", "status/+/online", "inference/d/result", "federation/site-1/sensors/#",
        "federation/+/sensors/d/t", "federation/site-1/#"})
    void specTopicsMatch(String topic) {
        assertThat(MqttTopics.matchesSpec(topic)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"devices/+/register", "alerts/escalated", "status/d/offline", "status/d", "inference/d/x",
        "sensors/d/t/extra", "sensors", "sensors/d/#/x", "other/d/t", "federation/s/alerts/#", "federation/s",
        "sensors/a b/t", "#"})
    void otherTopicsDoNot(String topic) {
        assertThat(MqttTopics.matchesSpec(topic)).isFalse();
    }

    @Test
    void qosAndVersionParse() {
        assertThat(MqttQos.of(2)).isEqualTo(MqttQos.EXACTLY_ONCE);
        assertThat(MqttQos.AT_LEAST_ONCE.code()).isEqualTo(1);
        assertThatThrownBy(() -> MqttQos.of(3)).hasMessageContaining("use 0, 1 or 2");
        assertThat(MqttVersion.parse("3.1.1")).isEqualTo(MqttVersion.V3_1_1);
        assertThat(MqttVersion.parse("5")).isEqualTo(MqttVersion.V5);
        assertThatThrownBy(() -> MqttVersion.parse("4")).isInstanceOfSatisfying(P4n4Exception.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.USER));
    }

    @Test
    void messagesCopyTheirPayloadAndNeverPrintIt() {
        byte[] bytes = "secret-reading".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        MqttMessage m = new MqttMessage("sensors/d/t", bytes, MqttQos.AT_MOST_ONCE, true);
        bytes[0] = 'X';
        assertThat(m.payloadText()).isEqualTo("secret-reading");
        m.payload()[0] = 'Y';
        assertThat(m.payloadText()).isEqualTo("secret-reading");
        assertThat(m).isEqualTo(new MqttMessage("sensors/d/t", m.payload(), MqttQos.AT_MOST_ONCE, true))
                .hasSameHashCodeAs(new MqttMessage("sensors/d/t", m.payload(), MqttQos.AT_MOST_ONCE, true))
                .isNotEqualTo(new MqttMessage("sensors/d/t", m.payload(), MqttQos.AT_MOST_ONCE, false));
        assertThat(m.toString()).contains("14 bytes").doesNotContain("secret");
    }
}
