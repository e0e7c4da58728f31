package io.p4n4.clients.router;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.time.Duration;
import java.util.Objects;

/**
 * When a provider's circuit breaker opens and for how long. After {@code failureThreshold} consecutive
 * failures that count against the provider ({@link FailureReason#countsAgainstProvider()}), the provider
 * is skipped for {@code cooldown}; then one probe call goes through (half-open): success closes the
 * breaker, failure opens it for another cooldown. A 429 or 503 with {@code Retry-After} opens it at once
 * for that long, at most {@code maxRetryAfter}. Immutable.
 *
 * @param failureThreshold consecutive failures that open the breaker, at least 1
 * @param cooldown how long an open breaker skips its provider
 * @param maxRetryAfter the longest {@code Retry-After} honoured
 */
public record BreakerPolicy(int failureThreshold, Duration cooldown, Duration maxRetryAfter) {

    /** Validates. */
    public BreakerPolicy {
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (failureThreshold < 1) {
            throw new P4n4Exception(ErrorCode.USER, "breaker failureThreshold must be at least 1, got "
                    + failureThreshold);
        }
        if (cooldown.isNegative() || maxRetryAfter.isNegative()) {
            throw new P4n4Exception(ErrorCode.USER, "breaker cooldown and maxRetryAfter must not be negative");
        }
    }

    /** The defaults: 3 consecutive failures open the breaker for 30 s; {@code Retry-After} honoured up to 5 min. */
    public static BreakerPolicy defaults() {
        return new BreakerPolicy(3, Duration.ofSeconds(30), Duration.ofMinutes(5));
    }

    /** {@code failureThreshold} failures open it for {@code cooldown}; {@code Retry-After} up to 5 min. */
    public static BreakerPolicy of(int failureThreshold, Duration cooldown) {
        return new BreakerPolicy(failureThreshold, cooldown, Duration.ofMinutes(5));
    }
}
