package io.p4n4.compose.interpolation;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second, deliberately literal model of compose-go's template algorithm (regular expression,
 * greedy braced match, brace counter, separate substitution of the rest), used only as a
 * differential oracle for {@link TemplateScannerFuzzTest}. Recursive and slow; small inputs only.
 */
final class ComposeGoOracle {
    private static final Pattern PATTERN = Pattern.compile(
            "\\$(?i:(?<escaped>\\$)|(?<named>[_a-z][_a-z0-9]*)|\\{(?:(?<braced>[_a-z][_a-z0-9]*(?::?[-+?](?d:.*))?)\\}|(?<invalid>)))",
            Pattern.UNIX_LINES);
    private static final String[] OPERATORS = {":?", "?", ":-", "-", ":+", "+"};

    /** The outcome: a result, or an error rendered as "invalid:<template>" / "missing:<var>:<reason>". */
    record Outcome(String value, String error) {
    }

    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String error;
        String template;

        Failure(String error, String template) {
            super(error, null, false, false);
            this.error = error;
            this.template = template;
        }
    }

    private ComposeGoOracle() {
    }

    static Outcome run(String template, Map<String, String> env) {
        try {
            return new Outcome(substitute(template, env), null);
        } catch (Failure f) {
            return new Outcome(null, f.error.equals("invalid") ? "invalid:" + f.template : f.error);
        }
    }

    private static String substitute(String template, Map<String, String> env) {
        Matcher m = PATTERN.matcher(template);
        StringBuilder out = new StringBuilder();
        int last = 0;
        Failure first = null;
        while (m.find()) {
            out.append(template, last, m.start());
            try {
                out.append(replace(m.group(), env));
            } catch (Failure f) {
                if (f.error.equals("invalid") && f.template == null) {
                    f.template = template;
                }
                if (first == null) {
                    first = f;
                }
            }
            last = m.end();
        }
        if (first != null) {
            throw first;
        }
        return out.append(template.substring(last)).toString();
    }

    private static String replace(String substring, Map<String, String> env) {
        String operator = firstOperator(substring);
        int closing = firstClosing(substring);
        String rest = "";
        if (closing > -1) {
            rest = substring.substring(closing + 1);
            substring = substring.substring(0, closing + 1);
        }
        Matcher m = PATTERN.matcher(substring);
        if (!m.find()) {
            throw new IllegalStateException("no match in " + substring);
        }
        if (m.group("escaped") != null) {
            return "$";
        }
        String named = m.group("named");
        String substitution = named != null ? named : m.group("braced");
        if (substitution == null || substitution.isEmpty()) {
            throw new Failure("invalid", null);
        }
        if (named == null && substitution.contains(operator)) {
            int at = substitution.indexOf(operator);
            String name = substitution.substring(0, at);
            String arg = substitution.substring(at + operator.length());
            String value = env.get(name);
            boolean set = value != null;
            boolean nonEmpty = set && !value.isEmpty();
            String result = switch (operator) {
                case ":-" -> nonEmpty ? value : substitute(arg, env);
                case "-" -> set ? value : substitute(arg, env);
                case ":+" -> nonEmpty ? substitute(arg, env) : (set ? value : "");
                case "+" -> set ? substitute(arg, env) : "";
                default -> {
                    if (operator.equals(":?") ? nonEmpty : set) {
                        yield value;
                    }
                    String reason = substitute(arg, env);
                    throw new Failure("missing:" + name + ":" + reason, null);
                }
            };
            return result + substitute(rest, env);
        }
        String value = env.get(substitution);
        return value == null ? "" : value;
    }

    private static String firstOperator(String s) {
        String best = OPERATORS[0];
        int bestIndex = -1;
        for (String op : OPERATORS) {
            int index = s.indexOf(op);
            if (index >= 0 && (bestIndex < 0 || index < bestIndex)) {
                best = op;
                bestIndex = index;
            }
        }
        return best;
    }

    private static int firstClosing(String s) {
        int open = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '}') {
                open--;
                if (open == 0) {
                    return i;
                }
            }
            if (s.charAt(i) == '{') {
                open++;
                i++;
            }
        }
        return -1;
    }
}
