package io.p4n4.api.score;

import org.jspecify.annotations.Nullable;

/**
 * A quick health view of a device agent, for probes and the CLI. Immutable.
 *
 * @param state the agent's state
 * @param storeConnected whether the desired-state store is reachable right now
 * @param running deployments in state RUNNING
 * @param failed deployments in state FAILED or REJECTED
 * @param lastReconcile when the last full reconcile pass ended (ISO-8601 UTC), or {@code null}
 */
public record AgentHealth(AgentState state, boolean storeConnected, int running, int failed,
        @Nullable String lastReconcile) {

    /** Returns true when the agent is active and connected (failed deployments do not count). */
    public boolean healthy() {
        return state == AgentState.ACTIVE && storeConnected;
    }
}
