package io.p4n4.docker.internal;

import io.p4n4.api.engine.LogLine;
import io.p4n4.api.engine.LogStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts the engine's log frames (which need not end at line breaks) into lines, one buffer per stream,
 * and splits off the RFC 3339 timestamp the engine puts before each line when asked to. Not thread-safe:
 * one per stream of frames.
 */
final class LogLineAssembler {
    private final boolean timestamps;
    private final Map<LogStream, ByteArrayOutputStream> pending = new EnumMap<>(LogStream.class);

    LogLineAssembler(boolean timestamps) {
        this.timestamps = timestamps;
    }

    /** Adds a frame's bytes; returns the lines it completed. */
    List<LogLine> add(LogStream stream, byte[] payload) {
        List<LogLine> lines = new ArrayList<>();
        ByteArrayOutputStream buf = pending.computeIfAbsent(stream, s -> new ByteArrayOutputStream());
        for (byte b : payload) {
            if (b == '\n') {
                lines.add(toLine(stream, buf));
                buf.reset();
            } else {
                buf.write(b);
            }
        }
        return lines;
    }

    /** Returns what is left without a final line break, as lines. */
    List<LogLine> flush() {
        List<LogLine> lines = new ArrayList<>();
        pending.forEach((stream, buf) -> {
            if (buf.size() > 0) {
                lines.add(toLine(stream, buf));
                buf.reset();
            }
        });
        return lines;
    }

    private LogLine toLine(LogStream stream, ByteArrayOutputStream buf) {
        String text = buf.toString(StandardCharsets.UTF_8);
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        Instant at = Instant.EPOCH;
        if (timestamps) {
            int space = text.indexOf(' ');
            String stamp = space < 0 ? text : text.substring(0, space);
            try {
                at = Instant.parse(stamp);
                text = space < 0 ? "" : text.substring(space + 1);
            } catch (DateTimeParseException notAStamp) {
                // keep the line whole: better an unstamped line than a lost one
            }
        }
        return new LogLine(stream, at, text);
    }
}
