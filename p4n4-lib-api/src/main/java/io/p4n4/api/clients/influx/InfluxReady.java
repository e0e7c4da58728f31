package io.p4n4.api.clients.influx;

import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET /ready}. Immutable.
 *
 * @param status {@code ready} once the server accepts queries and writes
 * @param started when the server started (RFC 3339 text as sent), or {@code null}
 * @param up how long the server has been up (Go duration text, e.g. {@code 14m45.9s}), or {@code null}
 */
public record InfluxReady(String status, @Nullable String started, @Nullable String up) {

    /** Returns whether the server reported {@code ready}. */
    public boolean isReady() {
        return "ready".equals(status);
    }
}
