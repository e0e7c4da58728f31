package io.p4n4.compose.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import io.p4n4.compose.env.DotEnv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps after merging: profiles, {@code env_file} into {@code environment}, and compose's
 * defaults (default network, resource names, implicit dependencies, build Dockerfile). Stateless.
 */
public final class Normalizer {
    private Normalizer() {
    }

    /** Removes services whose profiles are not active; returns the names removed. */
    public static Set<String> applyProfiles(Map<String, Object> tree, List<String> active) {
        Map<String, Object> services = Trees.map(tree.get("services"));
        Set<String> disabled = new java.util.TreeSet<>();
        if (services == null) {
            return disabled;
        }
        services.entrySet().removeIf(e -> {
            Map<String, Object> svc = Trees.map(e.getValue());
            List<Object> profiles = svc == null ? null : Trees.list(svc.get("profiles"));
            boolean enabled = profiles == null || profiles.isEmpty() || active.contains("*")
                    || profiles.stream().anyMatch(p -> active.contains(String.valueOf(p)));
            if (!enabled) {
                disabled.add(e.getKey());
            }
            return !enabled;
        });
        return disabled;
    }

    /**
     * Merges each service's env files under its {@code environment} (explicit entries win) and fills
     * entries without a value from the project environment.
     */
    public static void resolveEnvironment(Map<String, Object> tree, Map<String, String> env, boolean discardEnvFile) {
        Map<String, Object> services = Trees.map(tree.get("services"));
        if (services == null) {
            return;
        }
        for (Map.Entry<String, Object> e : services.entrySet()) {
            Map<String, Object> svc = Trees.map(e.getValue());
            if (svc == null) {
                e.setValue(new LinkedHashMap<>());
                continue;
            }
            List<Object> envFiles = Trees.list(svc.get("env_file"));
            Map<String, Object> explicit = Trees.map(svc.get("environment"));
            if (envFiles == null && explicit == null) {
                continue;
            }
            Map<String, Object> merged = new LinkedHashMap<>();
            if (envFiles != null) {
                for (Object item : envFiles) {
                    Map<String, Object> ref = Trees.map(item);
                    Path path = Path.of(String.valueOf(ref.get("path")));
                    if (!path.isAbsolute()) {
                        path = Path.of("").toAbsolutePath().resolve(path).normalize();
                    }
                    if (!Files.isRegularFile(path)) {
                        if (Boolean.FALSE.equals(ref.get("required"))) {
                            continue;
                        }
                        throw new InvalidFileException(ErrorCode.USER, path, 0, 0, "services." + e.getKey() + ".env_file",
                                "env file not found; create it or mark it 'required: false'", null);
                    }
                    merged.putAll("raw".equals(ref.get("format")) ? readRaw(path) : DotEnv.read(path, env::get));
                }
                if (envFiles.isEmpty()) {
                    svc.remove("env_file");
                }
            }
            if (explicit != null) {
                merged.putAll(explicit);
            }
            merged.replaceAll((k, v) -> v == null ? env.get(k) : v);
            svc.put("environment", merged);
            if (discardEnvFile) {
                svc.remove("env_file");
            }
        }
    }

    private static Map<String, String> readRaw(Path path) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.put(eq < 0 ? line : line.substring(0, eq), eq < 0 ? "" : line.substring(eq + 1));
                }
            }
        } catch (IOException ex) {
            throw new InvalidFileException(ErrorCode.USER, path, 0, 0, null, "cannot read env file: " + ex.getMessage(), ex);
        }
        return out;
    }

    /** Fills compose's defaults in; {@code projectName} prefixes resource names. */
    public static void applyDefaults(Map<String, Object> tree, String projectName) {
        Map<String, Object> services = Trees.map(tree.get("services"));
        boolean usesDefault = false;
        if (services != null) {
            for (Object value : services.values()) {
                Map<String, Object> svc = Trees.map(value);
                Map<String, Object> build = Trees.map(svc.get("build"));
                if (build != null && build.get("dockerfile") == null && build.get("dockerfile_inline") == null) {
                    build.put("dockerfile", "Dockerfile");
                }
                if (svc.get("network_mode") == null && Trees.map(svc.get("networks")) == null) {
                    Map<String, Object> nets = new LinkedHashMap<>();
                    nets.put("default", null);
                    svc.put("networks", nets);
                }
                Map<String, Object> nets = Trees.map(svc.get("networks"));
                if (nets != null && nets.containsKey("default")) {
                    usesDefault = true;
                }
                implicitDependencies(svc);
            }
        }
        if (usesDefault) {
            Map<String, Object> networks = Trees.child(tree, "networks");
            if (!networks.containsKey("default") || networks.get("default") == null) {
                networks.put("default", new LinkedHashMap<>());
            }
        }
        for (String kind : List.of("networks", "volumes", "configs", "secrets")) {
            Map<String, Object> resources = Trees.map(tree.get(kind));
            if (resources == null) {
                continue;
            }
            for (Map.Entry<String, Object> e : resources.entrySet()) {
                Map<String, Object> res = Trees.map(e.getValue());
                if (res == null) {
                    res = new LinkedHashMap<>();
                    e.setValue(res);
                }
                if (res.get("name") == null) {
                    boolean external = Boolean.TRUE.equals(res.get("external"));
                    Map<String, Object> named = new LinkedHashMap<>();
                    named.put("name", external ? e.getKey() : projectName + "_" + e.getKey());
                    named.putAll(res);
                    named.put("name", external ? e.getKey() : projectName + "_" + e.getKey());
                    e.setValue(named);
                }
            }
        }
    }

    /** links, volumes_from, network_mode/ipc/pid "service:x" are dependencies compose starts first. */
    private static void implicitDependencies(Map<String, Object> svc) {
        List<String> refs = new ArrayList<>();
        for (Object link : listOrEmpty(svc.get("links"))) {
            refs.add(String.valueOf(link).split(":")[0]);
        }
        for (Object from : listOrEmpty(svc.get("volumes_from"))) {
            String f = String.valueOf(from);
            if (!f.startsWith("container:")) {
                refs.add(f.split(":")[0]);
            }
        }
        for (String key : List.of("network_mode", "ipc", "pid")) {
            Object v = svc.get(key);
            if (v instanceof String s && s.startsWith("service:")) {
                refs.add(s.substring("service:".length()));
            }
        }
        if (refs.isEmpty()) {
            return;
        }
        Map<String, Object> deps = Trees.child(svc, "depends_on");
        for (String ref : refs) {
            if (!deps.containsKey(ref)) {
                Map<String, Object> cfg = new LinkedHashMap<>();
                cfg.put("condition", "service_started");
                cfg.put("required", true);
                deps.put(ref, cfg);
            }
        }
    }

    static List<Object> listOrEmpty(Object value) {
        List<Object> l = Trees.list(value);
        return l == null ? List.of() : l;
    }
}
