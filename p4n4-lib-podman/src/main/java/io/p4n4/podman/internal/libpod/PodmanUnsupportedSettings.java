package io.p4n4.podman.internal.libpod;

import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.LogConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings of a spec Podman 4.3's libpod API cannot apply, by accessor name, each with why and what
 * to do. Stateless.
 */
public final class PodmanUnsupportedSettings {
    /** The one logging option Podman 4.3 applies (as the log file's size limit). */
    static final String LOG_MAX_SIZE = "max-size";
    /** The logging drivers of Podman 4.3 ({@code json-file} is its name for {@code k8s-file}). */
    static final Set<String> LOG_DRIVERS = Set.of("json-file", "k8s-file", "journald", "none", "passthrough");

    private PodmanUnsupportedSettings() {
    }

    /** The settings of {@code spec} that Podman cannot apply. */
    public static Map<String, String> of(ContainerSpec spec) {
        Map<String, String> out = new LinkedHashMap<>();
        spec.findDomainname().ifPresent(d -> out.put("domainname", "Podman 4.3 cannot set a container's NIS "
                + "domain name (its spec generator has no such field): remove domainname, or use a fully "
                + "qualified hostname"));
        spec.findHealthcheck().filter(h -> !h.startInterval().isZero()).ifPresent(h -> out.put(
                "healthcheck.startInterval", "Podman 4.3 keeps no start interval in a healthcheck (its inspect "
                        + "could not show it and its own timers would not use it): remove start_interval"));
        List<String> unknown = SecurityOptions.unknown(spec.securityOpt());
        if (!unknown.isEmpty()) {
            out.put("securityOpt", "unknown security option" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + ": Podman takes " + SecurityOptions.KNOWN);
        }
        spec.findMacAddress().ifPresent(mac -> {
            if (spec.networks().isEmpty()) {
                out.put("macAddress", "Podman sets a MAC address per network: attach the container to a network "
                        + "(compose does so with the project's default network)");
            }
        });
        spec.findLogConfig().ifPresent(l -> logging(l, out));
        spec.exposedPorts().stream().filter(PodmanUnsupportedSettings::reversedRange).findFirst().ifPresent(p ->
                out.put("exposedPorts", "port range " + p + " ends before it starts: write it low-high"));
        return out;
    }

    private static void logging(LogConfig l, Map<String, String> out) {
        if (!LOG_DRIVERS.contains(l.driver())) {
            out.put("logConfig", "Podman 4.3 has no logging driver '" + l.driver() + "': use one of "
                    + String.join(", ", new java.util.TreeSet<>(LOG_DRIVERS)));
            return;
        }
        List<String> other = l.options().keySet().stream().filter(k -> !k.equals(LOG_MAX_SIZE)).sorted().toList();
        if (!other.isEmpty()) {
            out.put("logConfig", "Podman 4.3 applies only the max-size logging option, not "
                    + String.join(", ", other) + ": remove " + (other.size() == 1 ? "it" : "them"));
        } else if (l.options().containsKey(LOG_MAX_SIZE) && DecimalSize.find(l.options().get(LOG_MAX_SIZE)).isEmpty()) {
            out.put("logConfig", "logging option max-size '" + l.options().get(LOG_MAX_SIZE)
                    + "' is not a size: write it like 10m or 1g");
        }
    }

    private static boolean reversedRange(String portAndProtocol) {
        String[] range = portAndProtocol.split("/", 2)[0].split("-", 2);
        return range.length == 2 && Integer.parseInt(range[1]) < Integer.parseInt(range[0]);
    }
}
