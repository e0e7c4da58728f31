package io.p4n4.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineCapability;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.testkit.engine.ContainerEngineContract;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit with the Docker provider pointed at Podman's Docker-compatible socket
 * ({@code P4N4_TEST_PODMAN_HOST}), as users do with {@code DOCKER_HOST=unix://.../podman.sock}: proves the
 * API negotiation and the healthchecks driven through libpod on that socket.
 */
class DockerProviderOnPodmanSocketContractTest extends ContainerEngineContract {

    @Test
    void listsEveryOptionalOperationButLeavesHealthchecksToTheWaiter() {
        assertThat(engine.capabilities()).isEqualTo(EnumSet.complementOf(EnumSet.of(EngineCapability.HEALTHCHECKS_RUN_BY_ENGINE)));
    }

    @Override
    protected String engineId() {
        return "docker";
    }

    @Override
    protected String endpointVariable() {
        return "P4N4_TEST_PODMAN_HOST";
    }

    @Override
    protected ContainerEngine createEngine(EngineConfig config) {
        return new DockerEngineProvider().create(config);
    }
}
