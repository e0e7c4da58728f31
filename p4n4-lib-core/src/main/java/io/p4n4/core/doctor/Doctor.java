package io.p4n4.core.doctor;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerInfo;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.NetworkInfo;
import io.p4n4.api.project.Problem;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeService;
import io.p4n4.compose.ServicePort;
import io.p4n4.compose.engine.EngineDiscovery;
import io.p4n4.compose.engine.ProbeReport;
import io.p4n4.compose.exec.ComposeLabels;
import io.p4n4.core.compat.Compatibility;
import io.p4n4.core.doctor.internal.HostPorts;
import io.p4n4.core.doctor.internal.ServiceProbes;
import io.p4n4.core.platform.Platform;
import io.p4n4.core.preflight.EngineChecks;
import io.p4n4.core.project.Project;
import io.p4n4.core.scaffold.TemplateContext;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Looks at everything p4n4 depends on and reports each finding: every engine candidate and what answered or
 * why not; the engine's version and the project's stack {@code VERSION}s against the supported ranges;
 * {@code p4n4-net}; with a project, clashes with
 * other projects and whether each published host port is free, taken by the project itself or by something
 * else; NATS and MQTT reachability when their URLs are given (plain TCP: NATS's INFO line, an anonymous MQTT
 * 3.1.1 CONNECT/CONNACK); {@code .env} permissions. Creates nothing. Immutable; {@link #run()} may be called
 * from any thread.
 */
public final class Doctor {
    private final EngineDiscovery discovery;
    private final @Nullable Project project;
    private final @Nullable URI nats;
    private final @Nullable URI mqtt;
    private final Duration timeout;
    private final Compatibility compatibility = Compatibility.bundled();

    private Doctor(Builder b) {
        this.discovery = Objects.requireNonNull(b.discovery, "discovery");
        this.project = b.project;
        this.nats = b.nats;
        this.mqtt = b.mqtt;
        this.timeout = b.timeout;
    }

    /** Starts a doctor that finds engines with {@code discovery}. */
    public static Builder builder(EngineDiscovery discovery) {
        return new Builder(discovery);
    }

    /** Runs every check. Never throws for what it finds: each failure is a finding. */
    public DoctorReport run() {
        List<Finding> out = new ArrayList<>();
        List<ProbeReport> probes = discovery.probeAll();
        for (ProbeReport p : probes) {
            out.add(p.available() ? Finding.ok("engine candidate", p.describe())
                    : Finding.info("engine candidate", p.describe()));
        }
        ContainerEngine engine = null;
        if (probes.stream().noneMatch(ProbeReport::available)) {
            out.add(Finding.error("engine", ErrorCode.ENGINE, "no container engine answered (" + probes.size()
                    + " candidate(s) tried, listed above)", "start Docker or Podman, or point p4n4 at one with"
                    + " --engine and --host URL (or DOCKER_HOST / CONTAINER_HOST)"));
        } else {
            try {
                engine = discovery.connect();
            } catch (P4n4Exception e) {
                out.add(Finding.error("engine", e.code(), e.getMessage(), "see the candidates above"));
            }
        }
        if (engine != null) {
            try (ContainerEngine e = engine) {
                engineFindings(e, out);
            } catch (P4n4Exception e) {
                out.add(Finding.error("engine", e.code(), "the engine failed while checked: " + e.getMessage(), ""));
            }
        }
        if (project != null) {
            for (StackId stack : project.stacks()) {
                Path version = project.stackDirectory(stack).resolve(Compatibility.VERSION_FILE);
                out.add(compatibility.checkStack(stack, version).map(Doctor::finding).orElseGet(() -> Finding.ok(
                        "stack " + stack + " version", compatibility.findStackRange(stack).map(r -> "supported (" + r
                                + ")").orElse("no supported range known: not checked"))));
            }
            out.add(envFinding(project.directory().resolve(".env")));
        } else {
            out.add(Finding.info("project", "no .p4n4.json here or above: its ports and .env are not checked"));
        }
        if (nats != null) {
            ServiceProbes.Outcome o = ServiceProbes.nats(nats, timeout);
            out.add(o.reachable() ? Finding.ok("nats", o.detail()) : Finding.error("nats", ErrorCode.NETWORK,
                    o.detail(), "start nats-server, or pass the right URL with --nats (or NATS_URL)"));
        }
        if (mqtt != null) {
            ServiceProbes.Outcome o = ServiceProbes.mqtt(mqtt, timeout);
            out.add(!o.reachable() ? Finding.error("mqtt", ErrorCode.NETWORK, o.detail(), "start the broker (p4n4 up"
                    + " iot), or pass the right URL with --mqtt (or MQTT_URL)") : o.accepted()
                    ? Finding.ok("mqtt", o.detail()) : Finding.warning("mqtt", o.detail(), "use MQTT_USER and"
                    + " MQTT_PASSWORD of the project's .env in clients"));
        }
        return new DoctorReport(out);
    }

    private void engineFindings(ContainerEngine engine, List<Finding> out) {
        if (project == null) {
            String version = engine.version().version();
            out.add(compatibility.checkEngine(engine.id(), engine.version()).map(Doctor::finding)
                    .orElse(Finding.ok("engine version", engine.id() + " " + version + " is supported ("
                            + compatibility.findEngineRange(engine.id()).map(Object::toString).orElse("any") + ")")));
            out.add(networkFinding(engine));
            return;
        }
        Platform platform = Platform.create(engine, project);
        List<ComposeProject> loaded = new ArrayList<>();
        for (StackId stack : platform.stacks()) {
            try {
                loaded.add(platform.load(stack));
            } catch (P4n4Exception e) {
                out.add(Finding.error("stack " + stack, e.code(), e.getMessage(), "run p4n4 validate"));
            }
        }
        EngineChecks.Result checks = EngineChecks.of(engine, compatibility).check(loaded);
        checks.passed().forEach(p -> out.add(Finding.ok("engine", p)));
        checks.problems().forEach(p -> out.add(finding(p)));
        if (loaded.stream().noneMatch(p -> p.networks().values().stream()
                .anyMatch(n -> n.name().equals(TemplateContext.NETWORK)))) {
            out.add(networkFinding(engine));
        }
        for (ComposeProject p : loaded) {
            List<ContainerInfo> own = engine.listContainers(ContainerFilter.running(
                    LabelFilter.of(ComposeLabels.PROJECT, p.name()))).stream()
                    .map(c -> engine.findContainer(c.id())).flatMap(Optional::stream).toList();
            for (ComposeService s : p.services().values()) {
                for (ServicePort port : s.ports()) {
                    port.findPublished().filter(v -> v.matches("[0-9]+")).map(Integer::parseInt)
                            .ifPresent(host -> out.add(portFinding(p, s, port, host, own)));
                }
            }
        }
    }

    private static Finding portFinding(ComposeProject p, ComposeService s, ServicePort port, int host,
            List<ContainerInfo> own) {
        String check = "port " + host + "/" + port.protocol();
        String who = " (" + p.name() + " " + s.name() + ")";
        Optional<ContainerInfo> mine = own.stream().filter(c -> c.ports().stream()
                .anyMatch(b -> b.hostPort() == host)).findFirst();
        if (mine.isPresent()) {
            return Finding.ok(check, "in use by this project's container " + mine.get().name() + who);
        }
        if (HostPorts.free(port.hostIp() == null ? "" : port.hostIp(), host, port.protocol())) {
            return Finding.ok(check, "free" + who);
        }
        return Finding.warning(check, "taken on this machine by something other than this project" + who
                + "; up will fail to publish it", "stop what listens on it (ss -ltnp 'sport = :" + host + "'), or"
                + " publish " + s.name() + " on another host port");
    }

    private Finding networkFinding(ContainerEngine engine) {
        String name = TemplateContext.NETWORK;
        Optional<NetworkInfo> net = engine.findNetwork(name);
        if (net.isEmpty()) {
            return Finding.info(name, "absent on " + engine.id() + "; p4n4 up iot creates it ("
                    + TemplateContext.SUBNET + ")");
        }
        if (!net.get().subnets().contains(TemplateContext.SUBNET)) {
            return Finding.error(name, ErrorCode.NETWORK, name + " on " + engine.id() + " has subnet "
                    + net.get().subnets() + ", not " + TemplateContext.SUBNET, "remove it (docker network rm " + name
                    + ") once nothing uses it; p4n4 up iot creates it again");
        }
        return Finding.ok(name, "present on " + engine.id() + " with subnet " + TemplateContext.SUBNET);
    }

    private static Finding envFinding(Path env) {
        if (!Files.isRegularFile(env)) {
            return Finding.warning(".env", env + " does not exist", "copy .env.example to .env and fill it in");
        }
        try {
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(env));
            if (mode.substring(3).equals("---------".substring(3))) {
                return Finding.ok(".env", env + " is private (" + mode + ")");
            }
            return Finding.warning(".env", env + " can be read by other users (" + mode + ")", "chmod 600 " + env);
        } catch (UnsupportedOperationException | IOException e) {
            return Finding.info(".env", "permissions of " + env + " not checked: " + e.getMessage());
        }
    }

    private static Finding finding(Problem p) {
        return p.isError() ? Finding.error(p.id(), p.errorCode(), p.message(), p.hint())
                : Finding.warning(p.id(), p.message(), p.hint());
    }

    /** Builds a {@link Doctor}. Not thread-safe. */
    public static final class Builder {
        private final EngineDiscovery discovery;
        private @Nullable Project project;
        private @Nullable URI nats;
        private @Nullable URI mqtt;
        private Duration timeout = Duration.ofSeconds(3);

        private Builder(EngineDiscovery discovery) {
            this.discovery = Objects.requireNonNull(discovery, "discovery");
        }

        /** The project whose ports, stacks and {@code .env} are checked; null: none. */
        public Builder project(@Nullable Project value) {
            this.project = value;
            return this;
        }

        /** The NATS server to reach ({@code nats://host:port}); null: not checked. */
        public Builder nats(@Nullable URI value) {
            this.nats = value;
            return this;
        }

        /** The MQTT broker to reach ({@code mqtt://host:port}); null: not checked. */
        public Builder mqtt(@Nullable URI value) {
            this.mqtt = value;
            return this;
        }

        /** How long each network probe may take (default 3 s). */
        public Builder timeout(Duration value) {
            this.timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        /** The doctor. */
        public Doctor build() {
            return new Doctor(this);
        }
    }
}
