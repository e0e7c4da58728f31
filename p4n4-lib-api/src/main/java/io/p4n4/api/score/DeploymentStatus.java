package io.p4n4.api.score;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The reported state of one deployment on a device. Immutable.
 *
 * @param deployment the deployment name
 * @param state where it stands
 * @param scoreHash the SHA-256 (hex) of the canonical Score applied or attempted, or {@code null}
 * @param revision the store revision of the Score, 0 when unknown
 * @param message a human-readable reason for FAILED/REJECTED, or {@code null}
 */
public record DeploymentStatus(String deployment, DeploymentState state, @Nullable String scoreHash,
        long revision, @Nullable String message) {

    /** Checks the required fields. */
    public DeploymentStatus {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(state, "state");
    }
}
