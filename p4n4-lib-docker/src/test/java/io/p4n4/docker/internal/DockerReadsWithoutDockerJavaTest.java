package io.p4n4.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.EventFilter;
import io.p4n4.api.engine.Subscription;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code status}, an {@code up} with nothing to do and a {@code down} of an absent project ask the engine
 * (and the events an {@code up} watches) are answered without building docker-java's client (its set-up and model classes were most of the CLI's
 * start-up on Docker). Runs on dockerd and on Podman's Docker-compatible socket.
 */
class DockerReadsWithoutDockerJavaTest {

    @ParameterizedTest
    @ValueSource(strings = {"P4N4_TEST_DOCKER_HOST", "P4N4_TEST_PODMAN_HOST"})
    void readsAndEventsDoNotBuildDockerJavasClient(String variable) throws InterruptedException {
        String host = System.getenv(variable);
        assumeThat(host).as(variable + " (scripts/engines.sh start)").isNotBlank();
        String absent = "p4n4-absent-" + UUID.randomUUID();
        LabelFilter project = LabelFilter.of("com.docker.compose.project", absent);
        try (DockerContainerEngine engine = DockerContainerEngine.connect(new EngineConfig(URI.create(host), null,
                null))) {
            engine.ping();
            assertThat(engine.version().negotiatedApiVersion()).isNotBlank();
            assertThat(engine.info().storageDriver()).isNotBlank();
            assertThat(engine.listContainers(ContainerFilter.all(project))).isEmpty();
            assertThat(engine.listNetworks(project)).isEmpty();
            assertThat(engine.listVolumes(project)).isEmpty();
            assertThat(engine.findContainer(absent)).isEmpty();
            assertThat(engine.findNetwork(absent)).isEmpty();
            assertThat(engine.findVolume(absent)).isEmpty();
            assertThat(engine.findImage("p4n4-absent/" + absent + ":1")).isEmpty();
            assertThat(engine.unsupportedSettings(io.p4n4.api.engine.ContainerSpec.builder("alpine:3").build()))
                    .isEmpty();
            Subscription events = engine.events(EventFilter.containers(project), e -> { });
            assertThat(events.isActive()).isTrue();
            events.close();
            assertThat(events.awaitTermination(Duration.ofSeconds(5))).isTrue();
            assertThat(events.findFailure()).isEmpty();
            assertThat(engine.dockerJavaClientBuilt()).isFalse();
        }
    }
}
