package io.p4n4.compose.env.internal;

/**
 * The escape sequences compose-go expands in double-quoted values: {@code \a \b \f \n \r \t \v
 * \" \\}, {@code \$} (kept as {@code $$} so interpolation yields one literal dollar) and XSI octal
 * {@code \0ooo}. Any other backslash, and {@code \c}, is kept literally; an octal escape that
 * does not form a valid byte loses its zero, as in compose-go.
 */
final class Escapes {
    private Escapes() {
    }

    static String expand(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                i++;
                continue;
            }
            char e = s.charAt(i + 1);
            String replacement = switch (e) {
                case 'a' -> "\u0007";
                case 'b' -> "\b";
                case 'f' -> "\f";
                case 'n' -> "\n";
                case 'r' -> "\r";
                case 't' -> "\t";
                case 'v' -> "\u000b";
                case '$' -> "$$";
                case '"' -> "\"";
                case '\\' -> "\\";
                case 'c' -> "\\c";
                default -> null;
            };
            if (replacement != null) {
                out.append(replacement);
                i += 2;
            } else if (e == '0') {
                int end = i + 2;
                while (end < s.length() && end < i + 5 && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
                    end++;
                }
                out.append(octal(s.substring(i, end)));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * {@code \0ooo}: exactly three octal digits up to 377 after the zero give that character;
     * otherwise compose-go keeps the text without its zero ({@code \0} becomes a lone backslash).
     */
    private static String octal(String match) {
        String digits = match.substring(2);
        String kept = "\\" + digits;
        if (digits.length() != 3) {
            return kept;
        }
        int value = 0;
        for (int k = 0; k < 3; k++) {
            char d = digits.charAt(k);
            if (d < '0' || d > '7') {
                return kept;
            }
            value = value * 8 + (d - '0');
        }
        return value > 255 ? kept : String.valueOf((char) value);
    }
}
