package io.p4n4.compose.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites one interpolated document into compose's long forms, so that files can be merged
 * attribute by attribute: environment and labels as maps, depends_on and service networks as maps,
 * ports and volumes in long syntax, commands as lists, healthcheck durations in Go notation, paths
 * resolved. Values tagged {@code !override}/{@code !reset} keep their tag. Stateless.
 */
public final class Canonicalizer {
    private static final Set<String> TO_LIST = Set.of("dns", "dns_search", "tmpfs", "cap_add", "cap_drop",
            "external_links", "links", "security_opt", "volumes_from", "profiles", "dns_opt", "group_add");
    private static final Set<String> BOOLEANS = Set.of("privileged", "read_only", "stdin_open", "tty", "init",
            "oom_kill_disable");
    private static final Set<String> DURATIONS = Set.of("interval", "timeout", "start_period", "start_interval");
    private static final Set<String> RESOURCES = Set.of("networks", "volumes", "configs", "secrets");

    private final SourceDocument doc;
    private final PathResolver paths;

    private Canonicalizer(SourceDocument doc, PathResolver paths) {
        this.doc = doc;
        this.paths = paths;
    }

    /** Canonicalizes {@code doc}'s tree in place. */
    public static void canonicalize(SourceDocument doc, PathResolver paths) {
        new Canonicalizer(doc, paths).run();
    }

    private void run() {
        Map<String, Object> tree = doc.tree();
        Map<String, Object> services = Trees.map(tree.get("services"));
        if (services != null) {
            for (Map.Entry<String, Object> e : services.entrySet()) {
                Map<String, Object> svc = Trees.map(e.getValue());
                if (svc != null) {
                    service(svc, "/services/" + YamlReader.escape(e.getKey()));
                }
            }
        }
        for (String kind : RESOURCES) {
            Map<String, Object> resources = Trees.map(tree.get(kind));
            if (resources == null) {
                continue;
            }
            for (Map.Entry<String, Object> e : resources.entrySet()) {
                String ptr = "/" + kind + "/" + YamlReader.escape(e.getKey());
                Object value = Tagged.unwrap(e.getValue());
                Map<String, Object> res = value == null ? new LinkedHashMap<>() : Trees.map(value);
                if (res == null) {
                    throw fail(ptr, "must be a mapping");
                }
                resource(kind, res, ptr);
                e.setValue(e.getValue() instanceof Tagged.Override ? new Tagged.Override(res) : res);
            }
        }
    }

    private void resource(String kind, Map<String, Object> res, String ptr) {
        Object external = res.get("external");
        if (external instanceof Map<?, ?> legacy) { // external: {name: x}
            res.put("external", true);
            if (legacy.get("name") != null) {
                res.put("name", String.valueOf(legacy.get("name")));
            }
        } else if (external != null) {
            res.put("external", bool(external, ptr + "/external"));
        }
        for (String key : List.of("labels", "driver_opts")) {
            if (res.containsKey(key) && res.get(key) != null) {
                res.put(key, toMap(res.get(key), ptr + "/" + key, false));
            }
        }
        if ((kind.equals("configs") || kind.equals("secrets")) && res.get("file") instanceof String file) {
            res.put("file", paths.apply(file));
        }
        for (String key : List.of("internal", "attachable", "enable_ipv6", "enable_ipv4")) {
            if (res.get(key) instanceof String) {
                res.put(key, bool(res.get(key), ptr + "/" + key));
            }
        }
    }

    private void service(Map<String, Object> svc, String ptr) {
        for (Map.Entry<String, Object> e : svc.entrySet()) {
            Object raw = e.getValue();
            if (raw == Tagged.Reset.INSTANCE) {
                continue;
            }
            Object value = Tagged.unwrap(raw);
            String key = e.getKey();
            Object out;
            try {
                out = attribute(key, value, ptr + "/" + YamlReader.escape(key));
            } catch (IllegalArgumentException ex) {
                throw fail(ptr + "/" + YamlReader.escape(key), ex.getMessage());
            }
            e.setValue(raw instanceof Tagged.Override ? new Tagged.Override(out) : out);
        }
    }

