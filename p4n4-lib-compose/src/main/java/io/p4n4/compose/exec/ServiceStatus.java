package io.p4n4.compose.exec;

import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.HealthStatus;
import io.p4n4.api.engine.PortBinding;
import java.util.List;
import java.util.Objects;

/**
 * One container of a project as {@code ps} shows it.
 *
 * @param service   the compose service
 * @param container the container name
 * @param image     the image it runs
 * @param state     its state
 * @param health    its health ({@link HealthStatus#NONE} without a healthcheck)
 * @param exitCode  its exit code once exited
 * @param ports     its published ports
 */
public record ServiceStatus(String service, String container, String image, ContainerState state,
                            HealthStatus health, int exitCode, List<PortBinding> ports) {
    /** Checks the parts. */
    public ServiceStatus {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(health, "health");
        ports = List.copyOf(ports);
    }

    /** Running, and healthy when it has a healthcheck. */
    public boolean isReady() {
        return state == ContainerState.RUNNING && (health == HealthStatus.NONE || health == HealthStatus.HEALTHY);
    }
}
