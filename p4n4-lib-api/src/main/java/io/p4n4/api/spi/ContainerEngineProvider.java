package io.p4n4.api.spi;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineConfig;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes {@link ContainerEngine}s of one kind (Docker, Podman). Found by {@link java.util.ServiceLoader}
 * (list the class in {@code META-INF/services/io.p4n4.api.spi.ContainerEngineProvider}) or registered
 * explicitly. Implementations need a public no-argument constructor and must be thread-safe; creating the
 * provider must not touch the network.
 */
public interface ContainerEngineProvider {

    /** A stable id, also the value of {@code P4N4_ENGINE}: {@code docker}, {@code podman}. */
    String id();

    /** One line for humans: {@code "Docker Engine API via docker-java"}. */
    String description();

    /** Higher is tried first when nothing is configured. Docker 100, Podman 50. */
    int priority();

    /**
     * The environment variable that names this engine's endpoint when set, e.g. {@code DOCKER_HOST} or
     * {@code CONTAINER_HOST}.
     */
    Optional<String> endpointVariable();

    /**
     * Where this engine usually listens on this machine, most likely first, given the environment
     * (e.g. {@code XDG_RUNTIME_DIR}). Only used when nothing is configured.
     */
    List<URI> defaultEndpoints(Map<String, String> environment);

    /**
     * Checks for real (a request to the engine) whether an engine of this kind answers at
     * {@code config.endpoint()}. Never throws; a failure becomes {@link Availability#unavailable}.
     */
    Availability probe(EngineConfig config);

    /** Creates an engine for {@code config}; throws ENGINE if it cannot be reached. */
    ContainerEngine create(EngineConfig config);
}
