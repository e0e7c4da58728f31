package io.p4n4.api.clients.influx;

/**
 * What a {@link WriteApi} does when its buffer holds {@link WriteOptions#bufferLimit()} points and
 * another arrives (InfluxDB is slower than the producer, or unreachable). Immutable.
 */
public enum OverflowPolicy {
    /**
     * The writing thread waits for room up to {@link WriteOptions#blockTimeout()}, then gets a
     * NETWORK {@link io.p4n4.api.P4n4Exception}; nothing is dropped silently. The default.
     */
    BLOCK,
    /** The oldest pending batch is dropped to make room and reported to {@link WriteListener#onDropped}. */
    DROP_OLDEST,
    /** The incoming points are dropped and reported to {@link WriteListener#onDropped}. */
    DROP_NEWEST
}
