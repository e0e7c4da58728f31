package io.p4n4.api.clients.influx;

import org.jspecify.annotations.Nullable;

/**
 * Points a {@link WriteApi} gave up on, handed to {@link WriteListener#onDropped(DroppedBatch)} so
 * nothing is lost silently: the line protocol is included so the caller can store it elsewhere.
 * Immutable.
 *
 * @param points how many points (lines)
 * @param lineProtocol the points as newline-separated line protocol
 * @param reason why they were dropped
 * @param cause the failure that made the writer give up, or {@code null} for overflow
 */
public record DroppedBatch(int points, String lineProtocol, Reason reason, @Nullable RuntimeException cause) {

    /** Why points were dropped. */
    public enum Reason {
        /** InfluxDB refused the batch with a status that retrying cannot fix (400, 401, 403, 404, 413). */
        REJECTED,
        /** Retries ran out ({@link WriteOptions#retryPolicy()}, {@link WriteOptions#maxRetryTime()}). */
        RETRIES_EXHAUSTED,
        /** The buffer was full under {@link OverflowPolicy#DROP_OLDEST} or {@link OverflowPolicy#DROP_NEWEST}. */
        OVERFLOW,
        /** {@code close()} ran out of {@link WriteOptions#closeTimeout()} before the batch could be sent. */
        CLOSED
    }

    @Override
    public String toString() {
        return "DroppedBatch[" + points + " points, " + reason + (cause == null ? "" : ", " + cause.getMessage()) + "]";
    }
}
