package io.p4n4.podman.internal;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.podman.PodmanEngineProvider;
import io.p4n4.testkit.engine.ContainerSettingsContract;
import java.util.Set;

/**
 * The settings contract against the Podman of {@code P4N4_TEST_PODMAN_HOST} (scripts/engines.sh start).
 * Podman 4.3 has no NIS domain name and no healthcheck start interval; its Docker-compatible inspect shows
 * no sysctls and reports the logging driver without its options, so logging is read from libpod's inspect.
 */
class PodmanContainerSettingsTest extends ContainerSettingsContract {

    @Override
    protected Set<String> unsupportedHere() {
        return Set.of("domainname", "healthcheck.startInterval");
    }

    @Override
    protected boolean hasInitBinary() {
        return podmanHasInitBinary();
    }

    @Override
    protected boolean inspectShowsSysctls() {
        return false;
    }

    @Override
    protected String usernsHostInInspect() {
        return "";
    }

    @Override
    protected LoggingReadBack logging(String container) {
        return libpodLogging(container);
    }

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