    private Object attribute(String key, Object value, String ptr) {
        if (value == null) {
            return null;
        }
        switch (key) {
            case "environment":
                return toMap(value, ptr, true);
            case "labels":
            case "annotations":
            case "sysctls":
            case "storage_opt":
                return toMap(value, ptr, false);
            case "depends_on":
                return dependsOn(value, ptr);
            case "networks":
                return networks(value);
            case "ports":
                return ports(value);
            case "expose":
                return mapList(value, Trees::text);
            case "volumes":
                return mapList(value, v -> VolumeSyntax.normalize(v, paths::apply));
            case "healthcheck":
                return healthcheck(Trees.map(value), ptr);
            case "command":
            case "entrypoint":
                return value instanceof String s ? ShellWords.split(s) : mapList(value, Trees::text);
            case "env_file":
                return envFiles(value);
            case "build":
                return build(value);
            case "extends":
                return extendsRef(value);
            case "ulimits":
                return ulimits(Trees.map(value), ptr);
            case "secrets":
            case "configs":
                return mapList(value, v -> v instanceof String s ? new LinkedHashMap<>(Map.of("source", s)) : v);
            default:
                if (TO_LIST.contains(key) && value instanceof String s) {
                    return new ArrayList<>(List.of(s));
                }
                if (BOOLEANS.contains(key) && value instanceof String) {
                    return bool(value, ptr);
                }
                return value;
        }
    }

