package io.p4n4.podman.internal.libpod;

import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.DeviceMapping;
import io.p4n4.api.engine.HealthcheckSpec;
import io.p4n4.api.engine.Mount;
import io.p4n4.api.engine.MountOptions;
import io.p4n4.api.engine.NetworkAttachment;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.engine.RestartPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a {@link ContainerSpec} into the body of {@code POST /libpod/containers/create}: libpod's
 * "spec generator" JSON (snake_case keys; OCI mounts; durations in nanoseconds; the stop signal as a
 * number). The settings beyond the basics are {@link HostSettings}' and {@link SecurityOptions}'. Stateless.
 */
public final class SpecGenerator {
    // Linux signal numbers: the spec generator takes a number, compose files give names
    private static final Map<String, Integer> SIGNALS = Map.ofEntries(
            Map.entry("HUP", 1), Map.entry("INT", 2), Map.entry("QUIT", 3), Map.entry("ILL", 4),
            Map.entry("TRAP", 5), Map.entry("ABRT", 6), Map.entry("BUS", 7), Map.entry("FPE", 8),
            Map.entry("KILL", 9), Map.entry("USR1", 10), Map.entry("SEGV", 11), Map.entry("USR2", 12),
            Map.entry("PIPE", 13), Map.entry("ALRM", 14), Map.entry("TERM", 15), Map.entry("STKFLT", 16),
            Map.entry("CHLD", 17), Map.entry("CONT", 18), Map.entry("STOP", 19), Map.entry("TSTP", 20),
            Map.entry("TTIN", 21), Map.entry("TTOU", 22), Map.entry("URG", 23), Map.entry("XCPU", 24),
            Map.entry("XFSZ", 25), Map.entry("VTALRM", 26), Map.entry("PROF", 27), Map.entry("WINCH", 28),
            Map.entry("IO", 29), Map.entry("PWR", 30), Map.entry("SYS", 31));

    /** Docker's healthcheck defaults, applied where a spec leaves a value at zero. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final int DEFAULT_RETRIES = 3;

    private SpecGenerator() {
    }

    /** Builds the create body. */
    public static Map<String, Object> of(ContainerSpec spec) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("image", spec.image());
        spec.findName().ifPresent(n -> body.put("name", n));
        spec.findCommand().ifPresent(c -> body.put("command", c));
        spec.findEntrypoint().ifPresent(e -> body.put("entrypoint", e));
        if (!spec.env().isEmpty()) {
            body.put("env", spec.env());
        }
        if (!spec.labels().isEmpty()) {
            body.put("labels", spec.labels());
        }
        if (!spec.ports().isEmpty()) {
            body.put("portmappings", ports(spec.ports()));
        }
        addMounts(spec.mounts(), body);
        if (!spec.tmpfs().isEmpty()) {
            List<Map<String, Object>> mounts = new ArrayList<>(mounts(body));
            mounts.addAll(HostSettings.tmpfsMounts(spec.tmpfs()));
            body.put("mounts", mounts);
        }
        if (!spec.networks().isEmpty()) {
            Map<String, Object> networks = new LinkedHashMap<>();
            for (NetworkAttachment a : spec.networks()) {
                Map<String, Object> options = new LinkedHashMap<>();
                if (!a.aliases().isEmpty()) {
                    options.put("aliases", a.aliases());
                }
                if (!staticIps(a).isEmpty()) {
                    options.put("static_ips", staticIps(a));
                }
                if (networks.isEmpty()) {
                    // the primary network, as Docker's MacAddress is
                    spec.findMacAddress().ifPresent(mac -> options.put("static_mac", mac));
                }
                networks.put(a.network(), options);
            }
            body.put("Networks", networks);
            body.put("netns", Map.of("nsmode", "bridge"));
        }
        spec.findNetworkMode().ifPresent(mode -> body.put("netns", mode.startsWith("container:")
                ? Map.of("nsmode", "container", "value", mode.substring("container:".length()))
                : Map.of("nsmode", mode)));
        spec.findHealthcheck().ifPresent(h -> body.put("healthconfig", healthconfig(h)));
        RestartPolicy restart = spec.restartPolicy();
        if (restart.mode() != RestartPolicy.Mode.NO) {
            body.put("restart_policy", restart.mode().wireName());
            if (restart.mode() == RestartPolicy.Mode.ON_FAILURE && restart.maxRetries() > 0) {
                body.put("restart_tries", restart.maxRetries());
            }
        }
        spec.findUser().ifPresent(u -> body.put("user", u));
        spec.findWorkingDir().ifPresent(w -> body.put("work_dir", w));
        spec.findHostname().ifPresent(h -> body.put("hostname", h));
        if (!spec.devices().isEmpty()) {
            List<Map<String, Object>> devices = new ArrayList<>();
            for (DeviceMapping d : spec.devices()) {
                // libpod parses "host:container:permissions" from the path, like the CLI's --device
                devices.add(Map.of("path", d.hostPath() + ":" + d.containerPath() + ":" + d.permissions()));
            }
            body.put("devices", devices);
        }
        spec.findStopSignal().ifPresent(s -> body.put("stop_signal", signalNumber(s)));
        spec.findStopTimeout().ifPresent(t -> body.put("stop_timeout", Math.max(0, t.toSeconds())));
        HostSettings.apply(spec, body);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> mounts(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.getOrDefault("mounts", List.of());
    }

