package io.p4n4.api.project;

import io.p4n4.api.ErrorCode;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One finding of project validation. Immutable and thread-safe.
 *
 * @param id a stable identifier of the check, e.g. {@code env.missing-variable}
 * @param severity error or warning
 * @param errorCode the error code this problem maps to (the exit code of a failing validation)
 * @param message what is wrong, never containing a secret value
 * @param file the file concerned, or {@code null}
 * @param line the 1-based line in {@code file}, or 0
 * @param key the variable, JSON path or compose key concerned, or {@code null}
 * @param hint what to do about it (may be empty)
 */
public record Problem(String id, Severity severity, ErrorCode errorCode, String message, @Nullable Path file, int line,
        @Nullable String key, String hint) {

    /** Validates the components. */
    public Problem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    /** An error. */
    public static Problem error(String id, ErrorCode code, String message, @Nullable Path file, int line,
            @Nullable String key,
            String hint) {
        return new Problem(id, Severity.ERROR, code, message, file, line, key, hint);
    }

    /** A warning (its error code is {@link ErrorCode#OK}: warnings never fail validation). */
    public static Problem warning(String id, String message, @Nullable Path file, @Nullable String key, String hint) {
        return new Problem(id, Severity.WARNING, ErrorCode.OK, message, file, 0, key, hint);
    }

    /** Returns the file, if any. */
    public Optional<Path> findFile() {
        return Optional.ofNullable(file);
    }

    /** Returns the key, if any. */
    public Optional<String> findKey() {
        return Optional.ofNullable(key);
    }

    /** Returns true for an error. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
