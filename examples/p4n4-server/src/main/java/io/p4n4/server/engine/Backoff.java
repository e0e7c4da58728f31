package io.p4n4.server.engine;

import java.time.Duration;

/**
 * Delays between attempts that double from {@code initial} up to {@code max}. Not thread-safe: one per retrying
 * thread.
 */
final class Backoff {
    private final Duration initial;
    private final Duration max;
    private Duration next;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The delay before the next attempt; the one after is twice as long, at most {@code max}. */
    Duration next() {
        Duration now = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return now;
    }

    /** Starts again from {@code initial} (an attempt worked for a while). */
    void reset() {
        next = initial;
    }
}
