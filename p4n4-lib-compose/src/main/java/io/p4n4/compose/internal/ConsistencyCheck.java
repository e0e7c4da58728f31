package io.p4n4.compose.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks that every reference in a merged project points at something defined (services,
 * networks, volumes, configs, secrets) and that {@code depends_on} has no cycle. Messages follow
 * compose's wording. Stateless.
 */
public final class ConsistencyCheck {
    private ConsistencyCheck() {
    }

    /** Throws ENGINE when a reference is undefined; {@code disabled} are services switched off by profiles. */
    public static void check(Map<String, Object> tree, Set<String> disabled) {
        Map<String, Object> services = mapOrEmpty(tree.get("services"));
        Map<String, Object> networks = mapOrEmpty(tree.get("networks"));
        Map<String, Object> volumes = mapOrEmpty(tree.get("volumes"));
        for (Map.Entry<String, Object> e : new TreeMap<>(services).entrySet()) {
            String name = e.getKey();
            Map<String, Object> svc = mapOrEmpty(e.getValue());
            for (Map.Entry<String, Object> dep : mapOrEmpty(svc.get("depends_on")).entrySet()) {
                boolean required = !Boolean.FALSE.equals(mapOrEmpty(dep.getValue()).get("required"));
                if (required) {
                    requireService(services, disabled, name, dep.getKey());
                }
            }
            for (Object from : Normalizer.listOrEmpty(svc.get("volumes_from"))) {
                String f = String.valueOf(from);
                if (!f.startsWith("container:")) {
                    requireService(services, disabled, name, f.split(":")[0]);
                }
            }
            for (String key : List.of("network_mode", "ipc", "pid")) {
                if (svc.get(key) instanceof String s && s.startsWith("service:")) {
                    requireService(services, disabled, name, s.substring("service:".length()));
                }
            }
            for (String net : mapOrEmpty(svc.get("networks")).keySet()) {
                if (!networks.containsKey(net) && !net.equals("default")) {
                    throw undefined(name, "network", net, "networks:");
                }
            }
            for (Object v : Normalizer.listOrEmpty(svc.get("volumes"))) {
                Map<String, Object> vol = mapOrEmpty(v);
                Object source = vol.get("source");
                if ("volume".equals(vol.get("type")) && source != null && !volumes.containsKey(String.valueOf(source))) {
                    throw undefined(name, "volume", String.valueOf(source), "volumes:");
                }
            }
            for (String kind : List.of("secrets", "configs")) {
                Map<String, Object> declared = mapOrEmpty(tree.get(kind));
                for (Object ref : Normalizer.listOrEmpty(svc.get(kind))) {
                    Object source = mapOrEmpty(ref).get("source");
                    if (source != null && !declared.containsKey(String.valueOf(source))) {
                        throw undefined(name, kind.substring(0, kind.length() - 1), String.valueOf(source), kind + ":");
                    }
                }
            }
        }
    }

    private static void requireService(Map<String, Object> services, Set<String> disabled, String from, String to) {
        if (services.containsKey(to)) {
            return;
        }
        if (disabled.contains(to)) {
            throw new P4n4Exception(ErrorCode.ENGINE, "service \"" + from + "\" depends on service \"" + to
                    + "\", which is disabled by its profiles; enable one of them with --profile or COMPOSE_PROFILES");
        }
        throw new P4n4Exception(ErrorCode.ENGINE, "service \"" + from + "\" depends on undefined service \"" + to
                + "\": invalid compose project; define \"" + to + "\" or remove the reference");
    }

    private static P4n4Exception undefined(String service, String kind, String name, String section) {
        return new P4n4Exception(ErrorCode.ENGINE, "service \"" + service + "\" refers to undefined " + kind + " "
                + name + ": invalid compose project; declare it under the top-level '" + section + "' key");
    }

    /**
     * Throws ENGINE {@code dependency cycle detected: a -> b -> a} when depends_on loops; otherwise
     * returns the services with every dependency before its dependents (ties by name).
     */
    public static List<String> dependencyOrder(Map<String, Object> tree) {
        Map<String, Object> services = new TreeMap<>(mapOrEmpty(tree.get("services")));
        List<String> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String name : services.keySet()) {
            visit(name, services, new ArrayList<>(), done, order);
        }
        return order;
    }

    private static void visit(String name, Map<String, Object> services, List<String> path, Set<String> done,
            List<String> order) {
        if (done.contains(name) || !services.containsKey(name)) {
            return;
        }
        int at = path.indexOf(name);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(name);
            throw new P4n4Exception(ErrorCode.ENGINE, "dependency cycle detected: " + String.join(" -> ", cycle));
        }
        path.add(name);
        for (String dep : mapOrEmpty(mapOrEmpty(services.get(name)).get("depends_on")).keySet()) {
            visit(dep, services, path, done, order);
        }
        path.remove(path.size() - 1);
        done.add(name);
        order.add(name);
    }

    private static Map<String, Object> mapOrEmpty(Object value) {
        Map<String, Object> m = Trees.map(value);
        return m == null ? Map.of() : m;
    }
}
