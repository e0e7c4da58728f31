package io.p4n4.podman.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.podman.PodmanEngineProvider;
import io.p4n4.testkit.engine.ContainerSettingsContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** catatonit where Podman looks for it, or an init_path in the containers.conf the service was started with. */
    @Override
    protected boolean hasInitBinary() {
        if (Files.exists(Path.of("/usr/libexec/podman/catatonit"))) {
            return true;
        }
        String conf = System.getenv("CONTAINERS_CONF");
        try {
            return conf != null && Files.exists(Path.of(conf)) && Files.readString(Path.of(conf)).contains("init_path");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected boolean inspectShowsSysctls() {
        return false;
    }

    @Override
    protected String usernsHostInInspect() {
        return "";
    }

    /** libpod's inspect: {@code LogConfig.Type} ({@code k8s-file}, which Podman also accepts as json-file) and {@code Size}. */
    @Override
    protected LoggingReadBack logging(String container) {
        JsonNode log = engineGet("/v4.0.0/libpod/containers/" + container + "/json").path("HostConfig").path("LogConfig");
        String type = log.path("Type").asText();
        String size = log.path("Size").asText("");
        return new LoggingReadBack(type.equals("k8s-file") ? "json-file" : type,
                size.isEmpty() || size.equals("-1B") ? -1 : decimalBytes(size));
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
