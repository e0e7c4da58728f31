package io.p4n4.clients.internal.http;

import io.p4n4.api.ServiceException;
import java.time.Duration;

/**
 * An error status (429, or 503) that came with a {@code Retry-After} header: the server said how long
 * to stay away. Thrown as a {@link ServiceException} like any other status; a caller that can go
 * elsewhere meanwhile (the LLM router) reads {@link #retryAfter()}.
 */
public final class ThrottledException extends ServiceException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    ThrottledException(ServiceException status, Duration retryAfter) {
        super(status.code(), status.service(), status.method(), status.path(), status.status(),
                status.serverMessage().orElse(null), status.getMessage(), null);
        this.retryAfter = retryAfter;
    }

    /** Returns how long the server asked to wait (positive). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
