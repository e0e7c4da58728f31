package io.p4n4.clients.router;

/**
 * Why a provider did not answer, as the router sees it. {@link #failover()} says whether the next
 * provider is tried; {@link #countsAgainstProvider()} whether the failure feeds the provider's circuit
 * breaker (the provider is down or overloaded, not merely refusing this request).
 */
public enum FailureReason {
    /** The connection was refused: nothing listens there. */
    REFUSED(true, true),
    /** No answer in time: connect, read or call timeout, or HTTP 408. */
    TIMEOUT(true, true),
    /** No response for another reason: unknown host, connection reset. */
    UNREACHABLE(true, true),
    /** HTTP 5xx. */
    SERVER_ERROR(true, true),
    /** HTTP 429; a {@code Retry-After} keeps the provider skipped that long. */
    RATE_LIMITED(true, true),
    /** The answer broke off: a broken connection, an error line or an end before the last chunk. */
    BROKEN_STREAM(true, true),
    /** HTTP 401 or 403: this provider's credentials are refused (another provider has its own). */
    AUTH_REJECTED(true, false),
    /** The model is not present (Ollama without pulling allowed, or a 404 naming the model). */
    MODEL_MISSING(true, false),
    /** HTTP 404 for something else: the URL does not point at a chat-completions endpoint. */
    NOT_FOUND(true, false),
    /** Skipped without a call: the provider's circuit breaker is open. */
    CIRCUIT_OPEN(true, false),
    /** A nested router's providers all failed. */
    ALL_FAILED(true, true),
    /** A request that would fail anywhere (400, 413, 422: bad request, context too long): no failover. */
    REJECTED(false, false),
    /** An unexpected failure (a bug, a misconfiguration): no failover. */
    OTHER(false, false);

    private final boolean failover;
    private final boolean countsAgainstProvider;

    FailureReason(boolean failover, boolean countsAgainstProvider) {
        this.failover = failover;
        this.countsAgainstProvider = countsAgainstProvider;
    }

    /** Returns whether the router tries the next provider after this failure. */
    public boolean failover() {
        return failover;
    }

    /** Returns whether this failure counts toward opening the provider's circuit breaker. */
    public boolean countsAgainstProvider() {
        return countsAgainstProvider;
    }
}
