package com.example.enginekit;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.docker.DockerEngineProvider;
import io.p4n4.testkit.engine.ContainerEngineContract;

/**
 * What a backend author writes to run the compatibility kit: the backend's id, the variable naming the test
 * endpoint, and how to create the engine. Every test comes from {@link ContainerEngineContract}.
 */
class DockerBackendCompatibilityTest extends ContainerEngineContract {

    @Override
    protected String engineId() {
        return DockerEngineProvider.ID;
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
