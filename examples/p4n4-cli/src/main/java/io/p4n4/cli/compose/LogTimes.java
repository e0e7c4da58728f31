package io.p4n4.cli.compose;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Reads {@code logs --since} as docker compose does: an RFC 3339 time, Unix seconds, or a Go duration before now. */
final class LogTimes {
    private static final Pattern UNIX = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private LogTimes() {
    }

    /** The instant {@code value} names, relative ones counted back from {@code now}; a usage error otherwise. */
    static Instant since(String value, Instant now, CommandLine cli) {
        if (UNIX.matcher(value).matches()) {
            return Instant.ofEpochMilli((long) (Double.parseDouble(value) * 1000));
        }
        Duration back = duration(value);
        if (back != null) {
            return now.minus(back);
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new ParameterException(cli, "--since " + value + " is not a time: use RFC 3339"
                    + " (2026-12-03T10:00:00Z), Unix seconds, or a duration such as 42m or 1h30m");
        }
    }

    /** A Go-style duration ({@code 1h30m}, {@code 90s}, {@code 250ms}), or null when {@code value} is not one. */
    static Duration duration(String value) {
        Matcher m = DURATION.matcher(value);
        int at = 0;
        long millis = 0;
        while (m.find() && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            millis += (long) (n * switch (m.group(2)) {
                case "h" -> 3_600_000;
                case "m" -> 60_000;
                case "s" -> 1_000;
                default -> 1;
            });
            at = m.end();
        }
        return at > 0 && at == value.length() ? Duration.ofMillis(millis) : null;
    }
}