    private Map<String, Object> toMap(Object value, String ptr, boolean environment) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                String s = Trees.text(item);
                int eq = s.indexOf('=');
                if (eq < 0) {
                    out.put(s, environment ? null : "");
                } else {
                    out.put(s.substring(0, eq), s.substring(eq + 1));
                }
            }
            return out;
        }
        Map<String, Object> map = Trees.map(value);
        if (map == null) {
            throw fail(ptr, "must be a mapping or a list of KEY=VALUE strings");
        }
        map.forEach((k, v) -> out.put(k, v == null ? (environment ? null : "") : Trees.text(v)));
        return out;
    }

    private Map<String, Object> dependsOn(Object value, String ptr) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                out.put(String.valueOf(item), dependency(new LinkedHashMap<>(), ptr));
            }
            return out;
        }
        Map<String, Object> map = Trees.map(value);
        for (Map.Entry<String, Object> e : map.entrySet()) {
            Map<String, Object> cfg = Trees.map(e.getValue());
            out.put(e.getKey(), dependency(cfg == null ? new LinkedHashMap<>() : new LinkedHashMap<>(cfg),
                    ptr + "/" + YamlReader.escape(e.getKey())));
        }
        return out;
    }

    private Map<String, Object> dependency(Map<String, Object> cfg, String ptr) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("condition", cfg.get("condition") == null ? "service_started" : String.valueOf(cfg.get("condition")));
        if (cfg.get("restart") != null) {
            out.put("restart", bool(cfg.get("restart"), ptr + "/restart"));
        }
        out.put("required", cfg.get("required") == null || bool(cfg.get("required"), ptr + "/required"));
        return out;
    }

    private static Map<String, Object> networks(Object value) {
        if (value instanceof List<?> list) {
            Map<String, Object> out = new LinkedHashMap<>();
            list.forEach(n -> out.put(String.valueOf(n), null));
            return out;
        }
        Map<String, Object> map = Trees.map(value);
        return map == null ? new LinkedHashMap<>() : map;
    }

    private static List<Object> ports(Object value) {
        List<Object> out = new ArrayList<>();
        for (Object item : Trees.list(value)) {
            out.addAll(PortSyntax.expand(item));
        }
        return out;
    }

    private Map<String, Object> healthcheck(Map<String, Object> hc, String ptr) {
        if (hc == null) {
            throw fail(ptr, "must be a mapping");
        }
        Object test = hc.get("test");
        if (test instanceof String s) {
            hc.put("test", new ArrayList<>(List.of("CMD-SHELL", s)));
        } else if (test instanceof List<?>) {
            hc.put("test", mapList(test, Trees::text));
        }
        for (String key : DURATIONS) {
            Object d = hc.get(key);
            if (d != null) {
                try {
                    Duration parsed = d instanceof Number n ? Duration.ofSeconds(n.longValue())
                            : GoDuration.parse(String.valueOf(d));
                    hc.put(key, GoDuration.format(parsed));
                } catch (IllegalArgumentException e) {
                    throw fail(ptr + "/" + key, e.getMessage());
                }
            }
        }
        if (hc.get("retries") != null) {
            hc.put("retries", integer(hc.get("retries"), ptr + "/retries"));
        }
        if (hc.get("disable") instanceof String) {
            hc.put("disable", bool(hc.get("disable"), ptr + "/disable"));
        }
        return hc;
    }

    private List<Object> envFiles(Object value) {
        List<Object> items = value instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>(List.of(value));
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            Map<String, Object> entry = new LinkedHashMap<>();
            if (item instanceof String s) {
                entry.put("path", paths.apply(s));
                entry.put("required", true);
            } else {
                Map<String, Object> m = Trees.map(item);
                entry.put("path", paths.apply(String.valueOf(m.get("path"))));
                entry.put("required", m.get("required") == null || bool(m.get("required"), "env_file"));
                if (m.get("format") != null) {
                    entry.put("format", String.valueOf(m.get("format")));
                }
            }
            out.add(entry);
        }
        return out;
    }

    private Map<String, Object> build(Object value) {
        Map<String, Object> out;
        if (value instanceof String s) {
            out = new LinkedHashMap<>();
            out.put("context", s);
        } else {
            out = Trees.map(value);
        }
        String context = out.get("context") == null ? "." : String.valueOf(out.get("context"));
        out.put("context", PathResolver.isRemote(context) ? context : paths.apply(context));
        return out;
    }

    private Map<String, Object> extendsRef(Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value instanceof String s) {
            out.put("service", s);
            return out;
        }
        out.putAll(Trees.map(value));
        if (out.get("file") != null) {
            out.put("file", paths.absolute(String.valueOf(out.get("file"))).toString());
        }
        return out;
    }

    private Map<String, Object> ulimits(Map<String, Object> map, String ptr) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            String p = ptr + "/" + YamlReader.escape(e.getKey());
            Map<String, Object> limits = Trees.map(e.getValue());
            if (limits == null) {
                out.put(e.getKey(), integer(e.getValue(), p));
            } else {
                Map<String, Object> sh = new LinkedHashMap<>();
                limits.forEach((k, v) -> sh.put(k, integer(v, p + "/" + k)));
                out.put(e.getKey(), sh);
            }
        }
        return out;
    }

    private static List<Object> mapList(Object value, java.util.function.Function<Object, Object> f) {
        List<Object> list = Trees.list(value);
        if (list == null) {
            throw new IllegalArgumentException("must be a list");
        }
        List<Object> out = new ArrayList<>(list.size());
        for (Object item : list) {
            out.add(f.apply(item));
        }
        return out;
    }

    private long integer(Object value, String ptr) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw fail(ptr, "'" + value + "' is not a whole number");
        }
    }

    private boolean bool(Object value, String ptr) {
        if (value instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(value).trim().toLowerCase(java.util.Locale.ROOT);
        switch (s) {
            case "true", "yes", "y", "on", "1":
                return true;
            case "false", "no", "n", "off", "0":
                return false;
            default:
                throw fail(ptr, "'" + value + "' is not a boolean (true or false)");
        }
    }

    private InvalidFileException fail(String ptr, String problem) {
        int[] mark = doc.mark(ptr);
        return new InvalidFileException(ErrorCode.ENGINE, doc.file(), mark[0], mark[1],
                SchemaValidation.dotted(ptr), problem, null);
    }
}
