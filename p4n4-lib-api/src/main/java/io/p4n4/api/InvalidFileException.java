package io.p4n4.api;

import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A file p4n4 reads is malformed or does not satisfy its rules: a {@code .env} line, a manifest
 * field, a compose key. Carries the file and, where known, the line, column and key (or JSON path).
 *
 * <p>The message already includes the location; the accessors are for programs that want to point
 * at it themselves.
 */
public class InvalidFileException extends P4n4Exception {
    private static final long serialVersionUID = 1L;

    private final transient @Nullable Path file;
    private final int line;
    private final int column;
    private final @Nullable String key;

    /**
     * Creates the exception.
     *
     * @param code the kind of failure (USER for a manifest, ENGINE for a compose file, VALIDATION ...)
     * @param file the file, or {@code null} when the input did not come from a file
     * @param line the 1-based line, or 0 when unknown
     * @param column the 1-based column, or 0 when unknown
     * @param key the key or JSON path at fault, or {@code null}
     * @param problem what is wrong and what to do, without the location (it is prefixed here)
     * @param cause the underlying cause, or {@code null}
     */
    public InvalidFileException(ErrorCode code, @Nullable Path file, int line, int column, @Nullable String key,
            String problem, @Nullable Throwable cause) {
        super(code, location(file, line, column, key) + problem, cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.key = key;
    }

    private static String location(@Nullable Path file, int line, int column, @Nullable String key) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<input>" : file.toString());
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        if (key != null && !key.isEmpty()) {
            sb.append(" [").append(key).append(']');
        }
        return sb.append(": ").toString();
    }

    /** Returns the file at fault, if the input came from one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Returns the 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** Returns the 1-based column, or 0 when unknown. */
    public int column() {
        return column;
    }

    /** Returns the key or JSON path at fault, if known. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }
}
