package io.p4n4.clients.router;

import io.p4n4.api.clients.ollama.PullProgress;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands the router's events to its listeners and its log; a listener that throws is logged, not obeyed. */
final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(ChatRouter.class);

    private final List<RouterListener> listeners;

    Events(List<RouterListener> listeners) {
        this.listeners = listeners;
    }

    void started(String provider, String model) {
        emit(l -> l.attemptStarted(provider, model));
    }

    void failed(Attempt attempt) {
        LOG.debug("LLM provider {}", attempt.describe());
        emit(l -> l.attemptFailed(attempt));
    }

    void pullProgress(String provider, String model, PullProgress progress) {
        emit(l -> l.pullProgress(provider, model, progress));
    }

    void firstToken(String provider, Duration sinceStart) {
        emit(l -> l.firstToken(provider, sinceStart));
    }

    void switched(String provider, String partialText) {
        LOG.info("LLM provider {} broke off after {} characters; asking the next provider", provider,
                partialText.length());
        emit(l -> l.switchedMidAnswer(provider, partialText));
    }

    void breaker(String provider, Breaker.@Nullable Transition change) {
        if (change == null) {
            return;
        }
        LOG.info("LLM provider {}: circuit breaker {} -> {}", provider, change.from(), change.to());
        emit(l -> l.breakerChanged(provider, change.from(), change.to()));
    }

    void answered(RoutedAnswer answer) {
        emit(l -> l.answered(answer));
    }

    private void emit(Consumer<RouterListener> event) {
        for (RouterListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("a RouterListener ({}) threw; the router goes on without it for this event",
                        l.getClass().getName(), e);
            }
        }
    }
}
