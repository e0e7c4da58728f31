package io.p4n4.api.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The growing engine values are built with builders; unset parts get the documented defaults. */
class EngineValueBuildersTest {

    @Test
    void containerInfoFillsUnsetPartsWithEmptyValues() {
        ContainerInfo info = ContainerInfo.builder("c1", ContainerState.CREATED).build();

        assertThat(info.name()).isEmpty();
        assertThat(info.health()).isEqualTo(ContainerHealth.NONE);
        assertThat(info.labels()).isEmpty();
        assertThat(info.startedAt()).isEqualTo(Instant.EPOCH);
        assertThat(info.error()).isEmpty();
        assertThat(info).isEqualTo(ContainerInfo.builder("c1", ContainerState.CREATED).name("").build())
                .isNotEqualTo(ContainerInfo.builder("c1", ContainerState.RUNNING).build());
    }

    @Test
    void containerInfoFindsTheHostPortOfATcpPort() {
        ContainerInfo info = ContainerInfo.builder("c1", ContainerState.RUNNING)
                .ports(List.of(new PortBinding(80, Protocol.UDP, "", 5353), new PortBinding(80, Protocol.TCP, "", 8080)))
                .build();

        assertThat(info.findHostPort(80)).contains(8080);
        assertThat(info.findHostPort(443)).isEmpty();
    }

    @Test
    void buildSpecToBuilderDerivesAVariantAndKeepsArgumentValuesOutOfToString() {
        BuildSpec spec = BuildSpec.builder(Path.of("/ctx"), "app:1").dockerfile("docker/Dockerfile")
                .args(Map.of("TOKEN", "s3cr3t")).target(" ").build();

        assertThat(spec.target()).as("a blank target means the last stage").isNull();
        assertThat(spec.toBuilder().build()).isEqualTo(spec).hasSameHashCodeAs(spec);
        BuildSpec rebuilt = spec.toBuilder().noCache(true).tag("app:latest").build();
        assertThat(rebuilt.tags()).containsExactly("app:1", "app:latest");
        assertThat(rebuilt.noCache()).isTrue();
        assertThat(rebuilt.dockerfilePath()).isEqualTo(Path.of("/ctx/docker/Dockerfile"));
        assertThat(rebuilt.toString()).contains("TOKEN").doesNotContain("s3cr3t");
    }

    @Test
    void engineInfoNeedsItsIdEndpointAndVersion() {
        EngineVersion v = new EngineVersion("Docker Engine", "27.0", "1.46", "1.41", "linux", "amd64");
        EngineInfo info = EngineInfo.builder("docker", URI.create("unix:///run/docker.sock"), v).images(3).build();

        assertThat(info.images()).isEqualTo(3);
        assertThat(info.storageDriver()).isEmpty();
        assertThatThrownBy(() -> EngineInfo.builder("docker", null, v)).hasMessageContaining("endpoint");
    }
}
