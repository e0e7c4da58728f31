package io.p4n4.it.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.compose.engine.EngineDiscovery;
import io.p4n4.testkit.engine.TestEngines;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Engine discovery on the real engines, pinned by {@code P4N4_ENGINE} and pointed by each engine's own
 * host variable (the executor tests get their engines from the testkit).
 */
@Tag("engine")
class EngineDiscoveryOnEnginesTest {

    @ParameterizedTest
    @CsvSource({"docker, DOCKER_HOST", "podman, CONTAINER_HOST"})
    void discoveryConnectsToTheEngineItsHostVariableNames(String engineId, String hostVariable) {
        String endpoint = TestEngines.requireEndpoint(TestEngines.endpointVariable(engineId));

        try (ContainerEngine engine = EngineDiscovery.builder()
                .environment(Map.of("P4N4_ENGINE", engineId, hostVariable, endpoint)).build().connect()) {
            assertThat(engine.id()).isEqualTo(engineId);
            assertThat(engine.endpoint()).isEqualTo(URI.create(endpoint));
            assertThat(engine.imageExists(TestEngines.TEST_IMAGE)).isTrue();
        }
    }
}
