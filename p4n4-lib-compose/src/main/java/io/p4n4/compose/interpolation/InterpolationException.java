package io.p4n4.compose.interpolation;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A template could not be interpolated: it is malformed ({@link Kind#INVALID_TEMPLATE}, code
 * {@link ErrorCode#ENGINE}, like any invalid compose file) or a {@code ${VAR:?msg}} /
 * {@code ${VAR?msg}} variable has no value ({@link Kind#MISSING_REQUIRED}, code
 * {@link ErrorCode#VALIDATION}). The message is compose-go's, followed by a hint.
 */
public class InterpolationException extends P4n4Exception {
    private static final long serialVersionUID = 1L;

    /** Why interpolation failed. */
    public enum Kind {
        /** Malformed {@code ${...}}. */
        INVALID_TEMPLATE(ErrorCode.ENGINE),
        /** A required variable is unset (or empty, for {@code :?}). */
        MISSING_REQUIRED(ErrorCode.VALIDATION);

        private final ErrorCode code;

        Kind(ErrorCode code) {
            this.code = code;
        }

        /** Returns the error code exceptions of this kind carry. */
        public ErrorCode code() {
            return code;
        }
    }

    private final Kind kind;
    private final @Nullable String variable;
    private final @Nullable String path;
    private final @Nullable String template;

    /**
     * Creates the exception.
     *
     * @param kind why interpolation failed
     * @param variable the missing variable, or {@code null} for an invalid template
     * @param path the dotted path of the value in its document, or {@code null}
     * @param template the malformed text, or {@code null} (a missing variable, or a template refused
     *     for its size or nesting)
     * @param message the complete message
     */
    public InterpolationException(Kind kind, @Nullable String variable, @Nullable String path,
            @Nullable String template, String message) {
        super(kind.code(), message);
        this.kind = kind;
        this.variable = variable;
        this.path = path;
        this.template = template;
    }

    /** Returns why interpolation failed. */
    public Kind kind() {
        return kind;
    }

    /** Returns the variable that is missing a value (only for {@link Kind#MISSING_REQUIRED}). */
    public Optional<String> variable() {
        return Optional.ofNullable(variable);
    }

    /**
     * Returns the malformed text compose-go would quote (the template, or the part of it that was
     * scanned on its own). Empty for a missing variable and for a template refused because it nests
     * too deeply or its result would be too long; the message then says which.
     */
    public Optional<String> template() {
        return Optional.ofNullable(template);
    }

    /** Returns the dotted path of the value that failed, when the caller gave one. */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }
}
