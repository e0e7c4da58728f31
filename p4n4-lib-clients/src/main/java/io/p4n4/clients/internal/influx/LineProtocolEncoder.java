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
 * string field values. Outside string fields a backslash is written as it is: InfluxDB unescapes
 * only {@code \,}, {@code \ } and {@code \=} there, so a doubled backslash would be stored doubled.
 * (A trailing backslash, which would escape the delimiter, is refused when the {@link Point} is
 * built.) Stateless and thread-safe.
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

    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
    private static final long[] LPOW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};
    private static final long EXACT = 1L << 53;

    /**
     * Appends a float that parses back to exactly the same double. Values with up to 8 decimals
     * (most sensor readings) take a fast fixed-point path; the rest use {@link Double#toString},
     * which may write E notation (InfluxDB accepts it). Integral values are written without a
     * fraction ({@code 3}), which InfluxDB reads as a float because no {@code i}/{@code u} suffix
     * follows.
     */
    static void appendDouble(StringBuilder sb, double v) {
        if (v == 0 && 1 / v < 0) {
            sb.append("-0.0");
            return;
        }
        for (int k = 0; k < POW10.length; k++) {
            double scaled = v * POW10[k];
            if (scaled >= EXACT || scaled <= -EXACT) {
                break;
            }
            long m = Math.round(scaled);
            // m and 10^k are exact doubles, so m / 10^k is the double nearest to the decimal we
            // print, which is what parsing that decimal yields: equal to v means a lossless round trip
            if (m / POW10[k] == v) {
                appendFixed(sb, m, k);
                return;
            }
        }
        sb.append(v);
    }

    private static void appendFixed(StringBuilder sb, long m, int decimals) {
        if (decimals == 0) {
            sb.append(m);
            return;
        }
        if (m < 0) {
            sb.append('-');
            m = -m;
        }
        long unit = LPOW10[decimals];
        sb.append(m / unit).append('.');
        long frac = m % unit;
        for (long d = unit / 10; d > frac && d > 1; d /= 10) {
            sb.append('0');
        }
        sb.append(frac);
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
            if (isSpecial(c, equalsToo)) {
                sb.append('\\');
            }
            sb.append(c);
        }
    }

    private static int firstSpecial(String s, boolean equalsToo) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c <= '=' && isSpecial(c, equalsToo)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSpecial(char c, boolean equalsToo) {
        return c == ',' || c == ' ' || (equalsToo && c == '=');
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
