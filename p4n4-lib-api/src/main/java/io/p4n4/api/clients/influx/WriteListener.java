package io.p4n4.api.clients.influx;

import io.p4n4.api.ServiceException;
import java.time.Duration;

/**
 * Hears what a {@link WriteApi} does with its batches: the error callback of the batching writer.
 * Methods are called on the writer's background thread (or, for overflow drops, on the writing
 * thread); they must be quick and must not throw (exceptions are logged and ignored). Every method
 * has an empty default.
 */
public interface WriteListener {

    /** A batch of {@code points} points was accepted by InfluxDB (HTTP 204). */
    default void onWritten(int points) {
    }

    /**
     * A batch failed for a transient reason (connection, 429, 5xx) and will be sent again after
     * {@code delay} (which honours {@code Retry-After}).
     */
    default void onRetry(int points, int retry, Duration delay, ServiceException cause) {
    }

    /** Points were given up on; see {@link DroppedBatch#reason()}. */
    default void onDropped(DroppedBatch batch) {
    }

    /** A listener that does nothing. */
    static WriteListener none() {
        return new WriteListener() {
        };
    }
}
