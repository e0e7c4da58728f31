package io.p4n4.compose.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers over the loader's tree of maps, lists and scalars. Stateless. */
public final class Trees {
    private Trees() {
    }

    /** Deep mutable copy ({@link Tagged} values are kept). */
    public static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, copy(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(copy(v)));
            return out;
        }
        if (value instanceof Tagged.Override o) {
            return new Tagged.Override(copy(o.value()));
        }
        return value;
    }

    /** Deep unmodifiable copy; nulls are allowed (an attribute set to null). */
    public static Object freeze(Object value) {
        Object v = Tagged.unwrap(value);
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> {
                if (x != Tagged.Reset.INSTANCE) {
                    out.put((String) k, freeze(x));
                }
            });
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(x -> out.add(freeze(x)));
            return Collections.unmodifiableList(out);
        }
        return v == Tagged.Reset.INSTANCE ? null : v;
    }

    /** Returns the value as a mutable map (the tree's own), or {@code null} when it is not a map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        Object v = Tagged.unwrap(value);
        return v instanceof Map<?, ?> ? (Map<String, Object>) v : null;
    }

    /** Returns the value as a mutable list (the tree's own), or {@code null} when it is not a list. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        Object v = Tagged.unwrap(value);
        return v instanceof List<?> ? (List<Object>) v : null;
    }

    /** Returns the map at {@code key}, creating an empty one when absent or null. */
    public static Map<String, Object> child(Map<String, Object> parent, String key) {
        Map<String, Object> m = map(parent.get(key));
        if (m == null) {
            m = new LinkedHashMap<>();
            parent.put(key, m);
        }
        return m;
    }

    /** Scalar text as compose writes it into strings: numbers without a trailing {@code .0}. */
    public static String text(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }
}
