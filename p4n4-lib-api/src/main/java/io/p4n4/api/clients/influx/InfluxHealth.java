package io.p4n4.api.clients.influx;

import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET /health}: whether the InfluxDB server is up and its version. Immutable.
 *
 * @param name the server name, {@code influxdb}
 * @param status {@code pass} or {@code fail}
 * @param message the server's own summary, e.g. {@code ready for queries and writes}
 * @param version the server version, e.g. {@code v2.7.11}, or {@code null}
 * @param commit the build commit, or {@code null}
 */
public record InfluxHealth(String name, String status, String message, @Nullable String version,
        @Nullable String commit) {

    /** Returns whether the server reported {@code pass}. */
    public boolean isPass() {
        return "pass".equals(status);
    }
}
