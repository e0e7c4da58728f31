package io.p4n4.api.clients.influx;

/**
 * Counters of a {@link WriteApi} since it was created. A snapshot: immutable.
 *
 * @param accepted points handed to {@code write}
 * @param written points InfluxDB acknowledged
 * @param dropped points given up on (each reported to {@link WriteListener#onDropped})
 * @param retries batch sends that were repeated
 * @param buffered points waiting to be sent (including the batch in flight)
 */
public record WriteStats(long accepted, long written, long dropped, long retries, long buffered) {
}
