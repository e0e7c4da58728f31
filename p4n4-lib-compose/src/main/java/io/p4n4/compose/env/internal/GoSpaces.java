package io.p4n4.compose.env.internal;

/** The two notions of whitespace compose-go's dotenv parser uses, for the same results. */
final class GoSpaces {
    private GoSpaces() {
    }

    /** Go's {@code unicode.IsSpace}: Latin-1 blanks and line breaks plus Unicode White_Space. */
    static boolean isUnicodeSpace(char c) {
        switch (c) {
            case '\t', '\n', '\u000b', '\f', '\r', ' ', '\u0085', '\u00a0', '\u1680', '\u2028', '\u2029',
                    '\u202f', '\u205f', '\u3000' -> {
                return true;
            }
            default -> {
                return c >= '\u2000' && c <= '\u200a';
            }
        }
    }

    /** The parser's own blank test: like {@link #isUnicodeSpace} but never a line feed. */
    static boolean isBlank(char c) {
        return c == '\t' || c == '\u000b' || c == '\f' || c == '\r' || c == ' ' || c == '\u0085' || c == '\u00a0';
    }

    /** Go regexp's {@code \s}: {@code [\t\n\f\r ]}. */
    static boolean isRegexSpace(char c) {
        return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
    }
}
