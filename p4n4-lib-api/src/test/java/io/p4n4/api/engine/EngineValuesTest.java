package io.p4n4.api.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineValuesTest {

    @Test
    void containerSpecToStringShowsEnvNamesButNeverValues() {
        ContainerSpec spec = ContainerSpec.builder("influxdb:2")
                .env("DOCKER_INFLUXDB_INIT_PASSWORD", "s3cr3t-value")
                .label("com.docker.compose.service", "influxdb")
                .build();

        assertThat(spec.toString()).contains("DOCKER_INFLUXDB_INIT_PASSWORD").doesNotContain("s3cr3t-value");
    }

    @Test
    void containerSpecToBuilderRoundTripsEveryField() {
        ContainerSpec spec = ContainerSpec.builder("busybox:1")
                .name("c1").command("sh", "-c", "true").env("A", "1")
                .port(PortBinding.tcp("127.0.0.1", 0, 80))
                .mount(Mount.volume("data", "/data").asReadOnly())
                .network(NetworkAttachment.of("net", "alias"))
                .healthcheck(HealthcheckSpec.disabled())
                .restartPolicy(RestartPolicy.parse("on-failure:3"))
                .user("1000").workingDir("/w").hostname("h").device(DeviceMapping.of("/dev/null"))
                .build();

        assertThat(spec.toBuilder().build()).isEqualTo(spec);
        assertThat(spec.toBuilder().name("c2").build()).isNotEqualTo(spec);
    }

    @Test
    void labelFilterMatchesValuesAndPresence() {
        LabelFilter f = LabelFilter.of("com.docker.compose.project", "iot").and("tier", "db");

        assertThat(f.matches(Map.of("com.docker.compose.project", "iot", "tier", "db"))).isTrue();
        assertThat(f.matches(Map.of("com.docker.compose.project", "iot", "tier", "web"))).isFalse();
        assertThat(LabelFilter.has("x").matches(Map.of("x", ""))).isTrue();
        assertThat(LabelFilter.has("x").matches(Map.of("y", "1"))).isFalse();
        assertThat(LabelFilter.ANY.matches(Map.of())).isTrue();
    }

    @Test
    void restartPolicyParsesComposeSpellingAndRejectsUnknown() {
        assertThat(RestartPolicy.parse("on-failure:5")).isEqualTo(new RestartPolicy(RestartPolicy.Mode.ON_FAILURE, 5));
        assertThat(RestartPolicy.parse("unless-stopped").mode()).isEqualTo(RestartPolicy.Mode.UNLESS_STOPPED);
        assertThat(RestartPolicy.parse(null)).isEqualTo(RestartPolicy.NO);
        assertThatThrownBy(() -> RestartPolicy.parse("sometimes")).hasMessageContaining("sometimes");
    }

    @Test
    void statesParseBothEnginesWords() {
        assertThat(ContainerState.parse("running")).isEqualTo(ContainerState.RUNNING);
        assertThat(ContainerState.parse("stopped")).isEqualTo(ContainerState.EXITED);
        assertThat(ContainerState.parse("configured")).isEqualTo(ContainerState.CREATED);
        assertThat(ContainerState.parse("weird")).isEqualTo(ContainerState.UNKNOWN);
        assertThat(HealthStatus.parse("")).isEqualTo(HealthStatus.NONE);
        assertThat(HealthStatus.parse("healthy")).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void healthcheckRejectsUnknownTestKind() {
        assertThatThrownBy(() -> HealthcheckSpec.shell("x", null, null, 0).test().add("y"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new HealthcheckSpec(java.util.List.of("RUN", "x"), null, null, 0, null))
                .hasMessageContaining("CMD, CMD-SHELL or NONE");
    }

    @Test
    void engineConfigParsesBarePathAsUnixSocket() {
        assertThat(EngineConfig.parse("/tmp/p4n4-it/docker.sock").socketPath()).isEqualTo("/tmp/p4n4-it/docker.sock");
        assertThatThrownBy(() -> EngineConfig.parse("ftp://x")).hasMessageContaining("unix://");
    }
}
