package io.p4n4.api.engine;

import java.time.Duration;
import java.util.Optional;

/**
 * A running stream of events or log lines. Closing it stops the stream; {@link #close()} is idempotent
 * and may be called from any thread, including from inside the callback. Implementations are thread-safe.
 */
public interface Subscription extends AutoCloseable {

    /** Returns true until the stream ended (closed, container gone, engine connection lost). */
    boolean isActive();

    /**
     * Waits until the stream ended or {@code timeout} passed.
     *
     * @return true if the stream ended within the timeout
     */
    boolean awaitTermination(Duration timeout) throws InterruptedException;

    /** Returns why the stream ended abnormally, if it did (an {@link io.p4n4.api.EngineException}). */
    Optional<RuntimeException> findFailure();

    /** Stops the stream; no callbacks happen after it returns (except one already running). */
    @Override
    void close();
}
