package io.p4n4.compose.exec.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.DeviceMapping;
import io.p4n4.api.engine.HealthcheckSpec;
import io.p4n4.api.engine.Mount;
import io.p4n4.api.engine.MountOptions;
import io.p4n4.api.engine.NetworkAttachment;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.engine.Protocol;
import io.p4n4.api.engine.RestartPolicy;
import io.p4n4.compose.ComposeNetwork;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeService;
import io.p4n4.compose.ComposeVolume;
import io.p4n4.compose.Healthcheck;
import io.p4n4.compose.ServiceNetwork;
import io.p4n4.compose.ServicePort;
import io.p4n4.compose.ServiceVolume;
import io.p4n4.compose.exec.ComposeLabels;
import io.p4n4.compose.internal.GoDuration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Turns a compose service into the engine's container spec, compose labels included. Stateless. */
public final class ContainerSpecs {
    /** How long a container gets to stop when its service sets no {@code stop_grace_period}, as in compose. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    private ContainerSpecs() {
    }

    /** The container name compose v2 gives the service's first replica, unless {@code container_name} is set. */
    public static String containerName(ComposeProject project, ComposeService service) {
        return containerName(project, service, 1);
    }

    /** The name of replica {@code number} (from 1): {@code container_name}, else {@code PROJECT-SERVICE-N}. */
    public static String containerName(ComposeProject project, ComposeService service, int number) {
        return service.containerName().orElse(project.name() + "-" + service.name() + "-" + number);
    }

    /** The spec of the service's first container; see {@link #of(ComposeProject, ComposeService, int)}. */
    public static ContainerSpec of(ComposeProject project, ComposeService service) {
        return of(project, service, 1);
    }

    /**
     * The spec of replica {@code number} (from 1) of the service; creates missing bind-mount host directories
     * as compose does. Each replica has its own name, number label, anonymous volumes and, for a published
     * host-port range, its own port from the range.
     */
    public static ContainerSpec of(ComposeProject project, ComposeService service, int number) {
        return build(project, service, number, true);
    }

    /**
     * The spec {@link #of(ComposeProject, ComposeService, int)} would give, without creating anything on the
     * host: {@code up} reads every service's settings (and asks the engine about them) before it creates
     * anything, so a bad value fails there.
     */
    public static ContainerSpec preview(ComposeProject project, ComposeService service, int number) {
        return build(project, service, number, false);
    }

