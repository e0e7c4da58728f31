package io.p4n4.podman.internal;

import io.p4n4.podman.PodmanEngineProvider;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.testkit.engine.ContainerEngineContract;

/** The compatibility kit, unchanged, against the Podman of {@code P4N4_TEST_PODMAN_HOST} (scripts/engines.sh start). */
class PodmanEngineContractTest extends ContainerEngineContract {

    @Override
    protected String engineId() {
        return "podman";
    }

    @Override
    protected String endpointVariable() {
        return "P4N4_TEST_PODMAN_HOST";
    }

    @Override
    protected ContainerEngine createEngine(EngineConfig config) {
        return new PodmanEngineProvider().create(config);
    }
}
