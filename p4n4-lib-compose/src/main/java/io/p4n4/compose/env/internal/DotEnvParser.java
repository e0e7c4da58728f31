package io.p4n4.compose.env.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import io.p4n4.compose.interpolation.Interpolation;
import io.p4n4.compose.interpolation.InterpolationException;
import io.p4n4.compose.interpolation.internal.GoQuote;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Scans {@code .env} text with the rules of compose-go's dotenv parser (the reference for what
 * {@code docker compose} accepts), recording each statement's offsets for the line-preserving
 * writer. Line and column in errors are computed from offsets, so they are exact even where
 * compose-go's own line counter drifts. Not thread-safe; one instance per call.
 */
public final class DotEnvParser {
    private static final String BOM = "\uFEFF";
    /** How many characters expansion may add to a file's values in total (guards against ${A}${A} chains). */
    private static final int MAX_EXPANSION = 1 << 24;
    private static final String KEY_RULE = "keys may contain letters, digits, '_', '.', '-', '[' and ']'";

    private final String text;
    private final Path source;
    private final Function<String, String> lookup;
    private final Map<String, String> out;
    private final boolean keepRawOnInterpolationError;
    private final List<Statement> statements = new ArrayList<>();
    private long expansion;

    private DotEnvParser(String text, Path source, Function<String, String> lookup, Map<String, String> out,
            boolean keepRawOnInterpolationError) {
        this.text = text;
        this.source = source;
        this.lookup = lookup == null ? name -> null : lookup;
        this.out = out;
        this.keepRawOnInterpolationError = keepRawOnInterpolationError;
    }

    /**
     * Parses {@code text} into {@code out}.
     *
     * @param source the file, for messages; may be {@code null}
     * @param lookup consulted first for {@code ${...}} in values and alone for bare keys; may be {@code null}
     * @param out receives the values; it is also read, after the lookup, for {@code ${...}}
     * @param keepRawOnInterpolationError when true, a value whose {@code ${...}} cannot be expanded
     *     keeps its raw text instead of failing the parse (for editing a document)
     * @return the statements in file order
     * @throws InvalidFileException VALIDATION for a malformed statement, naming line, column and key
     */
    public static List<Statement> parse(String text, Path source, Function<String, String> lookup,
            Map<String, String> out, boolean keepRawOnInterpolationError) {
        DotEnvParser parser = new DotEnvParser(text, source, lookup, out, keepRawOnInterpolationError);
        parser.run();
        return parser.statements;
    }

    private void run() {
        final int n = text.length();
        int pos = text.startsWith(BOM) ? 1 : 0;
        while (true) {
            pos = statementStart(pos);
            if (pos >= n) {
                return;
            }
            pos = statement(pos);
        }
    }

    /** Skips blank space, line breaks and comment lines; returns n at the end of the text. */
    private int statementStart(int from) {
        final int n = text.length();
        int pos = from;
        while (true) {
            while (pos < n && GoSpaces.isUnicodeSpace(text.charAt(pos))) {
                pos++;
            }
            if (pos >= n || text.charAt(pos) != '#') {
                return pos;
            }
            int newline = text.indexOf('\n', pos);
            if (newline < 0) {
                return n;
            }
            pos = newline;
        }
    }

    /** Parses the statement at {@code start}; returns where scanning continues. */
    private int statement(int start) {
        final int n = text.length();
        int keyStart = start;
        if (text.startsWith("export", start) && start + 6 < n && GoSpaces.isRegexSpace(text.charAt(start + 6))) {
            keyStart = skipBlanks(start + 6);
            if (keyStart >= n) {
                throw error(start, null, "'export' must be followed by KEY=value", null);
            }
        }
        int separator = keySeparator(keyStart);
        if (separator < 0) {
            // compose-go quirk: without '=', ':' or a line break up to the end of the text, the
            // text becomes the value of the empty key
            return value(start, "", keyStart, keyStart);
        }
        String key = trimRightUnicode(text.substring(keyStart, separator));
        if (key.indexOf(' ') >= 0) {
            throw error(start, key, "key cannot contain a space; write KEY=value, one per line, or # before a comment",
                    null);
        }
        int keyEnd = keyStart + key.length();
        int valueStart = skipBlanks(separator + 1);
        if (text.charAt(separator) == '\n') {
            String value = lookup.apply(key);
            if (value != null) {
                out.put(key, value);
            }
            statements.add(new Statement(key, start, keyEnd, true, keyEnd, keyEnd, false, valueStart, value));
            return valueStart;
        }
        return value(start, key, keyEnd, valueStart);
    }

