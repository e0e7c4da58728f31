package io.p4n4.clients.internal.influx;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The test oracle: reads line protocol by the rules of the reference decoder
 * ({@code influxdata/line-protocol}, {@code lineprotocol/decoder.go}): which characters end a
 * section, which escapes are undone where (a backslash before any other character stays), how
 * values are typed and when a line is refused. It is checked against the corpus's own decode half
 * before it judges the encoder (see {@code LineProtocolCorpusTest}).
 */
final class ReferenceLineDecoder {
    private static final Pattern FLOAT = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX_FLOAT =
            Pattern.compile("-?0[xX](\\p{XDigit}+\\.?\\p{XDigit}*|\\.\\p{XDigit}+)[pP][+-]?\\d+");
    private static final Pattern INT = Pattern.compile("-?\\d+");
    private static final Pattern UINT = Pattern.compile("\\d+");
    private static final Set<String> TRUE = Set.of("t", "T", "true", "True", "TRUE");
    private static final Set<String> FALSE = Set.of("f", "F", "false", "False", "FALSE");
    private static final BigInteger UINT_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** One decoded point and its line with every float value replaced by {@code #F}. */
    record Decoded(CorpusPoint point, String floatsMasked) {
    }

    private final String s;
    private final long precisionNanos;
    private final long defaultTime;
    private int i;

    private ReferenceLineDecoder(String s, long precisionNanos, long defaultTime) {
        this.s = s;
        this.precisionNanos = precisionNanos;
        this.defaultTime = defaultTime;
    }

    /** Decodes every entry of {@code text}; throws IllegalArgumentException where the reference refuses. */
    static List<Decoded> decode(String text, long precisionNanos, long defaultTime) {
        return new ReferenceLineDecoder(text, precisionNanos, defaultTime).all();
    }

    private List<Decoded> all() {
        List<Decoded> out = new ArrayList<>();
        while (true) {
            skipEmptyLines();
            if (i >= s.length()) {
                return out;
            }
            out.add(entry());
        }
    }

    private void skipEmptyLines() {
        while (true) {
            int lineStart = i;
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            if (i >= s.length()) {
                return;
            }
            char c = s.charAt(i);
            if (c == '#') {
                while (i < s.length() && !nonPrintable(s.charAt(i)) && s.charAt(i) != '\r' && s.charAt(i) != '\n') {
                    i++;
                }
                if (!takeEol()) {
                    i = lineStart;
                    return;
                }
            } else if (c == '\n') {
                i++;
            } else if (c == '\r') {
                if (!takeEol()) {
                    return;
                }
            } else {
                return;
            }
        }
    }

    private boolean takeEol() {
        if (i >= s.length()) {
            return true;
        }
        if (s.charAt(i) == '\n') {
            i++;
            return true;
        }
        if (s.charAt(i) == '\r') {
            if (i + 1 >= s.length()) {
                i++;
                return true;
            }
            if (s.charAt(i + 1) == '\n') {
                i += 2;
                return true;
            }
        }
        return false;
    }

    private Decoded entry() {
        StringBuilder masked = new StringBuilder();
        int start = i;
        String name = takeEsc(Section.MEASUREMENT);
        if (name.isEmpty()) {
            throw fail("no measurement name");
        }
        if (name.charAt(0) == '#') {
            throw fail("invalid character in comment line");
        }
        tagComma();
        List<Map.Entry<String, String>> tags = new ArrayList<>();
        while (true) {
            if (i < s.length() && s.charAt(i) == ' ') {
                while (i < s.length() && s.charAt(i) == ' ') {
                    i++;
                }
                break;
            }
            String key = takeEsc(Section.TAG);
            if (key.isEmpty() || i >= s.length() || s.charAt(i) != '=') {
                throw fail("expected tag key and '='");
            }
            i++;
            String value = takeEsc(Section.TAG);
            if (value.isEmpty()) {
                throw fail("empty tag value");
            }
            tags.add(Map.entry(key, value));
            if (i >= s.length()) {
                break;
            }
            tagComma();
        }
        List<CorpusPoint.Field> fields = new ArrayList<>();
        boolean timeFollows;
        while (true) {
            String key = takeEsc(Section.TAG);
            if (key.isEmpty()) {
                throw fail("expected field key");
            }
            if (i >= s.length() || s.charAt(i) != '=') {
                throw fail("want '=' after field key");
            }
            i++;
            if (i >= s.length()) {
                throw fail("expected field value");
            }
            masked.append(s, start, i);
            char c = s.charAt(i);
            int valueStart = i;
            if (c == '"') {
                i++;
                String v = takeEsc(Section.STRING);
                if (i >= s.length() || s.charAt(i) != '"') {
                    throw fail("unterminated string");
                }
                i++;
                fields.add(new CorpusPoint.Field(key, "string", v));
                masked.append(s, valueStart, i);
            } else if ("tTfF".indexOf(c) >= 0) {
                String v = takeValue();
                if (!TRUE.contains(v) && !FALSE.contains(v)) {
                    throw fail("invalid bool " + v);
                }
                fields.add(new CorpusPoint.Field(key, "bool", TRUE.contains(v)));
                masked.append(v);
            } else if (c == '-' || c == '.' || (c >= '0' && c <= '9')) {
                String v = takeValue();
                char last = v.charAt(v.length() - 1);
                if (last == 'i') {
                    fields.add(new CorpusPoint.Field(key, "int", parseLong(v.substring(0, v.length() - 1))));
                    masked.append(v);
                } else if (last == 'u') {
                    fields.add(new CorpusPoint.Field(key, "uint", parseUnsigned(v.substring(0, v.length() - 1))));
                    masked.append(v);
                } else {
                    fields.add(new CorpusPoint.Field(key, "float", parseFloat(v)));
                    masked.append("#F");
                }
            } else {
                throw fail("missing or unrecognized field value");
            }
            start = i;
            if (i >= s.length()) {
                timeFollows = false;
                break;
            }
            char next = s.charAt(i);
            if (next == ',') {
                i++;
                continue;
            }
            if (next != ' ' && next != '\r' && next != '\n') {
                throw fail("unexpected character after field");
            }
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            timeFollows = !takeEol();
            break;
        }
        long time = Math.floorDiv(defaultTime, precisionNanos) * precisionNanos;
        if (timeFollows) {
            int t0 = i;
            while (i < s.length() && "-0123456789".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String digits = s.substring(t0, i);
            if (i < s.length() && " \r\n".indexOf(s.charAt(i)) < 0) {
                throw fail("invalid timestamp");
            }
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            if (i < s.length() && !takeEol()) {
                throw fail("unexpected text after timestamp");
            }
            if (!digits.isEmpty()) {
                try {
                    time = Math.multiplyExact(parseLong(digits), precisionNanos);
                } catch (ArithmeticException e) {
                    throw fail("timestamp out of range");
                }
            }
        }
        masked.append(s, start, i);
        tags.sort(Map.Entry.comparingByKey());
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> t : tags) {
            if (!seen.add(t.getKey())) {
                throw fail("duplicate tag key " + t.getKey());
            }
        }
        return new Decoded(new CorpusPoint(name, List.copyOf(tags), List.copyOf(fields), time),
                masked.toString().strip());
    }

    private void tagComma() {
        if (i < s.length() && s.charAt(i) == ',') {
            i++;
            if (i >= s.length() || " \r\n".indexOf(s.charAt(i)) >= 0) {
                throw fail("expected tag key after comma");
            }
        }
    }

    private enum Section { MEASUREMENT, TAG, STRING }

    /** Takes characters of the section, undoing its escapes; a backslash before anything else stays. */
    private String takeEsc(Section section) {
        StringBuilder out = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (i + 1 >= s.length()) {
                    out.append(c);
                    i++;
                    break;
                }
                char n = s.charAt(i + 1);
                Character unescaped = unescape(section, n);
                if (unescaped == null) {
                    out.append(c);
                    i++;
                } else {
                    out.append(unescaped.charValue());
                    i += 2;
                }
                continue;
            }
            if (ends(section, c)) {
                break;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static Character unescape(Section section, char n) {
        return switch (section) {
            case MEASUREMENT -> n == ' ' || n == ',' ? n : null;
            case TAG -> n == ' ' || n == ',' || n == '=' ? n : null;
            case STRING -> switch (n) {
                case '\\', '"' -> n;
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                default -> null;
            };
        };
    }

    private static boolean ends(Section section, char c) {
        return switch (section) {
            case MEASUREMENT -> c == ',' || c == ' ' || nonPrintable(c);
            case TAG -> c == ',' || c == '=' || c == ' ' || nonPrintable(c);
            case STRING -> c == '"';
        };
    }

    private static boolean nonPrintable(char c) {
        return c < 0x20 || c == 0x7f;
    }

    private String takeValue() {
        int start = i;
        while (i < s.length() && ",\r\n ".indexOf(s.charAt(i)) < 0) {
            i++;
        }
        return s.substring(start, i);
    }

    private long parseLong(String v) {
        if (!INT.matcher(v).matches()) {
            throw fail("invalid integer " + v);
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw fail("integer out of range " + v);
        }
    }

    private long parseUnsigned(String v) {
        if (!UINT.matcher(v).matches() || new BigInteger(v).compareTo(UINT_MAX) > 0) {
            throw fail("invalid unsigned integer " + v);
        }
        return new BigInteger(v).longValue();
    }

    private double parseFloat(String v) {
        if (!FLOAT.matcher(v).matches() && !HEX_FLOAT.matcher(v).matches()) {
            throw fail("invalid float " + v);
        }
        double d = Double.parseDouble(v);
        if (Double.isInfinite(d)) {
            throw fail("float out of range " + v);
        }
        return d;
    }

    private IllegalArgumentException fail(String what) {
        return new IllegalArgumentException(what + " at offset " + i);
    }
}
