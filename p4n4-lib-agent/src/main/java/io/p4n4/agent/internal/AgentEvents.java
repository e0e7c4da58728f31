package io.p4n4.agent.internal;

import io.p4n4.agent.events.AgentEvent;
import io.p4n4.agent.events.AgentEventListener;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one device's {@link AgentEvent}s to the agent's listener, stamped with the agent's clock; a listener
 * that throws is logged, never allowed to stop the agent. Thread-safe if the listener is.
 */
public final class AgentEvents {

    private static final Logger LOG = LoggerFactory.getLogger(AgentEvents.class);

    private final String device;
    private final Clock clock;
    private final AgentEventListener listener;

    /** Creates the emitter for {@code device}. */
    public AgentEvents(String device, Clock clock, AgentEventListener listener) {
        this.device = device;
        this.clock = clock;
        this.listener = listener;
    }

    /** Emits an INFO event. */
    public void info(@Nullable String deployment, String event, String message) {
        emit(AgentEvent.Level.INFO, deployment, event, null, message);
    }

    /** Emits a WARN event with its error category. */
    public void warn(@Nullable String deployment, String event, ErrorCode code, String message) {
        emit(AgentEvent.Level.WARN, deployment, event, code, message);
    }

    /** Returns the category of a failure: its own for a {@link P4n4Exception}, else {@code fallback}. */
    public static ErrorCode codeOf(Throwable failure, ErrorCode fallback) {
        return failure instanceof P4n4Exception p ? p.code() : fallback;
    }

    private void emit(AgentEvent.Level level, @Nullable String deployment, String event, @Nullable ErrorCode code,
            String message) {
        try {
            listener.onEvent(new AgentEvent(clock.instant(), level, device, deployment, event, code, message));
        } catch (RuntimeException e) {
            LOG.warn("an agent event listener failed on {} for {}: {}", event, device, e.toString());
        }
    }
}
