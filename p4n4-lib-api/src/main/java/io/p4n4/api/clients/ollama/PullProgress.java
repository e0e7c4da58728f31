package io.p4n4.api.clients.ollama;

import org.jspecify.annotations.Nullable;

/**
 * One progress report of {@code POST /api/pull}.
 *
 * @param status e.g. {@code pulling manifest}, {@code pulling <digest>}, {@code verifying sha256 digest},
 *     {@code success}
 * @param digest the layer being downloaded, or {@code null}
 * @param total bytes of that layer, or 0
 * @param completed bytes downloaded so far, or 0
 */
public record PullProgress(String status, @Nullable String digest, long total, long completed) {

    /** Returns the share done in [0, 1], or -1 when this report has no byte counts. */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) completed / total);
    }

    /** Returns whether this is the final {@code success} report. */
    public boolean isSuccess() {
        return "success".equals(status);
    }
}
