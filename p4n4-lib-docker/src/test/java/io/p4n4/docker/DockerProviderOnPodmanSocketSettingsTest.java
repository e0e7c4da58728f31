package io.p4n4.docker;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.testkit.engine.ContainerSettingsContract;
import java.util.Set;

/**
 * The settings contract with the Docker provider on Podman's Docker-compatible socket
 * ({@code P4N4_TEST_PODMAN_HOST}): that API ignores Domainname and MacAddress, so the provider refuses them
 * there; its inspect shows neither sysctls nor logging options, so logging is read from libpod's inspect.
 */
class DockerProviderOnPodmanSocketSettingsTest extends ContainerSettingsContract {

    @Override
    protected Set<String> unsupportedHere() {
        return Set.of("domainname", "macAddress", "healthcheck.startInterval", "mounts.noCopy");
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
