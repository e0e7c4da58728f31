package io.p4n4.core.compose.exec.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.DeviceMapping;
import io.p4n4.api.engine.HealthcheckSpec;
import io.p4n4.api.engine.Mount;
import io.p4n4.api.engine.NetworkAttachment;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.engine.Protocol;
import io.p4n4.api.engine.RestartPolicy;
import io.p4n4.core.compose.ComposeNetwork;
import io.p4n4.core.compose.ComposeProject;
import io.p4n4.core.compose.ComposeService;
import io.p4n4.core.compose.ComposeVolume;
import io.p4n4.core.compose.Healthcheck;
import io.p4n4.core.compose.ServiceNetwork;
import io.p4n4.core.compose.ServicePort;
import io.p4n4.core.compose.ServiceVolume;
import io.p4n4.core.compose.exec.ComposeLabels;
import io.p4n4.core.compose.internal.GoDuration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a compose service into the engine's container spec, compose labels included. Stateless. */
public final class ContainerSpecs {
    private ContainerSpecs() {
    }

    /** The container name compose v2 gives the service's first replica, unless {@code container_name} is set. */
    public static String containerName(ComposeProject project, ComposeService service) {
        return service.containerName().orElse(project.name() + "-" + service.name() + "-1");
    }

    /** The spec of the service's container; creates missing bind-mount host directories as compose does. */
    public static ContainerSpec of(ComposeProject project, ComposeService service) {
        if (service.image().isEmpty() && !Builds.isBuilt(service)) {
            throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + " of project " + project.name()
                    + " has neither image: nor build:; add one of them");
        }
        String image = Builds.imageName(project, service);
        int replicas = replicas(service);
        if (replicas > 1) {
            throw new P4n4Exception(ErrorCode.ENGINE, "service " + service.name() + " of project " + project.name()
                    + " asks for " + replicas + " replicas, but the executor runs one container per service;"
                    + " set scale / deploy.replicas to 1 or define one service per instance");
        }
        ContainerSpec.Builder b = ContainerSpec.builder(image).name(containerName(project, service));
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
            service.ports().forEach(p -> ports(service, p).forEach(b::port));
        }
        for (ServiceVolume v : service.volumes()) {
            b.mount(mount(project, service, v));
        }
        if (networkMode.isEmpty()) {
            networks(project, service).forEach(b::network);
        }
        b.labels(service.labels()).labels(labels(project, service));
        service.healthcheck().map(ContainerSpecs::healthcheck).ifPresent(b::healthcheck);
        service.restart().map(RestartPolicy::parse).ifPresent(b::restartPolicy);
        string(service, "user").ifPresent(b::user);
        string(service, "working_dir").ifPresent(b::workingDir);
        string(service, "hostname").ifPresent(b::hostname);
        string(service, "stop_signal").ifPresent(b::stopSignal);
        string(service, "stop_grace_period").map(GoDuration::parse).ifPresent(b::stopTimeout);
        if (service.attribute("devices").orElse(null) instanceof List<?> devices) {
            devices.forEach(d -> b.device(device(d)));
        }
        return b.build();
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

    /** {@code scale}, else {@code deploy.replicas}, else 1. */
    private static int replicas(ComposeService service) {
        Object scale = service.attribute("scale").orElse(null);
        if (scale == null && service.attribute("deploy").orElse(null) instanceof Map<?, ?> deploy) {
            scale = deploy.get("replicas");
        }
        return scale instanceof Number n ? n.intValue() : 1;
    }

    /** The labels compose puts on a service container. */
    public static Map<String, String> labels(ComposeProject project, ComposeService service) {
        return Map.of(
                ComposeLabels.PROJECT, project.name(),
                ComposeLabels.SERVICE, service.name(),
                ComposeLabels.CONTAINER_NUMBER, "1",
                ComposeLabels.ONEOFF, "False",
                ComposeLabels.CONFIG_HASH, service.configHash(),
                ComposeLabels.WORKING_DIR, String.valueOf(project.workingDirectory()),
                ComposeLabels.CONFIG_FILES, String.join(",", project.composeFiles().stream().map(Path::toString).toList()),
                ComposeLabels.VERSION, Versions.COMPOSE_LABEL);
    }

    private static List<PortBinding> ports(ComposeService service, ServicePort p) {
        Protocol protocol = "udp".equalsIgnoreCase(p.protocol()) ? Protocol.UDP : Protocol.TCP;
        String published = p.findPublished().orElse("");
        String hostIp = p.hostIp() == null ? "" : p.hostIp();
        if (published.isEmpty()) {
            return List.of(new PortBinding(p.target(), protocol, hostIp, 0));
        }
        try {
            int dash = published.indexOf('-');
            int host = Integer.parseInt(dash < 0 ? published : published.substring(0, dash));
            return List.of(new PortBinding(p.target(), protocol, hostIp, host));
        } catch (IllegalArgumentException e) {
            throw new P4n4Exception(ErrorCode.ENGINE, "service " + service.name() + ": published port '"
                    + published + "' is not a port number", e);
        }
    }

    private static Mount mount(ComposeProject project, ComposeService service, ServiceVolume v) {
        String target = v.target();
        switch (v.type()) {
            case "bind": {
                String source = v.findSource().orElseThrow();
                Path host = Path.of(source);
                if (v.createHostPath() && !Files.exists(host)) {
                    try {
                        Files.createDirectories(host);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot create bind-mount source " + host + " of service "
                                + service.name(), e);
                    }
                }
                return Mount.bind(source, target, v.readOnly());
            }
            case "volume": {
                String key = v.findSource().orElse(null);
                if (key == null || key.isEmpty()) {
                    return Mount.volume(anonymousVolume(project, service, target), target, v.readOnly());
                }
                ComposeVolume declared = project.volumes().get(key);
                return Mount.volume(declared == null ? key : declared.name(), target, v.readOnly());
            }
            case "tmpfs":
                return Mount.tmpfs(target);
            default:
                throw new P4n4Exception(ErrorCode.ENGINE, "service " + service.name() + ": volume type "
                        + v.type() + " on " + target + " is not supported; use bind, volume or tmpfs");
        }
    }

    /** A stable name for an anonymous volume, so a re-created container finds its data again. */
    public static String anonymousVolume(ComposeProject project, ComposeService service, String target) {
        return project.name() + "_" + service.name() + "_anon" + Integer.toHexString(target.hashCode());
    }

    private static List<NetworkAttachment> networks(ComposeProject project, ComposeService service) {
        List<NetworkAttachment> out = new ArrayList<>();
        for (ServiceNetwork n : service.networks().values()) {
            ComposeNetwork declared = project.networks().get(n.network());
            String name = declared == null ? n.network() : declared.name();
            List<String> aliases = new ArrayList<>();
            aliases.add(service.name());
            n.aliases().stream().filter(a -> !aliases.contains(a)).forEach(aliases::add);
            out.add(new NetworkAttachment(name, aliases));
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
                h.startPeriod());
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