    /** Index of the '=', ':' or line break ending the key at {@code from}, or -1 at the end of text. */
    private int keySeparator(int from) {
        final int n = text.length();
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (GoSpaces.isBlank(c) || c == '_' || c == '.' || c == '-' || c == '[' || c == ']') {
                continue;
            }
            if (c == '=' || c == ':' || c == '\n') {
                return i;
            }
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp) || isNumber(cp)) {
                i += Character.charCount(cp) - 1;
                continue;
            }
            throw error(i, null, "unexpected character " + quote(new String(Character.toChars(cp)))
                    + " in variable name " + quote(nameAround(from)) + "; " + KEY_RULE, null);
        }
        return -1;
    }

    private int value(int start, String key, int keyEnd, int valueStart) {
        final int n = text.length();
        char first = valueStart < n ? text.charAt(valueStart) : 0;
        if (first == '"' || first == '\'') {
            return quotedValue(start, key, keyEnd, valueStart, first);
        }
        int newline = text.indexOf('\n', valueStart);
        int lineEnd = newline < 0 ? n : newline;
        String raw = text.substring(valueStart, lineEnd);
        int comment = raw.indexOf(" #");
        if (comment >= 0) {
            raw = raw.substring(0, comment);
        }
        raw = trimRightUnicode(raw);
        String value = expand(raw, key, valueStart);
        out.put(key, value);
        int end = newline < 0 ? n : newline + 1;
        statements.add(new Statement(key, start, keyEnd, false, valueStart, valueStart + raw.length(), false, end,
                value));
        return end;
    }

    private int quotedValue(int start, String key, int keyEnd, int valueStart, char quote) {
        final int n = text.length();
        StringBuilder chars = new StringBuilder();
        boolean escaped = false;
        for (int i = valueStart + 1; i < n; i++) {
            char c = text.charAt(i);
            if (c != quote) {
                if (!escaped && c == '\\') {
                    escaped = true;
                    continue;
                }
                if (escaped) {
                    escaped = false;
                    chars.append('\\');
                }
                chars.append(c);
                continue;
            }
            if (escaped) {
                escaped = false;
                chars.append(c);
                continue;
            }
            String value = chars.toString();
            if (quote == '"') {
                value = expand(Escapes.expand(value), key, valueStart);
            }
            out.put(key, value);
            statements.add(new Statement(key, start, keyEnd, false, valueStart, i + 1, true, i + 1, value));
            return i + 1;
        }
        throw error(valueStart, key, "unterminated quoted value; add the closing " + quote
                + " (a quote inside the value is written \\" + quote + ")", null);
    }

    private String expand(String raw, String key, int valueStart) {
        if (raw.indexOf('$') < 0) {
            return raw;
        }
        try {
            String value = Interpolation.interpolate(raw, this::resolve, null, name -> { });
            expansion += Math.max(0, value.length() - raw.length());
            if (expansion > MAX_EXPANSION) {
                throw error(valueStart, key, "expanding ${...} made the values more than " + MAX_EXPANSION
                        + " characters longer; a value probably repeats another one that already repeats others", null);
            }
            return value;
        } catch (InterpolationException e) {
            if (keepRawOnInterpolationError) {
                return raw;
            }
            if (e.kind() == InterpolationException.Kind.MISSING_REQUIRED) {
                throw error(valueStart, key, e.getMessage(), e);
            }
            if (e.template().isEmpty()) {
                // refused for its nesting or size: the message says which and quotes nothing
                throw error(valueStart, key, e.getMessage(), e);
            }
            // no cause: its message quotes the value, which may be a secret
            throw error(valueStart, key, "invalid ${...} reference in the value; write $$ for a literal $,"
                    + " or use $NAME, ${NAME}, ${NAME:-default}, ${NAME:?message}, ${NAME:+alternative}", null);
        }
    }

    private String resolve(String name) {
        String value = lookup.apply(name);
        return value != null ? value : out.get(name);
    }

    private int skipBlanks(int from) {
        int pos = from;
        while (pos < text.length() && GoSpaces.isBlank(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    /** The text of the line at {@code from} up to the first '=' or ':', for naming a bad key. */
    private String nameAround(int from) {
        int end = from;
        while (end < text.length() && "=:\n".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return text.substring(from, end);
    }

    private InvalidFileException error(int index, String key, String problem, Throwable cause) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = index - lineStart + 1 - (line == 1 && text.startsWith(BOM) ? 1 : 0);
        return new InvalidFileException(ErrorCode.VALIDATION, source, line, column, key,
                "line " + line + ": " + problem, cause);
    }

    private static boolean isNumber(int cp) {
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static String trimRightUnicode(String s) {
        int end = s.length();
        while (end > 0 && GoSpaces.isUnicodeSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String quote(String s) {
        return GoQuote.quote(s);
    }
}
