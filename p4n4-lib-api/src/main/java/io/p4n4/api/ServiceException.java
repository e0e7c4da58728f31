package io.p4n4.api;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A call to a p4n4 service (Ollama, Letta, InfluxDB, the Edge Impulse runner, NATS) failed.
 * Carries the service, the HTTP method and path, the status and the server's own message.
 * Never carries a token or password: the URL is kept without its query string and user info.
 */
public class ServiceException extends P4n4Exception {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final String method;
    private final String path;
    private final int status;
    private final @Nullable String serverMessage;
    private final @Nullable Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param code NETWORK for unreachable services, timeouts and 5xx; USER or VALIDATION for 4xx
     * @param service the service name, e.g. {@code ollama}
     * @param method the HTTP method (or protocol operation)
     * @param path the request path, without query string
     * @param status the HTTP status, or 0 when no response arrived
     * @param serverMessage the server's own error message, or {@code null}
     * @param message the full, actionable message
     * @param cause the underlying cause, or {@code null}
     */
    public ServiceException(ErrorCode code, String service, String method, String path, int status,
            @Nullable String serverMessage, String message, @Nullable Throwable cause) {
        this(code, service, method, path, status, serverMessage, message, cause, null);
    }

    /**
     * Creates the exception for an answer that also said how long to stay away ({@code Retry-After} on a
     * 429 or 503); the other parameters as {@link #ServiceException(ErrorCode, String, String, String, int,
     * String, String, Throwable)}.
     *
     * @param retryAfter the wait the server asked for, or {@code null}
     */
    public ServiceException(ErrorCode code, String service, String method, String path, int status,
            @Nullable String serverMessage, String message, @Nullable Throwable cause, @Nullable Duration retryAfter) {
        super(code, message, cause);
        this.service = service;
        this.method = method;
        this.path = path;
        this.status = status;
        this.serverMessage = serverMessage;
        this.retryAfter = retryAfter;
    }

    /** Returns the service name, e.g. {@code influxdb}. */
    public String service() {
        return service;
    }

    /** Returns the HTTP method or protocol operation. */
    public String method() {
        return method;
    }

    /** Returns the request path (never with a query string). */
    public String path() {
        return path;
    }

    /** Returns the HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** Returns how long the server asked callers to wait ({@code Retry-After}), if it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Returns the server's own error message, if it sent one. */
    public Optional<String> serverMessage() {
        return Optional.ofNullable(serverMessage);
    }
}
