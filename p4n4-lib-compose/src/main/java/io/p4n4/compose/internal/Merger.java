package io.p4n4.compose.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Merges canonical compose trees with the rules of the compose spec (13-merge.md): mappings merge
 * key by key, scalars are replaced, {@code command}/{@code entrypoint}/{@code healthcheck.test} are
 * replaced, ports/volumes/secrets/configs are unique by their target, other sequences are appended
 * without duplicates, {@code !reset} removes and {@code !override} replaces. Stateless; inputs are
 * never modified.
 */
public final class Merger {
    private Merger() {
    }

    /** Returns {@code override} merged onto {@code base} (a new tree). */
    public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Object merged = merge(base, override, "");
        Map<String, Object> map = Trees.map(merged);
        return map == null ? new LinkedHashMap<>() : map;
    }

    /** Merges one service definition onto another (extends and include use this). */
    public static Object mergeService(Object base, Object override) {
        return merge(base, override, "/services/_");
    }

    private static Object merge(Object base, Object over, String path) {
        if (over instanceof Tagged.Override o) {
            return stripResets(Trees.copy(o.value()));
        }
        Object b = Tagged.unwrap(base);
        if (b == null || b == Tagged.Reset.INSTANCE) {
            return stripResets(Trees.copy(over));
        }
        if (over == null) {
            return Trees.copy(b);
        }
        if (b instanceof Map<?, ?> && over instanceof Map<?, ?>) {
            Map<String, Object> result = Trees.map(Trees.copy(b));
            for (Map.Entry<String, Object> e : Trees.map(over).entrySet()) {
                if (e.getValue() == Tagged.Reset.INSTANCE) {
                    result.remove(e.getKey());
                } else {
                    result.put(e.getKey(), merge(result.get(e.getKey()), e.getValue(), path + "/" + e.getKey()));
                }
            }
            return result;
        }
        if (b instanceof List<?> && over instanceof List<?>) {
            return mergeLists(Trees.list(Trees.copy(b)), Trees.list(stripResets(Trees.copy(over))), path);
        }
        return stripResets(Trees.copy(over));
    }

    private static List<Object> mergeLists(List<Object> base, List<Object> over, String path) {
        String[] seg = path.split("/");
        if (seg.length >= 3 && seg[1].equals("services")) {
            String attr = seg.length == 4 ? seg[3] : "";
            if (seg.length == 5 && seg[3].equals("healthcheck") && seg[4].equals("test")) {
                return over;
            }
            switch (attr) {
                case "command", "entrypoint":
                    return over;
                case "ports":
                    return uniqueBy(base, over, Merger::portKey);
                case "volumes":
                    return uniqueBy(base, over, v -> key(v, "target"));
                case "secrets", "configs":
                    return uniqueBy(base, over, v -> key(v, "target") != null ? key(v, "target") : key(v, "source"));
                case "env_file":
                    return uniqueBy(base, over, v -> key(v, "path"));
                default:
                    break;
            }
        }
        return uniqueBy(base, over, Function.identity());
    }

    private static Object key(Object entry, String field) {
        Map<String, Object> m = Trees.map(entry);
        return m == null ? entry : m.get(field);
    }

    private static Object portKey(Object entry) {
        Map<String, Object> m = Trees.map(entry);
        if (m == null) {
            return entry;
        }
        return List.of(String.valueOf(m.get("host_ip")), String.valueOf(m.get("published")),
                String.valueOf(m.get("target")), String.valueOf(m.get("protocol")));
    }

    /** Base entries first; an override entry with the same key replaces the base one in place. */
    private static List<Object> uniqueBy(List<Object> base, List<Object> over, Function<Object, Object> key) {
        List<Object> result = new ArrayList<>(base);
        for (Object item : over) {
            Object k = key.apply(item);
            int found = -1;
            for (int i = 0; i < result.size(); i++) {
                if (Objects.equals(key.apply(result.get(i)), k)) {
                    found = i;
                    break;
                }
            }
            if (found >= 0) {
                result.set(found, item);
            } else {
                result.add(item);
            }
        }
        return result;
    }

    /** Removes {@code !reset} values and {@code !override} wrappers where there is nothing to merge with. */
    static Object stripResets(Object value) {
        Object v = Tagged.unwrap(value);
        if (v instanceof Map<?, ?>) {
            Map<String, Object> m = Trees.map(v);
            m.values().removeIf(x -> x == Tagged.Reset.INSTANCE);
            m.replaceAll((k, x) -> stripResets(x));
            return m;
        }
        if (v instanceof List<?>) {
            List<Object> l = Trees.list(v);
            l.removeIf(x -> x == Tagged.Reset.INSTANCE);
            l.replaceAll(Merger::stripResets);
            return l;
        }
        return v == Tagged.Reset.INSTANCE ? null : v;
    }
}
