package io.p4n4.clients.router;

import io.p4n4.api.ErrorCode;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One provider the router tried (or skipped) for one request.
 *
 * @param provider the provider's id
 * @param model the model asked for
 * @param reason why it did not answer, or {@code null} when it answered
 * @param code the error code of its failure ({@link ErrorCode#OK} when it answered)
 * @param message the failure's message (never a secret), or {@code null} when it answered
 * @param elapsed how long the attempt took
 */
public record Attempt(String provider, String model, @Nullable FailureReason reason, ErrorCode code,
        @Nullable String message, Duration elapsed) {

    /** Validates. */
    public Attempt {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Returns whether this attempt produced the answer. */
    public boolean answered() {
        return reason == null;
    }

    /** One line for messages: {@code provider (model): REASON [CODE] message}, or {@code answered}. */
    public String describe() {
        return provider + " (" + model + "): " + (reason == null ? "answered"
                : reason + " [" + code + "] " + message) + " after " + elapsed.toMillis() + " ms";
    }
}
