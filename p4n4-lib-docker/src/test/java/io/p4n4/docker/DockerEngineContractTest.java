package io.p4n4.docker;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.testkit.engine.ContainerEngineContract;

/** The compatibility kit against the dockerd of {@code P4N4_TEST_DOCKER_HOST} (scripts/engines.sh start). */
class DockerEngineContractTest extends ContainerEngineContract {

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
