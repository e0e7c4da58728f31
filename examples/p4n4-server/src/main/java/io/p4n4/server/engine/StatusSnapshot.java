package io.p4n4.server.engine;

import io.p4n4.api.project.StackId;
import io.p4n4.compose.exec.ServiceStatus;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The status of a project's stacks at one moment, as {@link StatusCache} publishes it. Immutable and
 * thread-safe.
 *
 * @param sequence which publication it is: 1 for the first, one more for each that differs from the one before
 * @param at       when the engine was asked
 * @param engineId the engine's id ({@code docker}, {@code podman})
 * @param stacks   every stack of the project, in the project's stack order, with its containers (an empty list for
 *                 a stack that is not running)
 */
public record StatusSnapshot(long sequence, Instant at, String engineId, Map<StackId, List<ServiceStatus>> stacks) {

    /** Copies the stacks, keeping their order. */
    public StatusSnapshot {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(engineId, "engineId");
        Map<StackId, List<ServiceStatus>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(stacks, "stacks").forEach((stack, services) -> copy.put(stack, List.copyOf(services)));
        stacks = Collections.unmodifiableMap(copy);
    }

    /** The containers of {@code stack}; empty when it is not running or not part of the project. */
    public List<ServiceStatus> services(StackId stack) {
        return stacks.getOrDefault(stack, List.of());
    }
}
