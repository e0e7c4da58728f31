package io.p4n4.compose.interpolation.internal;

/**
 * Refuses, in one linear pass and before any evaluation, a template whose references nest more than
 * {@link TemplateScanner#MAX_NESTING} deep. Without it a hostile template such as
 * {@code ${A:-${A:-...}}} (millions deep) would cost one full rescan per level.
 *
 * <p>It follows compose-go's brace counter (each '{' opens and hides the next character, each '}'
 * closes), which decides where a reference's argument ends, and keeps a stack of the references
 * with an operator that are still open. That stack bounds the evaluation depth from above: the
 * check may refuse a pathological template compose-go would accept (an escaped {@code $${A:-} also
 * counts), never the other way round.
 */
final class NestingCheck {
    private NestingCheck() {
    }

    static void check(String text) {
        int first = text.indexOf("${");
        if (first < 0 || text.indexOf("${", first + 2) < 0) {
            return; // one reference cannot nest
        }
        final int n = text.length();
        int[] openedAt = new int[TemplateScanner.MAX_NESTING];
        int depth = 0;
        int open = 0;
        for (int j = 0; j < n; j++) {
            char c = text.charAt(j);
            if (c == '}') {
                open--;
                while (depth > 0 && open < openedAt[depth - 1]) {
                    depth--;
                }
            } else if (c == '{') {
                open++;
                if (j > 0 && text.charAt(j - 1) == '$' && startsReferenceWithOperator(text, j + 1)) {
                    if (depth == openedAt.length) {
                        throw TemplateError.refused("variable references are nested more than "
                                + TemplateScanner.MAX_NESTING + " levels deep");
                    }
                    openedAt[depth++] = open;
                }
                j++;
            }
        }
    }

    /** True for {@code NAME:-}, {@code NAME-}, ... at {@code from}. */
    private static boolean startsReferenceWithOperator(String text, int from) {
        int j = from;
        while (j < text.length() && isNamePart(text.charAt(j))) {
            j++;
        }
        if (j == from || j >= text.length()) {
            return false;
        }
        char c = text.charAt(j);
        if (c == ':') {
            c = j + 1 < text.length() ? text.charAt(j + 1) : 0;
        }
        return c == '-' || c == '+' || c == '?';
    }

    private static boolean isNamePart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '\u212a' || c == '\u017f';
    }
}
