package io.p4n4.api.score;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a device agent writes to {@code status.<device>}: its state, every deployment's state, the
 * last error and when this was written. Immutable; the deployment map is sorted by name.
 *
 * @param deviceId the device
 * @param state the agent's state
 * @param deployments per-deployment status, by deployment name
 * @param lastError the last error the agent met (store or runtime), or {@code null}
 * @param timestamp when the status was taken, ISO-8601 UTC
 */
public record AgentStatus(String deviceId, AgentState state, Map<String, DeploymentStatus> deployments,
        @Nullable String lastError, String timestamp) {

    /** Copies the map (sorted) and checks the required fields. */
    public AgentStatus {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(timestamp, "timestamp");
        deployments = deployments == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(deployments));
    }
}
