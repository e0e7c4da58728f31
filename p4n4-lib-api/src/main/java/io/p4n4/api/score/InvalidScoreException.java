package io.p4n4.api.score;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import org.jspecify.annotations.Nullable;

/**
 * A Score document cannot be used: it is not JSON, its type is unknown, its data does not have the
 * type's shape, or its signature is missing or invalid. Always {@link ErrorCode#VALIDATION}.
 */
public class InvalidScoreException extends P4n4Exception {
    private static final long serialVersionUID = 1L;

    private final @Nullable String scoreType;

    /**
     * Creates the exception.
     *
     * @param scoreType the {@code type} of the document, or {@code null} when it had none
     * @param message what is wrong (naming the field) and what to do
     * @param cause the parser's exception, or {@code null}
     */
    public InvalidScoreException(@Nullable String scoreType, String message, @Nullable Throwable cause) {
        super(ErrorCode.VALIDATION, message, cause);
        this.scoreType = scoreType;
    }

    /** Returns the document's {@code type}, or {@code null} when it had none. */
    public @Nullable String scoreType() {
        return scoreType;
    }
}
