package io.p4n4.api.score;

import java.util.Objects;

/**
 * What an interpreter reports after applying a Score. Immutable.
 *
 * @param state RUNNING on success, FAILED when the runtime refused, REJECTED when the Score cannot run
 *     on this topology
 * @param message what was done or what went wrong (never a secret value)
 */
public record ApplyOutcome(DeploymentState state, String message) {

    /** Checks the fields. */
    public ApplyOutcome {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
    }

    /** The Score is applied and running. */
    public static ApplyOutcome running(String message) {
        return new ApplyOutcome(DeploymentState.RUNNING, message);
    }

    /** Applying failed; the agent retries later. */
    public static ApplyOutcome failed(String message) {
        return new ApplyOutcome(DeploymentState.FAILED, message);
    }

    /** The Score cannot run here (e.g. wrong architecture); the agent does not retry it. */
    public static ApplyOutcome rejected(String message) {
        return new ApplyOutcome(DeploymentState.REJECTED, message);
    }
}
