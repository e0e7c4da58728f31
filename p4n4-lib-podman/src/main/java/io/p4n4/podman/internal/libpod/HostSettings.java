package io.p4n4.podman.internal.libpod;

import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.LogConfig;
import io.p4n4.api.engine.ResourceLimits;
import io.p4n4.api.engine.Ulimit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts a spec's security, kernel, resource, name-resolution, logging and platform settings into the spec
 * generator body, with the field names of Podman 4.3's {@code pkg/specgen/specgen.go}. Expects a spec
 * {@link PodmanUnsupportedSettings} found nothing wrong with.
 */
final class HostSettings {
    /** The CFS period the podman CLI uses for {@code --cpus}. */
    static final long CPU_PERIOD = 100_000;

    private HostSettings() {
    }

    static void apply(ContainerSpec spec, Map<String, Object> body) {
        if (!spec.capAdd().isEmpty()) {
            body.put("cap_add", spec.capAdd());
        }
        if (!spec.capDrop().isEmpty()) {
            body.put("cap_drop", spec.capDrop());
        }
        if (spec.privileged()) {
            body.put("privileged", true);
        }
        SecurityOptions.apply(spec.securityOpt(), body);
        if (spec.readOnlyRootfs()) {
            body.put("read_only_filesystem", true);
        }
        spec.findInit().ifPresent(init -> body.put("init", init));
        if (!spec.ulimits().isEmpty()) {
            List<Map<String, Object>> limits = new ArrayList<>();
            for (Ulimit u : spec.ulimits()) {
                Map<String, Object> limit = new LinkedHashMap<>();
                limit.put("type", u.name());
                limit.put("soft", u.soft());
                limit.put("hard", u.hard());
                limits.add(limit);
            }
            body.put("r_limits", limits);
        }
        if (!spec.sysctls().isEmpty()) {
            body.put("sysctl", spec.sysctls());
        }
        spec.findIpcMode().ifPresent(m -> body.put("ipcns", namespace(m)));
        spec.findPidMode().ifPresent(m -> body.put("pidns", namespace(m)));
        spec.findUsernsMode().ifPresent(m -> body.put("userns", namespace(m)));
        if (!spec.groupAdd().isEmpty()) {
            body.put("groups", spec.groupAdd());
        }
        resources(spec.resources(), body);
        if (!spec.extraHosts().isEmpty()) {
            body.put("hostadd", spec.extraHosts());
        }
        if (!spec.dns().isEmpty()) {
            body.put("dns_server", spec.dns());
        }
        if (!spec.dnsSearch().isEmpty()) {
            body.put("dns_search", spec.dnsSearch());
        }
        if (!spec.dnsOptions().isEmpty()) {
            body.put("dns_option", spec.dnsOptions());
        }
        if (!spec.exposedPorts().isEmpty()) {
            body.put("expose", expose(spec.exposedPorts()));
        }
        spec.findLogConfig().ifPresent(l -> body.put("log_configuration", logConfiguration(l)));
        spec.findPlatform().ifPresent(p -> platform(p, body));
    }

    /** {@code host}, {@code private}, {@code shareable}, {@code container:NAME} as a spec generator namespace. */
    static Map<String, Object> namespace(String mode) {
        int colon = mode.indexOf(':');
        if (colon < 0) {
            return Map.of("nsmode", mode);
        }
        return Map.of("nsmode", mode.substring(0, colon), "value", mode.substring(colon + 1));
    }

    /** tmpfs mounts in OCI form, options split as compose's {@code size=64m,mode=1777} lists them. */
    static List<Map<String, Object>> tmpfsMounts(Map<String, String> tmpfs) {
        List<Map<String, Object>> out = new ArrayList<>();
        tmpfs.forEach((path, options) -> {
            List<String> opts = new ArrayList<>();
            for (String o : options.split(",")) {
                if (!o.isBlank()) {
                    opts.add(o.trim());
                }
            }
            out.add(Map.of("type", "tmpfs", "source", "tmpfs", "destination", path, "options", opts));
        });
        return out;
    }

    private static void resources(ResourceLimits r, Map<String, Object> body) {
        Map<String, Object> memory = new LinkedHashMap<>();
        r.findMemoryBytes().ifPresent(v -> memory.put("limit", v));
        r.findMemoryReservationBytes().ifPresent(v -> memory.put("reservation", v));
        r.findMemorySwapBytes().ifPresent(v -> memory.put("swap", v));
        r.findOomKillDisable().ifPresent(v -> memory.put("disableOOMKiller", v));
        Map<String, Object> cpu = new LinkedHashMap<>();
        r.findNanoCpus().ifPresent(n -> {
            // as the CLI's --cpus: a quota per 100 ms period
            cpu.put("quota", n * CPU_PERIOD / 1_000_000_000L);
            cpu.put("period", CPU_PERIOD);
        });
        r.findCpuShares().ifPresent(v -> cpu.put("shares", v));
        r.findCpusetCpus().ifPresent(v -> cpu.put("cpus", v));
        Map<String, Object> limits = new LinkedHashMap<>();
        if (!memory.isEmpty()) {
            limits.put("memory", memory);
        }
        if (!cpu.isEmpty()) {
            limits.put("cpu", cpu);
        }
        r.findPidsLimit().ifPresent(v -> limits.put("pids", Map.of("limit", v)));
        if (!limits.isEmpty()) {
            body.put("resource_limits", limits);
        }
        r.findShmSizeBytes().ifPresent(v -> body.put("shm_size", v));
        r.findOomScoreAdj().ifPresent(v -> body.put("oom_score_adj", v));
    }

    /** {@code 8080/tcp}, {@code 8000-8001/udp} as libpod's port -> "tcp,udp" map. */
    static Map<Integer, String> expose(List<String> ports) {
        Map<Integer, String> out = new TreeMap<>();
        for (String p : ports) {
            String[] parts = p.split("/", 2);
            String[] range = parts[0].split("-", 2);
            int first = Integer.parseInt(range[0]);
            int last = range.length == 2 ? Integer.parseInt(range[1]) : first;
            for (int port = first; port <= last; port++) {
                out.merge(port, parts[1], (a, b) -> a.contains(b) ? a : a + "," + b);
            }
        }
        return out;
    }

    private static Map<String, Object> logConfiguration(LogConfig l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("driver", l.driver());
        String maxSize = l.options().get(PodmanUnsupportedSettings.LOG_MAX_SIZE);
        if (maxSize != null) {
            m.put("size", DecimalSize.parse(maxSize));
        }
        return m;
    }

    /** {@code os/arch[/variant]}: selects the instance of a manifest list (the engine checks plain images). */
    private static void platform(String platform, Map<String, Object> body) {
        String[] parts = platform.split("/");
        body.put("image_os", parts[0]);
        if (parts.length > 1) {
            body.put("image_arch", parts[1]);
        }
        if (parts.length > 2) {
            body.put("image_variant", parts[2]);
        }
    }
}