    private static ContainerSpec build(ComposeProject project, ComposeService service, int number,
            boolean createHostPaths) {
        requireSupported(project, service);
        String image = Builds.imageName(project, service);
        int replicas = replicas(service);
        ContainerSpec.Builder b = ContainerSpec.builder(image).name(containerName(project, service, number));
        service.command().ifPresent(b::command);
        service.entrypoint().ifPresent(b::entrypoint);
        service.environment().forEach((k, v) -> {
            if (v != null) {
                b.env(k, v);
            }
        });
        Optional<String> networkMode = service.networkMode().map(m -> networkMode(project, service, m));
        if (networkMode.isPresent()) {
            // compose too discards published ports when the container does not have a network of its own
            b.networkMode(networkMode.get());
        } else {
            service.ports().forEach(p -> b.port(port(service, p, number, replicas)));
        }
        for (ServiceVolume v : service.volumes()) {
            b.mount(mount(project, service, v, number, createHostPaths));
        }
        if (networkMode.isEmpty()) {
            networks(project, service).forEach(b::network);
        }
        b.labels(service.labels()).labels(labels(project, service, number));
        service.healthcheck().map(ContainerSpecs::healthcheck).ifPresent(b::healthcheck);
        restartPolicy(service).ifPresent(b::restartPolicy);
        string(service, "user").ifPresent(b::user);
        string(service, "working_dir").ifPresent(b::workingDir);
        string(service, "hostname").ifPresent(b::hostname);
        string(service, "stop_signal").ifPresent(b::stopSignal);
        stopGracePeriod(service).ifPresent(b::stopTimeout);
        if (service.attribute("devices").orElse(null) instanceof List<?> devices) {
            devices.forEach(d -> b.device(device(d)));
        }
        HostSettings.apply(project, service, b);
        NameSettings.apply(service, b);
        b.resources(ServiceResources.of(service));
        SecretFiles.apply(project, service, b);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + " of project " + project.name()
                    + ": " + e.getMessage() + "; fix the service", e);
        }
    }

    /**
     * {@code restart}, unless {@code deploy.restart_policy.condition} is set, which wins as in compose:
     * none (or no), on-failure with max_attempts, any (or always), unless-stopped.
     */
    private static Optional<RestartPolicy> restartPolicy(ComposeService service) {
        Optional<Object> condition = ServiceValues.at(service, "deploy.restart_policy.condition");
        if (condition.isEmpty()) {
            return service.restart().map(r -> {
                try {
                    return RestartPolicy.parse(r);
                } catch (IllegalArgumentException e) {
                    throw ServiceValues.bad(service, "restart", r, "no, always, on-failure[:N] or unless-stopped");
                }
            });
        }
        String c = String.valueOf(condition.get());
        RestartPolicy.Mode mode = switch (c) {
            case "none", "no" -> RestartPolicy.Mode.NO;
            case "on-failure" -> RestartPolicy.Mode.ON_FAILURE;
            case "unless-stopped" -> RestartPolicy.Mode.UNLESS_STOPPED;
            case "any", "always" -> RestartPolicy.Mode.ALWAYS;
            default -> throw ServiceValues.bad(service, "deploy.restart_policy.condition", c,
                    "none, on-failure or any");
        };
        long attempts = ServiceValues.at(service, "deploy.restart_policy.max_attempts")
                .map(v -> ServiceValues.integer(service, "deploy.restart_policy.max_attempts", v)).orElse(0L);
        if (attempts < 0 || attempts > Integer.MAX_VALUE) {
            throw ServiceValues.bad(service, "deploy.restart_policy.max_attempts", attempts, "a count from 0");
        }
        return Optional.of(new RestartPolicy(mode, (int) attempts));
    }

    /**
     * Refuses, as USER (2) naming the service and what to do, what the executor cannot run: no image and no
     * build, an unsupported volume type, a {@linkplain io.p4n4.compose.exec.ServiceKeys refused
     * key}, a link to a service it shares no network with, {@code container_name} or one published host port
     * with several replicas, a bad {@code network_mode}. Has no side effects, so {@code up} checks every service
     * before it creates anything.
     */
    public static void requireSupported(ComposeProject project, ComposeService service) {
        if (service.image().isEmpty() && !Builds.isBuilt(service)) {
            throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + " of project " + project.name()
                    + " has neither image: nor build:; add one of them");
        }
        ServiceKeyCheck.requireNoRefused(project, service);
        LinkAliases.check(project, service);
        int replicas = replicas(service);
        if (replicas > 1 && service.containerName().isPresent()) {
            throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + " of project " + project.name()
                    + " asks for " + replicas + " replicas but sets container_name: "
                    + service.containerName().get() + ", and container names are unique; remove container_name"
                    + " or set scale / deploy.replicas to 1");
        }
        service.networkMode().ifPresent(m -> networkMode(project, service, m));
        if (replicas > 1 && service.networks().values().stream()
                .anyMatch(n -> n.ipv4Address() != null || n.ipv6Address() != null)) {
            throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + " of project " + project.name()
                    + " asks for " + replicas + " replicas but gives a fixed ipv4_address/ipv6_address on a network,"
                    + " and an address belongs to one container; remove the address or set scale / deploy.replicas"
                    + " to 1");
        }
        service.ports().forEach(p -> port(service, p, Math.max(1, replicas), replicas));
        for (ServiceVolume v : service.volumes()) {
            if (!List.of("bind", "volume", "tmpfs").contains(v.type())) {
                throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + ": volume type " + v.type()
                        + " on " + v.target() + " is not supported; use bind, volume or tmpfs");
            }
        }
    }

    /** The service's {@code stop_grace_period}, if it sets one. */
    public static Optional<Duration> stopGracePeriod(ComposeService service) {
        return string(service, "stop_grace_period").map(GoDuration::parse);
    }

    /** {@code network_mode} for the engine: {@code service:NAME} becomes that service's container. */
    private static String networkMode(ComposeProject project, ComposeService service, String mode) {
        if (mode.startsWith("service:")) {
            String other = mode.substring("service:".length());
            return "container:" + containerName(project, project.findService(other).orElseThrow(() ->
                    new P4n4Exception(ErrorCode.USER, "service " + service.name() + " uses network_mode: " + mode
                            + ", but project " + project.name() + " has no service " + other)));
        }
        if (mode.equals("host") || mode.equals("none") || mode.equals("bridge") || mode.startsWith("container:")) {
            return mode;
        }
        throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + " uses network_mode: " + mode
                + "; use host, none, bridge, service:NAME or container:NAME");
    }

    /**
     * {@code scale}, else {@code deploy.replicas}, else 1: how many containers the service runs. A value that
     * is not a whole number from 0 is a USER error naming the service.
     */
    public static int replicas(ComposeService service) {
        String key = "scale";
        Object scale = service.attribute(key).orElse(null);
        if (scale == null && service.attribute("deploy").orElse(null) instanceof Map<?, ?> deploy) {
            key = "deploy.replicas";
            scale = deploy.get("replicas");
        }
        if (scale == null) {
            return 1;
        }
        if (scale instanceof Number n && n.doubleValue() == n.intValue() && n.intValue() >= 0) {
            return n.intValue();
        }
        if (scale instanceof String text && text.matches("\\d{1,9}")) {
            return Integer.parseInt(text);
        }
        throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + ": " + key + " is '" + scale
                + "'; use a whole number from 0");
    }

    /**
     * The config hash a service's containers carry: the service's own ({@link ComposeService#configHash()}),
     * mixed with what changes its container although the service's keys do not: the aliases other services'
     * {@code links} give it, and the content of the configs it uses. Secret contents are left out on purpose:
     * a label must not carry a digest an attacker could test guesses against (a changed secret needs
     * {@code down} and {@code up}, as with compose).
     */
    public static String configHash(ComposeProject project, ComposeService service) {
        String base = service.configHash();
        Map<String, List<String>> aliases = LinkAliases.of(project, service);
        List<byte[]> configs = SecretFiles.configContents(project, service);
        if (aliases.isEmpty() && configs.isEmpty()) {
            return base; // the common case stays equal to compose's own hash of the service
        }
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(base.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(new java.util.TreeMap<>(aliases).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (byte[] config : configs) {
                sha.update(java.security.MessageDigest.getInstance("SHA-256").digest(config));
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The labels compose puts on the service's first container. */
    public static Map<String, String> labels(ComposeProject project, ComposeService service) {
        return labels(project, service, 1);
    }

    /** The labels compose puts on replica {@code number} of the service. */
    public static Map<String, String> labels(ComposeProject project, ComposeService service, int number) {
        return Map.of(
                ComposeLabels.PROJECT, project.name(),
                ComposeLabels.SERVICE, service.name(),
                ComposeLabels.CONTAINER_NUMBER, String.valueOf(number),
                ComposeLabels.ONEOFF, "False",
                ComposeLabels.CONFIG_HASH, configHash(project, service),
                ComposeLabels.WORKING_DIR, String.valueOf(project.workingDirectory()),
                ComposeLabels.CONFIG_FILES, String.join(",", project.composeFiles().stream().map(Path::toString).toList()),
                ComposeLabels.VERSION, Versions.COMPOSE_LABEL);
    }

    /**
     * The binding of replica {@code number}: an ephemeral host port, the one published port (a single replica
     * only: two containers cannot bind it), or the {@code number}-th port of a published range.
     */
    private static PortBinding port(ComposeService service, ServicePort p, int number, int replicas) {
        Protocol protocol = "udp".equalsIgnoreCase(p.protocol()) ? Protocol.UDP : Protocol.TCP;
        String published = p.findPublished().orElse("");
        String hostIp = p.hostIp() == null ? "" : p.hostIp();
        if (published.isEmpty()) {
            return new PortBinding(p.target(), protocol, hostIp, 0);
        }
        int first;
        int last;
        try {
            int dash = published.indexOf('-');
            first = Integer.parseInt(dash < 0 ? published : published.substring(0, dash));
            last = dash < 0 ? first : Integer.parseInt(published.substring(dash + 1));
        } catch (IllegalArgumentException e) {
            throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + ": published port '"
                    + published + "' is not a port number or range", e);
        }
        if (last - first + 1 < replicas) {
            throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + " runs " + replicas
                    + " replicas but publishes container port " + p.target() + " on " + published + ", which has "
                    + Math.max(0, last - first + 1) + " host port(s); publish a range of at least " + replicas
                    + " ports (e.g. " + first + "-" + (first + replicas - 1) + ") or leave the host port out");
        }
        return new PortBinding(p.target(), protocol, hostIp, first + number - 1);
    }

    private static Mount mount(ComposeProject project, ComposeService service, ServiceVolume v, int number,
            boolean createHostPaths) {
        String target = v.target();
        switch (v.type()) {
            case "bind": {
                String source = v.findSource().orElseThrow();
                Path host = Path.of(source);
                if (createHostPaths && v.createHostPath() && !Files.exists(host)) {
                    try {
                        Files.createDirectories(host);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot create bind-mount source " + host + " of service "
                                + service.name(), e);
                    }
                }
                return readOnly(Mount.bind(source, target), v.readOnly()).withOptions(options(service, v,
                        () -> MountOptions.NONE.withPropagation(v.propagation()).withSelinuxLabel(v.selinux())));
            }
            case "volume": {
                String key = v.findSource().orElse(null);
                MountOptions options = MountOptions.NONE.withNoCopy(v.noCopy());
                if (key == null || key.isEmpty()) {
                    return readOnly(Mount.volume(anonymousVolume(project, service, target, number), target),
                            v.readOnly()).withOptions(options);
                }
                ComposeVolume declared = project.volumes().get(key);
                return readOnly(Mount.volume(declared == null ? key : declared.name(), target), v.readOnly())
                        .withOptions(options);
            }
            default: // tmpfs; requireSupported refused the other types
                return readOnly(Mount.tmpfs(target), v.readOnly()).withOptions(options(service, v,
                        () -> MountOptions.NONE.withTmpfsMode(v.tmpfsMode()).withTmpfsSize(v.tmpfsSize() == null ? 0
                                : ServiceValues.bytes(service, "volumes[].tmpfs.size", v.tmpfsSize(), false))));
        }
    }

    /** The options, or a USER error naming the service, the mount and the bad value. */
    private static MountOptions options(ComposeService service, ServiceVolume v, Supplier<MountOptions> options) {
        try {
            return options.get();
        } catch (IllegalArgumentException e) {
            throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + ": the " + v.type() + " mount on "
                    + v.target() + ": " + e.getMessage() + "; fix the volume's options", e);
        }
    }

    private static Mount readOnly(Mount mount, boolean readOnly) {
        return readOnly ? mount.asReadOnly() : mount;
    }

    /** A stable name for an anonymous volume, so a re-created container finds its data again. */
    public static String anonymousVolume(ComposeProject project, ComposeService service, String target) {
        return anonymousVolume(project, service, target, 1);
    }

    /** The anonymous volume of replica {@code number}: each replica has its own, as with compose. */
    public static String anonymousVolume(ComposeProject project, ComposeService service, String target, int number) {
        String name = project.name() + "_" + service.name() + "_anon" + Integer.toHexString(target.hashCode());
        return number == 1 ? name : name + "_" + number;
    }

    private static List<NetworkAttachment> networks(ComposeProject project, ComposeService service) {
        List<NetworkAttachment> out = new ArrayList<>();
        Map<String, List<String>> linkAliases = LinkAliases.of(project, service);
        for (ServiceNetwork n : service.networks().values()) {
            ComposeNetwork declared = project.networks().get(n.network());
            String name = declared == null ? n.network() : declared.name();
            List<String> aliases = new ArrayList<>();
            aliases.add(service.name());
            n.aliases().stream().filter(a -> !aliases.contains(a)).forEach(aliases::add);
            linkAliases.getOrDefault(n.network(), List.of()).stream().filter(a -> !aliases.contains(a))
                    .forEach(aliases::add);
            out.add(new NetworkAttachment(name, aliases, n.ipv4Address(), n.ipv6Address()));
        }
        return out;
    }

    private static HealthcheckSpec healthcheck(Healthcheck h) {
        if (h.disabled() || h.test().isEmpty() || "NONE".equals(h.test().get(0))) {
            return HealthcheckSpec.disabled();
        }
        List<String> test = h.test();
        if (!"CMD".equals(test.get(0)) && !"CMD-SHELL".equals(test.get(0))) {
            test = List.of("CMD-SHELL", String.join(" ", test));
        }
        return new HealthcheckSpec(test, h.interval(), h.timeout(), h.retries() == null ? 0 : h.retries(),
                h.startPeriod(), h.startInterval());
    }

    private static java.util.Optional<String> string(ComposeService service, String key) {
        return service.attribute(key).map(String::valueOf).filter(s -> !s.isEmpty());
    }

    private static DeviceMapping device(Object d) {
        if (d instanceof Map<?, ?> m) {
            return new DeviceMapping(String.valueOf(m.get("source")),
                    m.get("target") == null ? null : String.valueOf(m.get("target")),
                    m.get("permissions") == null ? null : String.valueOf(m.get("permissions")));
        }
        String[] parts = String.valueOf(d).split(":");
        return new DeviceMapping(parts[0], parts.length > 1 ? parts[1] : null, parts.length > 2 ? parts[2] : null);
    }
}
