package io.p4n4.compose.env.internal;

/**
 * Writes a value so that compose's parser reads back exactly that value: bare when nothing in it
 * is special, else in single quotes (literal, readable by shells too), else in double quotes with
 * escapes (newlines, backslashes, quotes; {@code $$} for a dollar).
 */
public final class ValueQuoting {
    private ValueQuoting() {
    }

    /**
     * Encodes {@code value} for the right-hand side of {@code KEY=}.
     *
     * @param following the text that will follow the value on its line (an inline comment, or junk
     *     compose ignores after a closing quote); empty for none
     */
    public static String encode(String value, String following) {
        if (isSafeBare(value) && readsBackBare(value, following)) {
            return value;
        }
        if (isSingleQuotable(value)) {
            return "'" + value.replace("'", "\\'") + "'";
        }
        return doubleQuoted(value);
    }

    /** Applies the parser's rule for bare values (blanks, then cut at " #", trim) to value + following. */
    private static boolean readsBackBare(String value, String following) {
        String line = value + following;
        int start = 0;
        while (start < line.length() && GoSpaces.isBlank(line.charAt(start))) {
            start++;
        }
        line = line.substring(start);
        int comment = line.indexOf(" #");
        if (comment >= 0) {
            line = line.substring(0, comment);
        }
        int end = line.length();
        while (end > 0 && GoSpaces.isUnicodeSpace(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end).equals(value);
    }

    /** True when the value has no character that would change its meaning without quotes. */
    static boolean isSafeBare(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (GoSpaces.isUnicodeSpace(c) || Character.isISOControl(c) || "#\"'$\\".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when single quotes keep the value on one line and exact: inside them a backslash is
     * literal except before a quote, so a backslash may not end the value or precede a quote.
     */
    static boolean isSingleQuotable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' || Character.isISOControl(c)) {
                return false;
            }
            if (c == '\\' && (i + 1 == value.length() || value.charAt(i + 1) == '\'')) {
                return false;
            }
        }
        return true;
    }

    static String doubleQuoted(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '$' -> sb.append("$$");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
