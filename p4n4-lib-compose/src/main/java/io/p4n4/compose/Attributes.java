package io.p4n4.compose;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads from the frozen model tree; package-private helper for the model classes. */
final class Attributes {
    private Attributes() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    static Optional<String> findString(Map<String, Object> attrs, String key) {
        return Optional.ofNullable(string(attrs.get(key)));
    }

    static boolean bool(Object value) {
        return Boolean.TRUE.equals(value);
    }

    static Map<String, String> stringMap(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        map(value).forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
        return Collections.unmodifiableMap(out);
    }

    static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }
}
