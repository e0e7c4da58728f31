package io.p4n4.api.engine;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which logs to read.
 *
 * @param tail how many of the last lines to return; negative for all
 * @param follow keep streaming new lines until the container stops or the subscription is closed
 * @param timestamps ask the engine to stamp each line ({@link LogLine#timestamp()})
 * @param stdout include standard output
 * @param stderr include standard error
 * @param since only lines after this instant; {@link Instant#EPOCH} for no limit
 */
public record LogOptions(int tail, boolean follow, boolean timestamps, boolean stdout, boolean stderr,
                         Instant since) {

    /** All lines of both outputs, no following, no timestamps. */
    public static final LogOptions ALL = new LogOptions(-1, false, false, true, true, Instant.EPOCH);

    public LogOptions {
        since = since == null ? Instant.EPOCH : since;
        if (!stdout && !stderr) {
            throw new IllegalArgumentException("log options select neither stdout nor stderr");
        }
    }

    /** The last {@code lines} lines of both outputs. */
    public static LogOptions tail(int lines) {
        return ALL.withTail(lines);
    }

    /** Returns a copy with another tail. */
    public LogOptions withTail(int lines) {
        return new LogOptions(lines, follow, timestamps, stdout, stderr, since);
    }

    /** Returns a copy that follows (or not). */
    public LogOptions withFollow(boolean follow) {
        return new LogOptions(tail, follow, timestamps, stdout, stderr, since);
    }

    /** Returns a copy with timestamps on (or off). */
    public LogOptions withTimestamps(boolean timestamps) {
        return new LogOptions(tail, follow, timestamps, stdout, stderr, since);
    }

    /** Returns a copy that reads only the given outputs, e.g. {@code withStreams(LogStream.STDERR)}. */
    public LogOptions withStreams(LogStream first, LogStream... more) {
        Set<LogStream> streams = EnumSet.of(first, more);
        return new LogOptions(tail, follow, timestamps, streams.contains(LogStream.STDOUT),
                streams.contains(LogStream.STDERR), since);
    }

    /** Returns a copy reading lines after {@code since}. */
    public LogOptions withSince(Instant since) {
        return new LogOptions(tail, follow, timestamps, stdout, stderr, Objects.requireNonNull(since, "since"));
    }
}
