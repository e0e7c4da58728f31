package io.p4n4.clients.internal.http;

import io.p4n4.api.clients.RetryPolicy;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/** Computes retry delays from a {@link RetryPolicy} and a server's {@code Retry-After}. */
public final class Backoff {
    private Backoff() {
    }

    /**
     * Returns how long to wait before retry number {@code retry} (1 = first retry).
     *
     * @param retryAfter the raw {@code Retry-After} header (seconds or an HTTP date), or {@code null}
     */
    public static Duration delay(RetryPolicy policy, int retry, String retryAfter) {
        double base = policy.initialDelay().toMillis() * Math.pow(policy.multiplier(), retry - 1);
        long max = policy.maxDelay().toMillis();
        long computed = (long) Math.min(base, max);
        long jittered = computed - (long) (computed * policy.jitter() * ThreadLocalRandom.current().nextDouble());
        long asked = retryAfterMillis(retryAfter);
        return Duration.ofMillis(Math.min(Math.max(jittered, asked), Math.max(max, jittered)));
    }

    /** Parses {@code Retry-After}: delta-seconds or an RFC 1123 date; 0 when absent or unreadable. */
    static long retryAfterMillis(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        String v = value.trim();
        try {
            return Math.max(0, Long.parseLong(v)) * 1000;
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis());
            } catch (DateTimeParseException notDate) {
                return 0;
            }
        }
    }
}
