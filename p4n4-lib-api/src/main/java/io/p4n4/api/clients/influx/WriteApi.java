package io.p4n4.api.clients.influx;

import java.util.Collection;

/**
 * A batching, asynchronous writer: points are serialized to line protocol at once, collected into
 * batches of {@link WriteOptions#batchSize()} and sent by one background thread when a batch is
 * full or {@link WriteOptions#flushInterval()} has passed. Failed batches are retried with
 * exponential backoff and jitter, honouring {@code Retry-After}; what cannot be written is handed
 * to {@link WriteListener#onDropped}. The buffer is bounded by {@link WriteOptions#bufferLimit()}
 * with the stated {@link OverflowPolicy}.
 *
 * <p>{@link #close()} flushes: every point accepted before it is written (or, only if InfluxDB
 * stays unreachable past {@link WriteOptions#closeTimeout()}, reported as dropped). Thread-safe:
 * any number of threads may write concurrently.
 */
public interface WriteApi extends AutoCloseable {

    /**
     * Buffers one point.
     *
     * @throws io.p4n4.api.P4n4Exception NETWORK when the buffer stays full past the block timeout
     *     ({@link OverflowPolicy#BLOCK}); USER when the writer is closed; VALIDATION when the point's
     *     time does not fit the writer's precision
     */
    void write(Point point);

    /**
     * Buffers several points, in order. A point that cannot be written (VALIDATION, as for
     * {@link #write(Point)}) does not stop the others: they are all buffered, then the refusal is
     * thrown, naming the first refused point and how many were refused.
     */
    void write(Collection<Point> points);

    /**
     * Buffers one line of line protocol exactly as given (no trailing newline needed), in the
     * writer's precision.
     */
    void writeRecord(String line);

    /** Buffers several lines of line protocol. */
    void writeRecords(Collection<String> lines);

    /**
     * Sends everything buffered so far and waits until it is written or dropped.
     *
     * @throws io.p4n4.api.P4n4Exception GENERAL when interrupted
     */
    void flush();

    /** Returns the writer's counters. */
    WriteStats stats();

    /**
     * Flushes every buffered point, waits for it to be written (at most
     * {@link WriteOptions#closeTimeout()}), then stops the background thread. Idempotent.
     */
    @Override
    void close();
}
