package io.p4n4.api.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an engine reports when a container is inspected.
 *
 * @param id the full container id
 * @param name the name, without Docker's leading slash
 * @param image the image reference the container was created from
 * @param imageId the id of that image
 * @param state lifecycle state
 * @param exitCode exit code of the last run (0 while it never exited)
 * @param health health, {@link ContainerHealth#NONE} without a healthcheck
 * @param labels the container's labels
 * @param ports the published ports with the host port actually bound
 * @param networkAddresses network name to the container's IPv4 address there ({@code ""} if none yet)
 * @param startedAt when it last started; {@link Instant#EPOCH} if never
 * @param finishedAt when it last exited; {@link Instant#EPOCH} if never
 * @param error the engine's error text for the last start, {@code ""} if none
 */
public record ContainerInfo(String id, String name, String image, String imageId, ContainerState state,
                            int exitCode, ContainerHealth health, Map<String, String> labels,
                            List<PortBinding> ports, Map<String, String> networkAddresses,
                            Instant startedAt, Instant finishedAt, String error) {

    public ContainerInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        name = name == null ? "" : name;
        image = image == null ? "" : image;
        imageId = imageId == null ? "" : imageId;
        health = health == null ? ContainerHealth.NONE : health;
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        ports = List.copyOf(ports == null ? List.of() : ports);
        networkAddresses = Map.copyOf(networkAddresses == null ? Map.of() : networkAddresses);
        startedAt = startedAt == null ? Instant.EPOCH : startedAt;
        finishedAt = finishedAt == null ? Instant.EPOCH : finishedAt;
        error = error == null ? "" : error;
    }

    /** Returns the first host port bound to {@code containerPort}/tcp, if it is published. */
    public Optional<Integer> findHostPort(int containerPort) {
        return ports.stream()
                .filter(p -> p.containerPort() == containerPort && p.protocol() == Protocol.TCP && p.hostPort() > 0)
                .map(PortBinding::hostPort)
                .findFirst();
    }
}
