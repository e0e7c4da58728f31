package io.p4n4.api;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The root of every exception p4n4-lib throws. Unchecked, with an {@link ErrorCode} that says what
 * kind of failure it is; subtypes carry structured context (file and line, service and status, ...).
 *
 * <p>Messages name what is wrong, where, and what to do about it. They never contain a secret value.
 */
public class P4n4Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /** Creates an exception of the given kind with an actionable message. */
    public P4n4Exception(ErrorCode code, String message) {
        this(code, message, null);
    }

    /** Creates an exception of the given kind with an actionable message and the underlying cause (or null). */
    public P4n4Exception(ErrorCode code, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        if (code == ErrorCode.OK) {
            throw new IllegalArgumentException("an exception cannot carry ErrorCode.OK");
        }
    }

    /** Returns the kind of failure; its {@link ErrorCode#exitCode()} is what the CLI exits with. */
    public ErrorCode code() {
        return code;
    }
}
