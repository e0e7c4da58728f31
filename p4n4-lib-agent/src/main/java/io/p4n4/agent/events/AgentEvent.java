package io.p4n4.agent.events;

import io.p4n4.api.ErrorCode;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing a device agent did or met. Immutable. The message is the text the agent also puts in its status or
 * log: it names what went wrong and never holds a secret value (no credentials, no Score {@code env} values).
 *
 * @param time when it happened (the agent's clock)
 * @param level how much it matters
 * @param device the device id
 * @param deployment the deployment it is about, or {@code null} for the agent as a whole
 * @param event what happened: one of the constants of this class ({@value #APPLIED}, {@value #REJECTED}, ...)
 * @param errorCode the error's category for {@value #REJECTED}, {@value #APPLY_FAILED}, {@value #REMOVE_FAILED}
 *     and {@value #STORE_UNREACHABLE}, else {@code null}
 * @param message what happened, for people
 */
public record AgentEvent(Instant time, Level level, String device, @Nullable String deployment, String event,
        @Nullable ErrorCode errorCode, String message) {

    /** The agent started (before it reached the store). */
    public static final String AGENT_STARTED = "agent_started";
    /** The agent reached the store and reconciles. */
    public static final String AGENT_ACTIVE = "agent_active";
    /** The store could not be read; what runs keeps running and the agent retries. */
    public static final String STORE_UNREACHABLE = "store_unreachable";
    /** The agent stopped (containers keep running). */
    public static final String AGENT_STOPPED = "agent_stopped";
    /** A deployment's Score was applied: it runs now. */
    public static final String APPLIED = "applied";
    /** A deployment already ran its Score (after a restart): adopted, nothing started. */
    public static final String ADOPTED = "adopted";
    /** A deployment's Score was refused (invalid, unsigned, replayed, expired, or not for this device's topology). */
    public static final String REJECTED = "rejected";
    /** Applying a deployment's Score failed (the engine refused or did not answer); retried at the next relist. */
    public static final String APPLY_FAILED = "apply_failed";
    /** A deployment was removed (its key was deleted, or a signed tombstone arrived). */
    public static final String REMOVED = "removed";
    /** Removing a deployment failed; retried at the next relist. */
    public static final String REMOVE_FAILED = "remove_failed";

    /** How much an event matters. */
    public enum Level {
        /** Normal operation. */
        INFO,
        /** Something was refused or failed; the agent carries on. */
        WARN,
        /** Something failed that needs an operator. */
        ERROR
    }

    /** Checks the required fields. */
    public AgentEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(message, "message");
    }
}
