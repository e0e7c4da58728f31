package io.p4n4.compose.env;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.compose.env.internal.DotEnvParser;
import io.p4n4.compose.env.internal.EnvText;
import io.p4n4.compose.env.internal.Statement;
import io.p4n4.compose.env.internal.ValueQuoting;
import io.p4n4.compose.files.AtomicFiles;
import io.p4n4.compose.interpolation.internal.GoQuote;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An immutable {@code .env} document that can be edited without disturbing it: {@link #with}
 * rewrites only the value of the key's line (keeping {@code export}, the separator and an inline
 * comment) or appends a line; every other byte (comments, blank lines, order, unrelated keys, line
 * endings, a BOM) is rendered exactly as read. Values are quoted only when they need it, so that
 * {@link DotEnv#parse} reads back exactly the value set.
 *
 * <pre>{@code
 * EnvFile.read(dotEnv).with("INFLUXDB_TOKEN", token).write(dotEnv); // atomic, mode 0600
 * }</pre>
 *
 * <p>{@link #values()} are parsed without any environment; a value whose {@code ${...}} cannot be
 * expanded that way (for instance {@code ${X:?required}}) is kept as its raw text. Thread-safe.
 * {@link #toString()} lists keys only, never values.
 */
public final class EnvFile {
    private static final String KEY_RULE = "keys may contain letters, digits, '_', '.', '-', '[' and ']'";

    private final String text;
    private final @Nullable Path source;
    private final List<Statement> statements;
    private final Map<String, String> values;

    private EnvFile(String text, @Nullable Path source) {
        Map<String, String> parsed = new LinkedHashMap<>();
        this.statements = List.copyOf(DotEnvParser.parse(text, source, null, parsed, true));
        this.text = text;
        this.source = source;
        this.values = Collections.unmodifiableMap(parsed);
    }

    /**
     * Reads a file; a missing file gives an empty document (that {@link #write} will create).
     *
     * @throws io.p4n4.api.InvalidFileException VALIDATION when the file is malformed or not UTF-8,
     *     USER when it is a directory or unreadable
     */
    public static EnvFile read(Path file) {
        Objects.requireNonNull(file, "file");
        return new EnvFile(EnvText.readIfExists(file).orElse(""), file);
    }

    /**
     * Parses text.
     *
     * @param source the file it came from, for messages; may be {@code null}
     * @throws io.p4n4.api.InvalidFileException VALIDATION when the text is malformed
     */
    public static EnvFile parse(String text, @Nullable Path source) {
        Objects.requireNonNull(text, "text");
        return new EnvFile(text, source);
    }

    /** Returns an empty document. */
    public static EnvFile empty() {
        return new EnvFile("", null);
    }

    /** Returns the parsed values in the order keys first appear (bare {@code KEY} lines have none). */
    public Map<String, String> values() {
        return values;
    }

    /** Returns the value of {@code key}, if the document sets it. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Returns the keys that have a value, in the order they first appear. */
    public List<String> keys() {
        return List.copyOf(values.keySet());
    }

    /**
     * Returns a document where {@code key} has {@code value}: its last definition is rewritten in
     * place (bare {@code KEY} lines get {@code =value}), or a line is appended at the end.
     *
     * @throws P4n4Exception USER when the key is not a valid {@code .env} key or the value is not
     *     valid Unicode text
     */
    public EnvFile with(String key, String value) {
        checkKey(key);
        checkValue(key, value);
        Statement last = null;
        for (Statement s : statements) {
            if (s.key().equals(key)) {
                last = s;
            }
        }
        if (last == null) {
            return new EnvFile(appended(key, value), source);
        }
        if (last.inherited()) {
            String encoded = ValueQuoting.encode(value, restOfLine(last.keyEnd()));
            return new EnvFile(splice(last.keyEnd(), last.keyEnd(), "=" + encoded), source);
        }
        String encoded = ValueQuoting.encode(value, restOfLine(last.valueEnd()));
        return new EnvFile(splice(last.valueStart(), last.valueEnd(), encoded), source);
    }

    /** Applies {@link #with} for every entry, in the map's order. */
    public EnvFile withAll(Map<String, String> newValues) {
        Objects.requireNonNull(newValues, "newValues");
        EnvFile result = this;
        for (Map.Entry<String, String> e : newValues.entrySet()) {
            result = result.with(e.getKey(), e.getValue());
        }
        return result;
    }

    /**
     * Returns a document without any definition of {@code key}: each defining line goes, with its
     * inline comment; other lines, comments above included, stay.
     */
    public EnvFile without(String key) {
        Objects.requireNonNull(key, "key");
        String result = text;
        for (int i = statements.size() - 1; i >= 0; i--) {
            Statement s = statements.get(i);
            if (s.key().equals(key)) {
                result = remove(result, s);
            }
        }
        return result.equals(text) ? this : new EnvFile(result, source);
    }

    /** Returns the document's exact text. */
    public String render() {
        return text;
    }

    /**
     * Writes the document atomically (temporary file, then rename) with mode 0600.
     *
     * @throws P4n4Exception GENERAL when the file cannot be written; the old file is then unchanged
     */
    public void write(Path file) {
        Objects.requireNonNull(file, "file");
        AtomicFiles.writeSecretString(file, text);
    }

    /** Lists the file and the keys, never the values. */
    @Override
    public String toString() {
        return "EnvFile[" + (source == null ? "<input>" : source) + ", keys=" + values.keySet() + "]";
    }

    private String appended(String key, String value) {
        String eol = lineEnding();
        StringBuilder sb = new StringBuilder(text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            sb.append(eol);
        }
        return sb.append(key).append('=').append(ValueQuoting.encode(value, "")).append(eol).toString();
    }

    /** The document's line ending: that of its first line, or LF. */
    private String lineEnding() {
        int newline = text.indexOf('\n');
        return newline > 0 && text.charAt(newline - 1) == '\r' ? "\r\n" : "\n";
    }

    private String splice(int from, int to, String replacement) {
        return text.substring(0, from) + replacement + text.substring(to);
    }

    private String restOfLine(int from) {
        int newline = text.indexOf('\n', from);
        return text.substring(from, newline < 0 ? text.length() : newline);
    }

    private static String remove(String in, Statement s) {
        int lineStart = in.lastIndexOf('\n', s.start() - 1) + 1;
        boolean ownsLineStart = in.substring(lineStart, s.start()).isBlank();
        int from = ownsLineStart ? lineStart : s.start();
        int newline = in.indexOf('\n', s.valueEnd());
        int lineEnd = newline < 0 ? in.length() : newline;
        String rest = in.substring(s.valueEnd(), lineEnd).strip();
        int to;
        if (rest.isEmpty() || rest.startsWith("#")) {
            // the rest of the line is this statement's comment: it goes too, with the line break
            // when the statement had the line to itself
            to = ownsLineStart && newline >= 0 ? newline + 1 : lineEnd;
        } else {
            to = s.valueEnd();
        }
        return in.substring(0, from) + in.substring(to);
    }

    private static void checkKey(String key) {
        Objects.requireNonNull(key, "key");
        boolean valid = !key.isEmpty();
        for (int i = 0; valid && i < key.length(); ) {
            int cp = key.codePointAt(i);
            int type = Character.getType(cp);
            valid = Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER
                    || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER || "_.-[]".indexOf(cp) >= 0;
            i += Character.charCount(cp);
        }
        if (!valid) {
            throw new P4n4Exception(ErrorCode.USER, "invalid .env key " + GoQuote.quote(key) + ": " + KEY_RULE
                    + ", and may not be empty");
        }
    }

    private static void checkValue(String key, String value) {
        Objects.requireNonNull(value, "value");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(++i)) : !Character.isLowSurrogate(c);
            if (!paired) {
                // the value itself is not shown: it may be a secret
                throw new P4n4Exception(ErrorCode.USER, "the value for " + key
                        + " is not valid Unicode text (unpaired surrogate); it cannot be written as UTF-8");
            }
        }
    }
}
