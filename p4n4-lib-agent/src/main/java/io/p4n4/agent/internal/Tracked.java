package io.p4n4.agent.internal;

import io.p4n4.api.score.DeploymentState;
import io.p4n4.api.score.DeploymentStatus;

/**
 * What the agent knows about one deployment: the stored string it last acted on and the result.
 *
 * @param value the stored Score string last acted on
 * @param revision its store revision
 * @param state the result
 * @param hash the canonical Score's hash, or {@code null} when it could not be read
 * @param message the reason for FAILED/REJECTED, or what was done
 */
record Tracked(String value, long revision, DeploymentState state, String hash, String message) {

    DeploymentStatus toStatus(String deployment) {
        return new DeploymentStatus(deployment, state, hash, revision,
                state == DeploymentState.RUNNING ? null : message);
    }
}
