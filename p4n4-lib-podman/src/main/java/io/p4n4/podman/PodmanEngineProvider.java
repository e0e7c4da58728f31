package io.p4n4.podman;

import io.p4n4.api.EngineException;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.api.spi.Availability;
import io.p4n4.api.spi.ContainerEngineProvider;
import io.p4n4.podman.internal.PodmanEngine;
import io.p4n4.api.engine.ContainerEngine;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Provides Podman engines: Podman's libpod REST API (v4+) over its unix socket. Listed in
 * {@code META-INF/services}; stateless and thread-safe.
 */
public final class PodmanEngineProvider implements ContainerEngineProvider {
    /** Rootful Podman's socket. */
    static final String ROOTFUL_SOCKET = "/run/podman/podman.sock";

    /** Needed by {@link java.util.ServiceLoader}; touches nothing. */
    public PodmanEngineProvider() {
    }

    @Override
    public String id() {
        return PodmanEngine.ID;
    }

    @Override
    public String description() {
        return "Podman libpod REST API v4+ (OkHttp over the unix socket); drives healthchecks itself";
    }

    @Override
    public int priority() {
        return 50;
    }

    @Override
    public Optional<String> endpointVariable() {
        return Optional.of("CONTAINER_HOST");
    }

    @Override
    public List<URI> defaultEndpoints(Map<String, String> environment) {
        List<URI> out = new ArrayList<>();
        String runtimeDir = environment.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            // rootless Podman, the common case on desktops
            out.add(URI.create("unix://" + Path.of(runtimeDir, "podman", "podman.sock")));
        }
        out.add(URI.create("unix://" + ROOTFUL_SOCKET));
        return List.copyOf(out);
    }

    @Override
    public Availability probe(EngineConfig config) {
        URI endpoint = config.endpoint();
        if ("unix".equals(endpoint.getScheme()) && !Files.exists(Path.of(endpoint.getPath()))) {
            return Availability.unavailable("no Podman socket at " + endpoint.getPath()
                    + "; start one with: podman system service --time=0 " + endpoint);
        }
        try (PodmanEngine engine = new PodmanEngine(config)) {
            return Availability.available("Podman, libpod API " + engine.libpodVersion() + " at " + endpoint);
        } catch (EngineException e) {
            return Availability.unavailable(e.getMessage());
        } catch (RuntimeException e) {
            return Availability.unavailable("probing Podman at " + endpoint + " failed: " + e);
        }
    }

    @Override
    public ContainerEngine create(EngineConfig config) {
        PodmanEngine engine = new PodmanEngine(config);
        try {
            engine.libpodVersion(); // fail here, naming the endpoint, rather than on first use
            return engine;
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }
}
