package io.p4n4.clients.router;

import io.p4n4.api.clients.ollama.PullProgress;
import java.time.Duration;

/**
 * Hears what a {@link ChatRouter} does, as it does it: the same facts as the {@link RoutedAnswer}'s record,
 * as events. Called on the calling thread (breaker changes on the thread that caused them); every method
 * has an empty default. A listener that throws is logged and otherwise ignored; keep listeners fast.
 */
public interface RouterListener {

    /** A provider is being asked. */
    default void attemptStarted(String provider, String model) {
    }

    /** A provider failed or was skipped ({@link FailureReason#CIRCUIT_OPEN}). */
    default void attemptFailed(Attempt attempt) {
    }

    /** A provider is pulling the model before answering. */
    default void pullProgress(String provider, String model, PullProgress progress) {
    }

    /** The first chunk with text arrived from {@code provider}, {@code sinceStart} after the router's call. */
    default void firstToken(String provider, Duration sinceStart) {
    }

    /**
     * A stream broke after {@code partialText} had arrived from {@code provider}, and the next provider is
     * asked for the whole answer ({@link MidStreamPolicy#SWITCH_PROVIDER}): discard what was shown.
     */
    default void switchedMidAnswer(String provider, String partialText) {
    }

    /** A provider's circuit breaker changed state. */
    default void breakerChanged(String provider, BreakerState from, BreakerState to) {
    }

    /** The call ended with an answer. */
    default void answered(RoutedAnswer answer) {
    }
}
