package io.p4n4.compose.env.internal;

/**
 * One {@code KEY=value} (or bare {@code KEY}) statement of a {@code .env} text, with the offsets
 * the line-preserving writer needs. Offsets index the original text (BOM included).
 *
 * @param key the key
 * @param start where the statement starts ({@code export} included), after leading whitespace
 * @param keyEnd the end of the key, trailing blanks excluded
 * @param inherited true for a bare {@code KEY} line, whose value comes from the lookup only
 * @param valueStart where the raw value text starts (equals {@code keyEnd} for a bare key)
 * @param valueEnd the end of the raw value text: after the closing quote, or after the unquoted
 *     value without its inline comment and trailing blanks
 * @param quoted whether the raw value is in quotes
 * @param end where scanning continued after this statement
 * @param value the parsed value, or {@code null} when a bare key was not found in the lookup
 */
public record Statement(String key, int start, int keyEnd, boolean inherited, int valueStart, int valueEnd,
        boolean quoted, int end, String value) {
}
