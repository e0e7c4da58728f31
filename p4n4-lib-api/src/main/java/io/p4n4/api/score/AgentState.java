package io.p4n4.api.score;

/** The life cycle of a device agent: INITIALIZING -> CONNECTING -> ACTIVE -> SHUTDOWN. */
public enum AgentState {
    /** Built, not started. */
    INITIALIZING,
    /** Started; waiting for the store (first connection or after losing it). */
    CONNECTING,
    /** Connected, watching and reconciling. */
    ACTIVE,
    /** Closed; nothing runs any more (containers are left running). */
    SHUTDOWN
}
