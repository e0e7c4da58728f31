package io.p4n4.clients.router;

/** The state of one provider's circuit breaker. */
public enum BreakerState {
    /** Calls go through. */
    CLOSED,
    /** Calls skip the provider until the cooldown (or a {@code Retry-After}) has passed. */
    OPEN,
    /** The cooldown passed: one probe call goes through; others skip until it ends. */
    HALF_OPEN
}
