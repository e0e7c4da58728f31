package io.p4n4.clients.router;

import org.jspecify.annotations.Nullable;

/**
 * One provider's circuit breaker (see {@link BreakerPolicy}). Thread-safe: every transition happens under
 * the breaker's lock, so when several callers arrive as the cooldown ends, exactly one gets the probe.
 * Times are {@link Ticker} nanoseconds passed in by the router.
 */
final class Breaker {
    /** What a caller may do. */
    enum Permit {
        /** Call the provider (breaker closed). */
        CALL,
        /** Call the provider as the half-open probe: its outcome closes or reopens the breaker. */
        PROBE,
        /** Skip the provider. */
        SKIP
    }

    /** A change of state to report, or none. */
    record Transition(BreakerState from, BreakerState to) {
    }

    /** A permit and the change of state it made (open to half-open), or {@code null}. */
    record Decision(Permit permit, @Nullable Transition transition) {
    }

    private static final Decision CALL = new Decision(Permit.CALL, null);
    private static final Decision SKIP = new Decision(Permit.SKIP, null);
    private static final Decision PROBE_AGAIN = new Decision(Permit.PROBE, null);

    private final BreakerPolicy policy;
    private BreakerState state = BreakerState.CLOSED;
    private int failures;
    private long openUntil;
    private boolean probeInFlight;

    Breaker(BreakerPolicy policy) {
        this.policy = policy;
    }

    synchronized BreakerState state() {
        return state;
    }

    /** Decides whether a call at {@code now} goes through, with the transition to half-open it made, if any. */
    synchronized Decision acquire(long now) {
        switch (state) {
            case CLOSED:
                return CALL;
            case OPEN:
                if (now - openUntil < 0) {
                    return SKIP;
                }
                state = BreakerState.HALF_OPEN;
                probeInFlight = true;
                return new Decision(Permit.PROBE, new Transition(BreakerState.OPEN, BreakerState.HALF_OPEN));
            default:
                if (probeInFlight) {
                    return SKIP;
                }
                probeInFlight = true;
                return PROBE_AGAIN;
        }
    }

    /** The provider answered (or refused only this request): close. */
    synchronized @Nullable Transition answered() {
        BreakerState from = state;
        failures = 0;
        probeInFlight = false;
        state = BreakerState.CLOSED;
        return change(from);
    }

    /**
     * The provider failed in a way that counts against it at {@code now}; {@code retryAfterNanos} (0 for none)
     * is how long it asked to be left alone.
     */
    synchronized @Nullable Transition failed(long now, long retryAfterNanos) {
        BreakerState from = state;
        failures++;
        probeInFlight = false;
        long asked = Math.min(retryAfterNanos, policy.maxRetryAfter().toNanos());
        if (from == BreakerState.HALF_OPEN || failures >= policy.failureThreshold()) {
            open(now, Math.max(policy.cooldown().toNanos(), asked));
        } else if (asked > 0) {
            open(now, asked);
        }
        return change(from);
    }

    /** A probe ended without an outcome (cancelled): the next caller may probe. */
    synchronized void released() {
        probeInFlight = false;
    }

    private void open(long now, long forNanos) {
        state = BreakerState.OPEN;
        openUntil = now + forNanos;
    }

    private @Nullable Transition change(BreakerState from) {
        return from == state ? null : new Transition(from, state);
    }
}
