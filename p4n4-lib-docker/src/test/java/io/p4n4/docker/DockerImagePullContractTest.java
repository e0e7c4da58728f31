package io.p4n4.docker;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.api.registry.RegistryCredentialStore;
import io.p4n4.docker.internal.DockerContainerEngine;
import io.p4n4.testkit.engine.ImagePullContract;

/** Real pulls from the local registries through the dockerd of {@code P4N4_TEST_DOCKER_HOST}. */
class DockerImagePullContractTest extends ImagePullContract {

    @Override
    protected String engineId() {
        return "docker";
    }

    @Override
    protected String endpointVariable() {
        return "P4N4_TEST_DOCKER_HOST";
    }

    @Override
    protected ContainerEngine createEngine(EngineConfig config, RegistryCredentialStore credentials) {
        return DockerContainerEngine.connect(config, credentials);
    }
}
