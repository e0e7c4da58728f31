package io.p4n4.podman.internal;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.api.registry.RegistryCredentialStore;
import io.p4n4.testkit.engine.ImagePullContract;

/** Real pulls from the local registries through the Podman service of {@code P4N4_TEST_PODMAN_HOST}. */
class PodmanImagePullContractTest extends ImagePullContract {

    @Override
    protected String engineId() {
        return "podman";
    }

    @Override
    protected String endpointVariable() {
        return "P4N4_TEST_PODMAN_HOST";
    }

    @Override
    protected ContainerEngine createEngine(EngineConfig config, RegistryCredentialStore credentials) {
        return new PodmanEngine(config, credentials);
    }

    @Override
    protected boolean reportsBytesOfEveryDownload() {
        return false; // Podman's compatible pull stream reports bytes once a second (seen: 65 MB then 121 MB of 151 MB)
    }
}
