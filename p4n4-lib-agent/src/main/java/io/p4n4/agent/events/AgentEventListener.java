package io.p4n4.agent.events;

/**
 * Receives a device agent's {@link AgentEvent}s, in the order they happen, on the agent's worker thread (or the
 * thread that closes it): return quickly. An exception thrown here is logged and otherwise ignored, so a broken
 * listener cannot stop the agent. Implementations must be thread-safe if shared between agents.
 */
@FunctionalInterface
public interface AgentEventListener {

    /** A listener that ignores everything. */
    AgentEventListener NONE = event -> { };

    /** Called for each event. */
    void onEvent(AgentEvent event);
}
