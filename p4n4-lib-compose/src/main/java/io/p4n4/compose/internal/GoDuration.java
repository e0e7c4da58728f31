package io.p4n4.compose.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose durations in Go's notation: parses {@code 1h30m}, {@code 1.5s}, {@code 500ms},
 * {@code 10us}, and prints them back as Go's {@code time.Duration.String()} does ({@code 1m30s}).
 * Stateless.
 */
public final class GoDuration {
    private static final Pattern PART = Pattern.compile("([0-9]*\\.?[0-9]+)(ns|us|µs|μs|ms|s|m|h)");

    private GoDuration() {
    }

    /**
     * Parses a Go duration.
     *
     * @throws IllegalArgumentException when the text is not a duration
     */
    public static Duration parse(String text) {
        String t = text.trim();
        boolean negative = t.startsWith("-");
        if (negative || t.startsWith("+")) {
            t = t.substring(1);
        }
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = PART.matcher(t);
        int pos = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (pos < t.length()) {
            if (!m.find(pos) || m.start() != pos) {
                throw new IllegalArgumentException("'" + text + "' is not a duration (use e.g. 30s, 1m30s, 500ms)");
            }
            String number = m.group(1);
            BigDecimal amount = number.indexOf('.') < 0 && number.length() < 10
                    ? BigDecimal.valueOf(Long.parseLong(number)) : new BigDecimal(number);
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs", "μs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos = nanos.add(amount.multiply(BigDecimal.valueOf(unit)));
            pos = m.end();
        }
        if (pos == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (use e.g. 30s, 1m30s, 500ms)");
        }
        Duration d = Duration.ofNanos(nanos.longValue());
        return negative ? d.negated() : d;
    }

    /** Formats like Go's {@code time.Duration.String()}: {@code 0s}, {@code 500ms}, {@code 1m30s}, {@code 1h0m0s}. */
    public static String format(Duration duration) {
        long total = duration.toNanos();
        if (total == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        if (total < 0) {
            sb.append('-');
            total = -total;
        }
        if (total < 1_000_000_000L) {
            if (total < 1_000L) {
                return sb.append(total).append("ns").toString();
            }
            if (total < 1_000_000L) {
                return sb.append(fraction(total, 1_000L)).append("µs").toString();
            }
            return sb.append(fraction(total, 1_000_000L)).append("ms").toString();
        }
        long hours = total / 3_600_000_000_000L;
        long rest = total % 3_600_000_000_000L;
        long minutes = rest / 60_000_000_000L;
        long secNanos = rest % 60_000_000_000L;
        if (hours > 0) {
            sb.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            sb.append(minutes).append('m');
        }
        return sb.append(fraction(secNanos, 1_000_000_000L)).append('s').toString();
    }

    /** {@code value/unit} in decimal without trailing zeros, in long arithmetic (this runs per healthcheck). */
    private static String fraction(long value, long unit) {
        long whole = value / unit;
        long rest = value % unit;
        if (rest == 0) {
            return Long.toString(whole);
        }
        StringBuilder digits = new StringBuilder(Long.toString(unit + rest).substring(1));
        while (digits.charAt(digits.length() - 1) == '0') {
            digits.setLength(digits.length() - 1);
        }
        return whole + "." + digits;
    }
}
