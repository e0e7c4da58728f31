package io.p4n4.docker;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.api.engine.EngineVersion;
import io.p4n4.api.spi.Availability;
import io.p4n4.api.spi.ContainerEngineProvider;
import io.p4n4.docker.internal.DockerContainerEngine;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Docker Engine provider (id {@code docker}, priority 100): talks the Docker Engine API through docker-java
 * (reads as plain requests mapped from their JSON; on {@code unix://} over this module's own HTTP/1.1 client,
 * on {@code tcp://} over docker-java's shaded zerodep transport), negotiating the API version from {@code GET /version}, so Docker 20.10
 * (API 1.41) through Docker 29 (minimum 1.44) work. Also works against Podman's Docker-compatible socket.
 * Stateless and thread-safe.
 */
public final class DockerEngineProvider implements ContainerEngineProvider {

    /** The provider id, also the value of {@code P4N4_ENGINE}. */
    public static final String ID = "docker";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Docker Engine API via docker-java (own unix-socket transport, zerodep for tcp)";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Optional<String> endpointVariable() {
        return Optional.of("DOCKER_HOST");
    }

    /** {@code /var/run/docker.sock}, then the rootless socket under {@code XDG_RUNTIME_DIR}. */
    @Override
    public List<URI> defaultEndpoints(Map<String, String> environment) {
        List<URI> out = new ArrayList<>();
        out.add(URI.create("unix:///var/run/docker.sock"));
        String runtime = environment.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            out.add(URI.create("unix://" + runtime + "/docker.sock"));
        }
        return out;
    }

    @Override
    public Availability probe(EngineConfig config) {
        if ("unix".equals(config.endpoint().getScheme()) && !Files.exists(Path.of(config.socketPath()))) {
            return Availability.unavailable("no socket at " + config.socketPath());
        }
        try (ContainerEngine engine = create(config)) {
            engine.ping();
            EngineVersion v = engine.version();
            return Availability.available(v.product() + " " + v.version() + ", API " + v.negotiatedApiVersion()
                    + " at " + config.endpoint());
        } catch (RuntimeException e) {
            return Availability.unavailable(e.getMessage());
        }
    }

    @Override
    public ContainerEngine create(EngineConfig config) {
        return DockerContainerEngine.connect(config);
    }

    @Override
    public String toString() {
        return "DockerEngineProvider[" + ID + "]";
    }
}
