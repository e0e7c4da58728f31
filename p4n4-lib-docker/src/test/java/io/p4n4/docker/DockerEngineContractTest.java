package io.p4n4.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineCapability;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.testkit.engine.ContainerEngineContract;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The compatibility kit against the dockerd of {@code P4N4_TEST_DOCKER_HOST} (scripts/engines.sh start). */
class DockerEngineContractTest extends ContainerEngineContract {

    @Test
    void listsEveryOptionalOperationAndRunsHealthchecksItself() {
        assertThat(engine.capabilities()).isEqualTo(EnumSet.allOf(EngineCapability.class));
    }

    @Override
    protected String engineId() {
        return "docker";
    }

    @Override
    protected String endpointVariable() {
        return "P4N4_TEST_DOCKER_HOST";
    }

    @Override
    protected ContainerEngine createEngine(EngineConfig config) {
        return new DockerEngineProvider().create(config);
    }
}
