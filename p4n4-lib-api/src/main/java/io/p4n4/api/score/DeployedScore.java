package io.p4n4.api.score;

import java.util.Objects;

/**
 * A deployment an interpreter finds running on the device (for containers: read from their labels).
 * The agent compares it with the desired state after a restart, so nothing is started twice.
 *
 * @param deployment the deployment name
 * @param scoreHash the hash of the canonical Score it was created from
 */
public record DeployedScore(String deployment, String scoreHash) {

    /** Checks the fields. */
    public DeployedScore {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(scoreHash, "scoreHash");
    }
}
