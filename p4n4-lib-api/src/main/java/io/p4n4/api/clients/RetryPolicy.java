package io.p4n4.api.clients;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.time.Duration;
import java.util.Objects;

/**
 * How a client retries idempotent calls that failed for a transient reason (connection refused,
 * timeout, HTTP 429 or 5xx). Attempt {@code n} (1-based, after the first failure) waits
 * {@code initialDelay * multiplier^(n-1)}, capped at {@code maxDelay}, minus a random share of up to
 * {@code jitter} of it; a server's {@code Retry-After} replaces the computed delay when it is longer,
 * but never beyond {@code maxDelay}.
 *
 * <p>Non-idempotent calls (generation, message sends, inserts) are retried only when the connection
 * was refused, because then the server never saw the request. Immutable and thread-safe.
 *
 * @param maxAttempts total attempts including the first, at least 1
 * @param initialDelay delay before the first retry
 * @param maxDelay upper bound of any single delay, including one asked for by {@code Retry-After}
 * @param multiplier growth factor between retries, at least 1
 * @param jitter share of each delay taken off at random, between 0 and 1
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier,
        double jitter) {

    /** Validates the policy. */
    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw invalid("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initialDelay.isNegative() || maxDelay.isNegative()) {
            throw invalid("delays must not be negative");
        }
        if (multiplier < 1.0 || Double.isNaN(multiplier)) {
            throw invalid("multiplier must be at least 1, got " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw invalid("jitter must be between 0 and 1, got " + jitter);
        }
    }

    /** Never retries. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, 0.0);
    }

    /** Three attempts, 250 ms then 500 ms, at most 10 s per delay, 20% jitter. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(10), 2.0, 0.2);
    }

    /** A policy with {@code maxAttempts} attempts and exponential delays from {@code initialDelay}. */
    public static RetryPolicy of(int maxAttempts, Duration initialDelay, Duration maxDelay) {
        return new RetryPolicy(maxAttempts, initialDelay, maxDelay, 2.0, 0.2);
    }

    private static P4n4Exception invalid(String problem) {
        return new P4n4Exception(ErrorCode.USER, "invalid retry policy: " + problem);
    }
}
