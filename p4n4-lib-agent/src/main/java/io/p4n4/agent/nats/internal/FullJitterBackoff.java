package io.p4n4.agent.nats.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: attempt {@code n} waits a uniformly random time in
 * {@code [0, min(cap, base * 2^n)]}. Spreading re-watches over the whole window keeps thousands of
 * watches that lost the same server from re-creating their consumers in the same instant (the
 * reconnect storms that ran consumer counts away in nats-server #5451 and #4888). Immutable.
 *
 * @param base the window of the first attempt
 * @param cap the largest window
 */
public record FullJitterBackoff(Duration base, Duration cap) {

    /** Checks that both are positive and {@code base <= cap}. */
    public FullJitterBackoff {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap, was base " + base + ", cap " + cap);
        }
    }

    /** Returns the window of attempt {@code attempt} (0 for the first): {@code min(cap, base * 2^attempt)}. */
    public Duration window(int attempt) {
        long base = this.base.toMillis();
        long window = attempt >= 62 || base > (cap.toMillis() >> Math.min(attempt, 62)) ? cap.toMillis()
                : base << attempt;
        return Duration.ofMillis(Math.min(window, cap.toMillis()));
    }

    /** Returns a random wait within the window of {@code attempt}. */
    public Duration delay(int attempt) {
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(window(attempt).toMillis() + 1));
    }
}
