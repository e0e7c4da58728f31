package io.p4n4.compose.exec;

/** What {@code up} does with a compose service key: see {@link ServiceKeys}. */
public enum KeyGroup {
    /** Mapped onto the container (or handled by the executor), as Docker Compose does. */
    APPLIED,
    /** {@code up} fails before it creates anything, with a USER error naming the service and the key. */
    REFUSED,
    /** Meaningless for a local engine (swarm scheduling, for example): {@code up} goes on and warns. */
    IGNORED
}
