package io.p4n4.clients.internal.influx;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.influx.Point;
import io.p4n4.api.clients.influx.WritePrecision;

/**
 * Writes {@link Point}s as InfluxDB line protocol into a caller-owned {@link StringBuilder}, so a
 * batch is built in one reusable buffer without intermediate strings.
 *
 * <p>Escaping follows the line-protocol reference: commas and spaces in measurements; commas,
 * equals signs and spaces in tag keys, tag values and field keys; double quotes and backslashes in
 * string field values. A backslash elsewhere is written as {@code \\} only where it would otherwise
 * escape the next character or the delimiter after it. Stateless and thread-safe.
 */
public final class LineProtocolEncoder {

    private LineProtocolEncoder() {
    }

    /** Returns the point as one line of line protocol, without the trailing newline. */
    public static String encode(Point point, WritePrecision precision) {
        StringBuilder sb = new StringBuilder(64);
        append(sb, point, precision);
        return sb.toString();
    }

    /**
     * Appends the point as one line (without the newline), its time converted to {@code precision}.
     *
     * @throws P4n4Exception VALIDATION when the time does not fit the precision
     */
    public static void append(StringBuilder sb, Point point, WritePrecision precision) {
        appendEscaped(sb, point.measurement(), false);
        for (int i = 0, n = point.tagCount(); i < n; i++) {
            sb.append(',');
            appendEscaped(sb, point.tagKey(i), true);
            sb.append('=');
            appendEscaped(sb, point.tagValue(i), true);
        }
        sb.append(' ');
        for (int i = 0, n = point.fieldCount(); i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendEscaped(sb, point.fieldKey(i), true);
            sb.append('=');
            appendFieldValue(sb, point, i);
        }
        WritePrecision own = point.precisionOrNull();
        if (own != null) {
            sb.append(' ');
            long t = point.timeValue();
            if (own != precision) {
                try {
                    t = precision.convert(t, own);
                } catch (ArithmeticException e) {
                    throw new P4n4Exception(ErrorCode.VALIDATION, "time " + point.timeValue() + own.apiValue()
                            + " of measurement '" + point.measurement() + "' does not fit in a 64-bit "
                            + precision.apiValue() + " timestamp", e);
                }
            }
            sb.append(t);
        }
    }

    private static void appendFieldValue(StringBuilder sb, Point point, int i) {
        switch (point.fieldType(i)) {
            case FLOAT -> appendDouble(sb, point.fieldDouble(i));
            case INTEGER -> sb.append(point.fieldLong(i)).append('i');
            case UNSIGNED -> {
                long v = point.fieldLong(i);
                if (v >= 0) {
                    sb.append(v);
                } else {
                    sb.append(Long.toUnsignedString(v));
                }
                sb.append('u');
            }
            case BOOLEAN -> sb.append(point.fieldBoolean(i) ? "true" : "false");
            case STRING -> appendQuoted(sb, point.fieldString(i));
            default -> throw new IllegalStateException("unknown field type " + point.fieldType(i));
        }
    }

    /**
     * Appends a float that parses back to exactly the same double. Integral values in the safe
     * range are written without a fraction ({@code 3} rather than {@code 3.0}), which InfluxDB still
     * reads as a float because the {@code i}/{@code u} suffix is absent.
     */
    static void appendDouble(StringBuilder sb, double v) {
        long asLong = (long) v;
        if (asLong == v && asLong > -(1L << 53) && asLong < (1L << 53) && !(asLong == 0 && 1 / v < 0)) {
            sb.append(asLong);
        } else {
            sb.append(v); // shortest round-tripping form, may use E notation, which InfluxDB accepts
        }
    }

    /**
     * Appends a measurement ({@code equalsToo == false}) or a tag key, tag value or field key.
     * The fast path copies strings without special characters in one call.
     */
    static void appendEscaped(StringBuilder sb, String s, boolean equalsToo) {
        int n = s.length();
        int first = firstSpecial(s, equalsToo);
        if (first < 0) {
            sb.append(s);
            return;
        }
        sb.append(s, 0, first);
        for (int i = first; i < n; i++) {
            char c = s.charAt(i);
            if (c == ',' || c == ' ' || (equalsToo && c == '=')) {
                sb.append('\\');
            } else if (c == '\\' && (i + 1 == n || isSpecial(s.charAt(i + 1), equalsToo))) {
                // a trailing backslash would escape the delimiter; one before a special char would
                // swallow that char's own escape
                sb.append('\\');
            }
            sb.append(c);
        }
    }

    private static int firstSpecial(String s, boolean equalsToo) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c <= '=' && (c == ',' || c == ' ' || (equalsToo && c == '='))) {
                return i;
            }
            if (c == '\\') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSpecial(char c, boolean equalsToo) {
        return c == ',' || c == ' ' || c == '\\' || (equalsToo && c == '=');
    }

    private static void appendQuoted(StringBuilder sb, String s) {
        sb.append('"');
        int n = s.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append(s, start, i).append('\\');
                start = i;
            }
        }
        sb.append(s, start, n).append('"');
    }
}
