package io.p4n4.core.compat;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A range of dotted versions as the design document writes them: space-separated conditions that all hold,
 * each {@code >=}, {@code >}, {@code <=}, {@code <} or {@code ==} followed by a version ({@code ">=0.1.0 <1.0.0"}).
 * Versions compare number by number ({@code 20.10.24} &gt; {@code 20.9}); missing numbers count as 0, and
 * anything after the numbers ({@code -rc1}, {@code +dfsg}) is ignored. Immutable and thread-safe.
 */
public final class VersionRange {
    private final String text;
    private final List<Condition> conditions;

    private VersionRange(String text, List<Condition> conditions) {
        this.text = text;
        this.conditions = List.copyOf(conditions);
    }

    /** Parses {@code text}; USER error naming the part that is not a condition. */
    public static VersionRange parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Condition> conditions = new ArrayList<>();
        for (String part : text.trim().split("\\s+")) {
            String op = part.replaceAll("^([<>=]+).*$", "$1");
            String version = part.substring(op.length());
            if (!List.of(">=", ">", "<=", "<", "==").contains(op) || numbers(version).isEmpty()) {
                throw new P4n4Exception(ErrorCode.USER, "version range '" + text + "': '" + part + "' is not a"
                        + " condition; write e.g. \">=0.1.0 <1.0.0\"");
            }
            conditions.add(new Condition(op, numbers(version).get()));
        }
        return new VersionRange(text.trim(), conditions);
    }

    /** Whether {@code version} meets every condition; false for a text that does not start with a number. */
    public boolean contains(String version) {
        Optional<int[]> v = numbers(version.trim());
        return v.isPresent() && conditions.stream().allMatch(c -> c.holds(compare(v.get(), c.version)));
    }

    /** The numbers a version starts with ({@code "4.3.1-dev"} gives 4, 3, 1); empty when it starts with none. */
    static Optional<int[]> numbers(String version) {
        String head = version.replaceAll("^v", "").replaceAll("^([0-9]+(\\.[0-9]+)*).*$", "$1");
        if (!head.matches("[0-9]+(\\.[0-9]+)*")) {
            return Optional.empty();
        }
        String[] parts = head.split("\\.");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionRange r && text.equals(r.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The range as written, e.g. {@code >=0.1.0 <1.0.0}. */
    @Override
    public String toString() {
        return text;
    }

    private record Condition(String op, int[] version) {
        boolean holds(int c) {
            return switch (op) {
                case ">=" -> c >= 0;
                case ">" -> c > 0;
                case "<=" -> c <= 0;
                case "<" -> c < 0;
                default -> c == 0;
            };
        }
    }
}
