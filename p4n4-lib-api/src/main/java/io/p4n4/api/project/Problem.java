package io.p4n4.api.project;

import io.p4n4.api.ErrorCode;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One finding of project validation. Immutable and thread-safe; built with {@link #error} or
 * {@link #warning}, e.g. {@code Problem.error("env.missing", ErrorCode.VALIDATION, msg).file(env).build()}.
 */
public final class Problem {
    private final String id;
    private final Severity severity;
    private final ErrorCode errorCode;
    private final String message;
    private final @Nullable Path file;
    private final int line;
    private final @Nullable String key;
    private final String hint;

    private Problem(Builder b) {
        this.id = b.id;
        this.severity = b.severity;
        this.errorCode = b.errorCode;
        this.message = b.message;
        this.file = b.file;
        this.line = b.line;
        this.key = b.key;
        this.hint = b.hint == null ? "" : b.hint;
    }

    /**
     * Starts an error.
     *
     * @param id a stable identifier of the check, e.g. {@code env.missing-variable}
     * @param code the error code it maps to (the exit code of a failing validation)
     * @param message what is wrong, never containing a secret value
     */
    public static Builder error(String id, ErrorCode code, String message) {
        return new Builder(id, Severity.ERROR, code, message);
    }

    /** Starts a warning (its error code is {@link ErrorCode#OK}: warnings never fail validation). */
    public static Builder warning(String id, String message) {
        return new Builder(id, Severity.WARNING, ErrorCode.OK, message);
    }

    /** A stable identifier of the check, e.g. {@code env.missing-variable}. */
    public String id() {
        return id;
    }

    /** Error or warning. */
    public Severity severity() {
        return severity;
    }

    /** The error code this problem maps to (the exit code of a failing validation). */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /** What is wrong, never containing a secret value. */
    public String message() {
        return message;
    }

    /** The file concerned, or {@code null}; see {@link #findFile()}. */
    public @Nullable Path file() {
        return file;
    }

    /** The 1-based line in {@link #file()}, or 0. */
    public int line() {
        return line;
    }

    /** The variable, JSON path or compose key concerned, or {@code null}; see {@link #findKey()}. */
    public @Nullable String key() {
        return key;
    }

    /** What to do about it (may be empty). */
    public String hint() {
        return hint;
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

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Problem other)) {
            return false;
        }
        return id.equals(other.id) && severity == other.severity && errorCode == other.errorCode
                && message.equals(other.message) && Objects.equals(file, other.file) && line == other.line
                && Objects.equals(key, other.key) && hint.equals(other.hint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, severity, errorCode, message, file, line, key, hint);
    }

    @Override
    public String toString() {
        return "Problem[id=" + id + ", severity=" + severity + ", errorCode=" + errorCode + ", message=" + message
                + ", file=" + file + ", line=" + line + ", key=" + key + ", hint=" + hint + "]";
    }

    /** Collects the fields of a {@link Problem}. Not thread-safe; use one per thread. */
    public static final class Builder {
        private final String id;
        private final Severity severity;
        private final ErrorCode errorCode;
        private final String message;
        private @Nullable Path file;
        private int line;
        private @Nullable String key;
        private String hint;

        private Builder(String id, Severity severity, ErrorCode errorCode, String message) {
            this.id = Objects.requireNonNull(id, "id");
            this.severity = Objects.requireNonNull(severity, "severity");
            this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
            this.message = Objects.requireNonNull(message, "message");
        }

        /** Sets the file concerned. */
        public Builder file(@Nullable Path value) {
            this.file = value;
            return this;
        }

        /** Sets the 1-based line in the file. */
        public Builder line(int value) {
            this.line = value;
            return this;
        }

        /** Sets the variable, JSON path or compose key concerned. */
        public Builder key(@Nullable String value) {
            this.key = value;
            return this;
        }

        /** Sets what to do about it. */
        public Builder hint(String value) {
            this.hint = value;
            return this;
        }

        /** Builds the immutable problem. */
        public Problem build() {
            return new Problem(this);
        }
    }
}
