package io.p4n4.clients.router;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The router (or a provider speaking to it) could not answer. The {@link #code()} is the project's
 * error code (NETWORK when every provider was unavailable; the provider's own code, e.g. VALIDATION, for
 * a request that would fail anywhere); {@link #reason()} says why in the router's terms, and
 * {@link #attempts()} lists each provider tried, each with its error code. The message lists the
 * attempts too and never contains a secret.
 */
public class RoutingException extends P4n4Exception {
    private static final long serialVersionUID = 1L;

    private final FailureReason reason;
    private final List<Attempt> attempts;
    private final @Nullable String partialText;

    /**
     * Creates the exception.
     *
     * @param code the error code
     * @param reason why, in the router's terms
     * @param message the actionable message
     * @param attempts the attempts made (empty when a provider throws it about itself)
     * @param partialText the text received before a stream broke, or {@code null}
     * @param cause the underlying failure, or {@code null}
     */
    public RoutingException(ErrorCode code, FailureReason reason, String message, List<Attempt> attempts,
            @Nullable String partialText, @Nullable Throwable cause) {
        super(code, message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.attempts = List.copyOf(attempts);
        this.partialText = partialText;
    }

    /** A provider's own report that it cannot answer for {@code reason} (the router decides on failover). */
    public static RoutingException unavailable(ErrorCode code, FailureReason reason, String message) {
        return new RoutingException(code, reason, message, List.of(), null, null);
    }

    /** Returns why, in the router's terms. */
    public FailureReason reason() {
        return reason;
    }

    /** Returns the attempts made, in order. */
    public List<Attempt> attempts() {
        return attempts;
    }

    /** Returns the text that arrived before a stream broke, when it did. */
    public Optional<String> partialText() {
        return Optional.ofNullable(partialText);
    }
}
