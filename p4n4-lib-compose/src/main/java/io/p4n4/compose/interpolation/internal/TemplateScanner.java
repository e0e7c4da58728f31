package io.p4n4.compose.interpolation.internal;

import io.p4n4.compose.interpolation.VariableReference;
import io.p4n4.compose.interpolation.VariableReference.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Scans a template the way compose-go's {@code template.Substitute} does, without its regular
 * expression: {@code $$} is a dollar, {@code $NAME} and {@code ${NAME}} are plain references, and a
 * braced reference with an operator extends to the last {@code '}'} on its line, then is cut at the
 * first brace that balances it; the text in between is scanned again on its own (it was a separate
 * {@code Substitute} call in compose-go, which matters for the text quoted in errors).
 *
 * <p>Arguments (defaults, messages, alternatives) are scanned only when used, like compose-go,
 * except in {@linkplain #references collect mode}, which visits all of them. Nesting is limited to
 * {@value #MAX_NESTING} levels so hostile input cannot exhaust the stack. Not thread-safe; one
 * instance per call.
 */
public final class TemplateScanner {
    /** How deeply arguments may nest ({@code ${A:-${B:-...}}}) before the template is refused. */
    public static final int MAX_NESTING = 100;

    /** The longest result (in chars) a substitution may produce, unless the template itself is longer. */
    public static final int MAX_RESULT_LENGTH = 1 << 22;

    private final String text;
    private final int depth;
    private final Function<String, String> lookup;
    private final Consumer<String> onUnset;
    private final List<VariableReference> collected;
    private final int limit;

    /** The end of the line holding the last argument seen and the last '}' before it (a cache). */
    private int lineEnd = -1;
    private int lastBraceOnLine = -1;

    private TemplateScanner(String text, int depth, Function<String, String> lookup, Consumer<String> onUnset,
            List<VariableReference> collected, int limit) {
        if (depth > MAX_NESTING) {
            throw TemplateError.refused("variable references are nested more than " + MAX_NESTING
                    + " levels deep");
        }
        this.text = text;
        this.depth = depth;
        this.lookup = lookup;
        this.onUnset = onUnset;
        this.collected = collected;
        this.limit = limit;
    }

    /**
     * Substitutes every reference.
     *
     * @param lookup returns a variable's value, or {@code null} when it is unset
     * @param onUnset told the name of every plain reference to an unset variable
     * @throws TemplateError when the template is malformed or a required variable has no value
     */
    public static String substitute(String template, Function<String, String> lookup, Consumer<String> onUnset) {
        NestingCheck.check(template);
        StringBuilder out = new StringBuilder(Math.min(template.length(), MAX_RESULT_LENGTH));
        new TemplateScanner(template, 0, lookup, onUnset, null, Math.max(MAX_RESULT_LENGTH, template.length()))
                .scan(out);
        return out.toString();
    }

    /** Lists every reference in order, arguments included (an enclosing reference comes first). */
    public static List<VariableReference> references(String template) {
        NestingCheck.check(template);
        List<VariableReference> refs = new ArrayList<>();
        new TemplateScanner(template, 0, null, null, refs, MAX_RESULT_LENGTH).scan(null);
        return refs;
    }

    private boolean collecting() {
        return collected != null;
    }

    private void scan(StringBuilder out) {
        final int n = text.length();
        // the text compose-go would quote in "Invalid template": the whole input, or the rest of a
        // line after a braced reference with an operator (a nested Substitute call there)
        int segmentStart = 0;
        int segmentEnd = n;
        int i = 0;
        while (i < n) {
            checkSize(out);
            if (i >= segmentEnd) {
                segmentStart = 0;
                segmentEnd = n;
            }
            int dollar = text.indexOf('$', i);
            if (dollar < 0) {
                append(out, i, n);
                break;
            }
            if (dollar > i) {
                append(out, i, dollar);
                i = dollar;
                continue;
            }
            char next = i + 1 < n ? text.charAt(i + 1) : 0;
            if (next == '$') {
                appendChar(out, '$');
                i += 2;
            } else if (isNameStart(next)) {
                int end = nameEnd(i + 1);
                plain(out, text.substring(i + 1, end));
                i = end;
            } else if (next == '{') {
                int[] bounds = braced(out, i, segmentStart, segmentEnd);
                i = bounds[0];
                if (bounds[0] < bounds[1]) {
                    segmentStart = bounds[0];
                    segmentEnd = bounds[1];
                }
            } else {
                appendChar(out, '$');
                i++;
            }
        }
        checkSize(out);
    }

    /**
     * Handles the {@code ${...}} starting at {@code start}; returns where scanning continues and the
     * end of the rest-of-line segment that follows it (equal when there is none).
     */
    private int[] braced(StringBuilder out, int start, int segmentStart, int segmentEnd) {
        final int n = text.length();
        int nameStart = start + 2;
        int nameEnd = nameStart < n && isNameStart(text.charAt(nameStart)) ? nameEnd(nameStart) : nameStart;
        if (nameEnd == nameStart) {
            throw TemplateError.invalid(text.substring(segmentStart, segmentEnd));
        }
        String name = text.substring(nameStart, nameEnd);
        if (nameEnd < n && text.charAt(nameEnd) == '}') {
            plain(out, name);
            return new int[] {nameEnd + 1, nameEnd + 1};
        }
        int argStart;
        Modifier modifier;
        if (nameEnd + 1 < n && text.charAt(nameEnd) == ':' && isOperator(text.charAt(nameEnd + 1))) {
            modifier = modifier(true, text.charAt(nameEnd + 1));
            argStart = nameEnd + 2;
        } else if (nameEnd < n && isOperator(text.charAt(nameEnd))) {
            modifier = modifier(false, text.charAt(nameEnd));
            argStart = nameEnd + 1;
        } else {
            throw TemplateError.invalid(text.substring(segmentStart, segmentEnd));
        }
        int matchEnd = lastBraceOnLine(argStart) + 1;
        if (matchEnd <= argStart) {
            throw TemplateError.invalid(text.substring(segmentStart, segmentEnd));
        }
        int closing = firstBalancingBrace(start, matchEnd);
        int innerEnd = closing >= 0 ? closing + 1 : matchEnd;
        apply(out, name, modifier, text.substring(argStart, innerEnd - 1));
        return new int[] {innerEnd, matchEnd};
    }

    /** The last '}' on the line of {@code from} at or after it, or -1; cached per line. */
    private int lastBraceOnLine(int from) {
        if (from > lineEnd) {
            int newline = text.indexOf('\n', from);
            lineEnd = newline < 0 ? text.length() : newline;
            lastBraceOnLine = text.lastIndexOf('}', lineEnd - 1);
        }
        return lastBraceOnLine >= from ? lastBraceOnLine : -1;
    }

    /**
     * compose-go's brace counter: each '{' opens and hides the character after it, each '}' closes;
     * the '}' that brings the count back to zero ends the reference. -1 when none does.
     */
    private int firstBalancingBrace(int from, int to) {
        int open = 0;
        for (int j = from; j < to; j++) {
            char c = text.charAt(j);
            if (c == '}') {
                open--;
                if (open == 0) {
                    return j;
                }
            }
            if (c == '{') {
                open++;
                j++;
            }
        }
        return -1;
    }

    private void apply(StringBuilder out, String name, Modifier modifier, String argument) {
        if (collecting()) {
            collected.add(new VariableReference(name, modifier, argument));
            nested(argument, null);
            return;
        }
        String value = lookup.apply(name);
        boolean set = value != null;
        boolean nonEmpty = set && !value.isEmpty();
        switch (modifier) {
            case DEFAULT_IF_UNSET_OR_EMPTY -> {
                if (nonEmpty) {
                    out.append(value);
                } else {
                    nested(argument, out);
                }
            }
            case DEFAULT_IF_UNSET -> {
                if (set) {
                    out.append(value);
                } else {
                    nested(argument, out);
                }
            }
            case ALTERNATE_IF_NON_EMPTY -> {
                if (nonEmpty) {
                    nested(argument, out);
                }
            }
            case ALTERNATE_IF_SET -> {
                if (set) {
                    nested(argument, out);
                }
            }
            case REQUIRED_NON_EMPTY, REQUIRED -> {
                if (modifier == Modifier.REQUIRED ? set : nonEmpty) {
                    out.append(value);
                } else {
                    StringBuilder message = new StringBuilder();
                    nested(argument, message);
                    throw TemplateError.missing(name, message.toString());
                }
            }
            default -> throw new IllegalStateException("no operator: " + modifier);
        }
    }

    /** Values are inserted whole, so a result may overshoot by one value before this refuses it. */
    private void checkSize(StringBuilder out) {
        if (out != null && out.length() > limit) {
            throw TemplateError.refused("the result would be longer than " + limit
                    + " characters (values that repeat other values grow without bound)");
        }
    }

    private void nested(String argument, StringBuilder out) {
        new TemplateScanner(argument, depth + 1, lookup, onUnset, collected, limit).scan(out);
    }

    private void plain(StringBuilder out, String name) {
        if (collecting()) {
            collected.add(VariableReference.of(name));
            return;
        }
        String value = lookup.apply(name);
        if (value == null) {
            onUnset.accept(name);
        } else {
            out.append(value);
        }
    }

    private void append(StringBuilder out, int from, int to) {
        if (out != null) {
            out.append(text, from, to);
        }
    }

    private static void appendChar(StringBuilder out, char c) {
        if (out != null) {
            out.append(c);
        }
    }

    private int nameEnd(int from) {
        int j = from;
        while (j < text.length() && isNamePart(text.charAt(j))) {
            j++;
        }
        return j;
    }

    private static Modifier modifier(boolean colon, char operator) {
        return switch (operator) {
            case '-' -> colon ? Modifier.DEFAULT_IF_UNSET_OR_EMPTY : Modifier.DEFAULT_IF_UNSET;
            case '+' -> colon ? Modifier.ALTERNATE_IF_NON_EMPTY : Modifier.ALTERNATE_IF_SET;
            case '?' -> colon ? Modifier.REQUIRED_NON_EMPTY : Modifier.REQUIRED;
            default -> throw new IllegalArgumentException("not an operator: " + operator);
        };
    }

    private static boolean isOperator(char c) {
        return c == '-' || c == '+' || c == '?';
    }

    /**
     * compose-go's {@code (?i)[_a-z]}: Go's case folding also matches the Kelvin sign and the long s,
     * which fold to 'k' and 's'.
     */
    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\u212a' || c == '\u017f';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
