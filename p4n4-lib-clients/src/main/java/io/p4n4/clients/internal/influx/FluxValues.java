package io.p4n4.clients.internal.influx;

import io.p4n4.api.clients.influx.FluxColumn;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * Converts annotated-CSV cells to Java values by their {@code #datatype}. Throws
 * {@link IllegalArgumentException} with the problem for cells that do not match their type; the
 * reader turns that into an error naming the line and column. Stateless.
 */
final class FluxValues {

    private FluxValues() {
    }

    /** Converts one cell; an empty cell takes the column's default, or is {@code null}. */
    static Object parse(String text, FluxColumn column) {
        String s = text;
        if (s.isEmpty()) {
            String def = column.defaultValue();
            if (def == null || def.isEmpty()) {
                return null;
            }
            s = def;
        }
        String type = column.dataType();
        switch (type) {
            case "string":
                return s;
            case "long":
                return Long.parseLong(s);
            case "unsignedLong":
                return Long.parseUnsignedLong(s);
            case "double":
                return parseDouble(s);
            case "boolean":
                if ("true".equals(s)) {
                    return Boolean.TRUE;
                }
                if ("false".equals(s)) {
                    return Boolean.FALSE;
                }
                throw new IllegalArgumentException("'" + s + "' is not a boolean");
            case "base64Binary":
                return Base64.getDecoder().decode(s);
            case "duration":
                return parseDuration(s);
            default:
                if (type.startsWith("dateTime")) {
                    return parseTime(s);
                }
                return s; // unknown future types stay readable as text
        }
    }

    private static Double parseDouble(String s) {
        switch (s) {
            case "+Inf":
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                return Double.parseDouble(s);
        }
    }

    private static Instant parseTime(String s) {
        if (s.endsWith("Z")) {
            return Instant.parse(s);
        }
        return OffsetDateTime.parse(s).toInstant();
    }

    /**
     * Parses a duration cell: a plain integer is a count of nanoseconds (the annotated-CSV
     * definition); otherwise a Flux duration literal such as {@code 1h30m} or {@code -5ms}.
     */
    static Duration parseDuration(String s) {
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '-') {
            negative = true;
            i = 1;
        }
        if (isAllDigits(s, i)) {
            Duration d = Duration.ofNanos(Long.parseLong(s.substring(i)));
            return negative ? d.negated() : d;
        }
        Duration total = Duration.ZERO;
        int n = s.length();
        if (i == n) {
            throw new IllegalArgumentException("'" + s + "' is not a duration");
        }
        while (i < n) {
            int start = i;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("'" + s + "' is not a duration");
            }
            long amount = Long.parseLong(s.substring(start, i));
            int unitStart = i;
            while (i < n && !Character.isDigit(s.charAt(i))) {
                i++;
            }
            total = total.plus(unit(s.substring(unitStart, i), amount, s));
        }
        return negative ? total.negated() : total;
    }

    private static Duration unit(String unit, long amount, String s) {
        return switch (unit) {
            case "ns" -> Duration.ofNanos(amount);
            case "us", "\u00b5s" -> Duration.ofNanos(Math.multiplyExact(amount, 1_000L));
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            case "w" -> Duration.ofDays(Math.multiplyExact(amount, 7L));
            default -> throw new IllegalArgumentException("duration '" + s + "' uses unit '" + unit
                    + "', which has no fixed length (months and years cannot be a java.time.Duration)");
        };
    }

    private static boolean isAllDigits(String s, int from) {
        if (from >= s.length()) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