    /** The number of a signal given as {@code SIGTERM}, {@code TERM} or {@code 15}. */
    public static int signalNumber(String signal) {
        String s = signal.trim().toUpperCase(Locale.ROOT);
        if (s.chars().allMatch(Character::isDigit) && !s.isEmpty()) {
            return Integer.parseInt(s);
        }
        Integer n = SIGNALS.get(s.startsWith("SIG") ? s.substring(3) : s);
        if (n == null) {
            throw new IllegalArgumentException("unknown signal '" + signal + "'; use a name such as SIGTERM or a number");
        }
        return n;
    }

    private static List<Map<String, Object>> ports(List<PortBinding> ports) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PortBinding p : ports) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("container_port", p.containerPort());
            m.put("host_port", p.hostPort());
            if (!p.hostIp().isEmpty()) {
                m.put("host_ip", p.hostIp());
            }
            m.put("protocol", p.protocol().wireName());
            out.add(m);
        }
        return out;
    }

    /** The attachment's fixed addresses, as libpod's {@code static_ips} (also the network connect body's). */
    public static List<String> staticIps(NetworkAttachment a) {
        List<String> ips = new ArrayList<>();
        if (a.ipv4Address() != null) {
            ips.add(a.ipv4Address());
        }
        if (a.ipv6Address() != null) {
            ips.add(a.ipv6Address());
        }
        return ips;
    }

    private static void addMounts(List<Mount> mounts, Map<String, Object> body) {
        List<Map<String, Object>> oci = new ArrayList<>();
        List<Map<String, Object>> volumes = new ArrayList<>();
        for (Mount m : mounts) {
            MountOptions o = m.options();
            List<String> options = new ArrayList<>();
            switch (m.type()) {
                case VOLUME:
                    if (m.readOnly()) {
                        options.add("ro");
                    }
                    if (o.noCopy()) {
                        options.add("nocopy");
                    }
                    volumes.add(Map.of("Name", m.source(), "Dest", m.target(), "Options", options));
                    break;
                case TMPFS:
                    options.addAll(List.of(m.readOnly() ? "ro" : "rw", "nosuid", "nodev"));
                    if (o.tmpfsSizeBytes() != 0) {
                        options.add("size=" + o.tmpfsSizeBytes());
                    }
                    if (o.tmpfsMode() != null) {
                        options.add("mode=" + Integer.toOctalString(o.tmpfsMode()));
                    }
                    oci.add(Map.of("type", "tmpfs", "source", "tmpfs", "destination", m.target(), "options", options));
                    break;
                case BIND:
                default:
                    options.add("rbind");
                    if (m.readOnly()) {
                        options.add("ro");
                    }
                    if (o.propagation() != null) {
                        options.add(o.propagation());
                    }
                    if (o.selinuxLabel() != null) {
                        options.add(o.selinuxLabel());
                    }
                    oci.add(Map.of("type", "bind", "source", m.source(), "destination", m.target(),
                            "options", options));
                    break;
            }
        }
        if (!oci.isEmpty()) {
            body.put("mounts", oci);
        }
        if (!volumes.isEmpty()) {
            body.put("volumes", volumes);
        }
    }

    private static Map<String, Object> healthconfig(HealthcheckSpec h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Test", h.test());
        if (!h.isDisabled()) {
            // libpod's API leaves unset values at zero (zero retries = unhealthy on the first failure);
            // spell out Docker's defaults so both engines judge health alike
            m.put("Interval", orDefault(h.interval(), DEFAULT_INTERVAL).toNanos());
            m.put("Timeout", orDefault(h.timeout(), DEFAULT_TIMEOUT).toNanos());
            m.put("StartPeriod", h.startPeriod().isNegative() ? 0L : h.startPeriod().toNanos());
            m.put("Retries", h.retries() > 0 ? h.retries() : DEFAULT_RETRIES);
        }
        return m;
    }

    private static Duration orDefault(Duration d, Duration fallback) {
        return d.isZero() || d.isNegative() ? fallback : d;
    }
}
