package io.p4n4.api.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Selects containers, networks, volumes or events by label: every condition must hold.
 * A condition is {@code key=value} (the label has that value) or {@code key} (the label is present),
 * exactly the engines' {@code label} filter syntax.
 *
 * @param conditions the conditions, each {@code key} or {@code key=value}
 */
public record LabelFilter(List<String> conditions) {

    /** Matches everything. */
    public static final LabelFilter ANY = new LabelFilter(List.of());

    public LabelFilter {
        conditions = List.copyOf(Objects.requireNonNull(conditions, "conditions"));
        for (String c : conditions) {
            if (c.isEmpty() || c.startsWith("=")) {
                throw new IllegalArgumentException("label condition needs a key: '" + c + "'");
            }
        }
    }

    /** Requires label {@code key} to equal {@code value}. */
    public static LabelFilter of(String key, String value) {
        return new LabelFilter(List.of(key + "=" + value));
    }

    /** Requires every entry of {@code labels}. */
    public static LabelFilter of(Map<String, String> labels) {
        List<String> c = new ArrayList<>();
        labels.forEach((k, v) -> c.add(k + "=" + v));
        return new LabelFilter(c);
    }

    /** Requires label {@code key} to be present, whatever its value. */
    public static LabelFilter has(String key) {
        return new LabelFilter(List.of(key));
    }

    /** Returns a filter that also requires {@code key=value}. */
    public LabelFilter and(String key, String value) {
        List<String> c = new ArrayList<>(conditions);
        c.add(key + "=" + value);
        return new LabelFilter(c);
    }

    /** Tells whether {@code labels} satisfy every condition (for engines that filter client-side). */
    public boolean matches(Map<String, String> labels) {
        for (String c : conditions) {
            int eq = c.indexOf('=');
            if (eq < 0) {
                if (!labels.containsKey(c)) {
                    return false;
                }
            } else if (!c.substring(eq + 1).equals(labels.get(c.substring(0, eq)))) {
                return false;
            }
        }
        return true;
    }
}
