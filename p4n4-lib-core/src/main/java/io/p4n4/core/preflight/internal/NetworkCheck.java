package io.p4n4.core.preflight.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.NetworkInfo;
import io.p4n4.api.project.Problem;
import io.p4n4.compose.ComposeNetwork;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.IpamConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The networks of the projects about to start: an external network no starting project creates must exist;
 * a network that exists must have the subnet it is declared with (by a starting project, or in
 * {@code knownSubnets}). Problems are NETWORK errors naming the network, the project that needs it and the fix.
 */
public final class NetworkCheck {
    private NetworkCheck() {
    }

    /**
     * Checks {@code projects} on {@code engine}; {@code knownSubnets} and {@code owners} describe networks the
     * projects join but do not declare (for p4n4: {@code p4n4-net}, 172.20.0.0/16, created by the iot stack).
     */
    public static void check(ContainerEngine engine, List<ComposeProject> projects, Map<String, String> knownSubnets,
            Map<String, String> owners, List<String> passed, List<Problem> problems) {
        Map<String, String> subnets = new LinkedHashMap<>(knownSubnets);
        Map<String, ComposeProject> created = new LinkedHashMap<>();
        for (ComposeProject p : projects) {
            for (ComposeNetwork n : p.networks().values()) {
                if (!n.external()) {
                    created.putIfAbsent(n.name(), p);
                    n.ipamConfigs().stream().map(IpamConfig::subnet).filter(s -> s != null).findFirst()
                            .ifPresent(s -> subnets.put(n.name(), s));
                }
            }
        }
        Map<String, ComposeProject> checked = new LinkedHashMap<>();
        for (ComposeProject p : projects) {
            p.networks().values().forEach(n -> checked.putIfAbsent(n.name(), p));
        }
        for (Map.Entry<String, ComposeProject> e : checked.entrySet()) {
            String name = e.getKey();
            Optional<NetworkInfo> found = engine.findNetwork(name);
            String expected = subnets.get(name);
            if (found.isEmpty()) {
                if (created.containsKey(name)) {
                    passed.add("network " + name + ": absent, " + created.get(name).name() + " creates it");
                } else {
                    String owner = owners.get(name);
                    problems.add(Problem.error("network.missing", ErrorCode.NETWORK, "network " + name + ", which "
                            + e.getValue().name() + " joins, does not exist on " + engine.id() + " at "
                            + engine.endpoint()).hint(owner != null ? "bring the " + owner + " stack up first (p4n4 up "
                            + owner + "), which creates it" + (expected == null ? "" : " with subnet " + expected)
                            : "create it first (docker network create " + name + ")").build());
                }
            } else if (expected != null && !found.get().subnets().contains(expected)) {
                problems.add(Problem.error("network.subnet", ErrorCode.NETWORK, "network " + name + " on "
                        + engine.id() + " has subnet " + (found.get().subnets().isEmpty() ? "(none)"
                        : String.join(", ", found.get().subnets())) + " but " + e.getValue().name() + " expects "
                        + expected).hint("remove the network (docker network rm " + name + ") after stopping what"
                        + " uses it, and let p4n4 up create it again").build());
            } else {
                passed.add("network " + name + ": present on " + engine.id()
                        + (expected == null ? "" : " with subnet " + expected));
            }
        }
    }
}
