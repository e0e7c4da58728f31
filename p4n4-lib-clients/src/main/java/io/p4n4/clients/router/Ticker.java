package io.p4n4.clients.router;

/**
 * A source of monotonic nanoseconds for breaker cooldowns, health intervals and time to first token;
 * replaceable so tests decide what time it is.
 */
@FunctionalInterface
public interface Ticker {

    /** Returns the current reading in nanoseconds (only differences mean anything). */
    long nanos();

    /** The system's monotonic clock ({@link System#nanoTime()}). */
    static Ticker system() {
        return System::nanoTime;
    }
}
