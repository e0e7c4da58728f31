package io.p4n4.api.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of container output.
 *
 * @param stream stdout or stderr
 * @param timestamp when the engine recorded it; {@link Instant#EPOCH} unless timestamps were requested
 * @param text the line without its trailing newline
 */
public record LogLine(LogStream stream, Instant timestamp, String text) {

    public LogLine {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(text, "text");
        timestamp = timestamp == null ? Instant.EPOCH : timestamp;
    }
}
