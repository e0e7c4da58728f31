package io.p4n4.agent.podman;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.EngineVersion;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.Mount;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.engine.Protocol;
import io.p4n4.api.engine.RemoveContainerOptions;
import io.p4n4.api.engine.RestartPolicy;
import io.p4n4.api.score.ApplyOutcome;
import io.p4n4.api.score.DeployedScore;
import io.p4n4.api.score.DeviceIds;
import io.p4n4.api.score.InterpreterPlatform;
import io.p4n4.api.score.ScoreType;
import io.p4n4.api.score.Topology;
import io.p4n4.api.spi.ScoreInterpreter;
import io.p4n4.agent.score.PodmanService;
import io.p4n4.agent.score.PodmanV0Score;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link PodmanV0Score}s as containers on any {@link ContainerEngine} (Podman or Docker). Every
 * container is labelled with the device, the deployment, the service, the number of services and the
 * Score hash, so the agent finds after a restart what it already runs. A changed Score replaces the
 * deployment's containers (stop with the timeout, then kill and remove; then create and start); a
 * deleted one removes them. Images are pulled only when missing.
 *
 * <p>Thread-safe if the engine is; the agent calls it from one thread.
 */
public final class PodmanV0Interpreter implements ScoreInterpreter<PodmanV0Score> {

    /** Label: which agent manages the container. */
    public static final String LABEL_MANAGED_BY = "io.p4n4.managed-by";
    /** Label: the device id. */
    public static final String LABEL_DEVICE = "io.p4n4.device";
    /** Label: the deployment name. */
    public static final String LABEL_DEPLOYMENT = "io.p4n4.deployment";
    /** Label: the service name within the Score. */
    public static final String LABEL_SERVICE = "io.p4n4.service";
    /** Label: the SHA-256 of the canonical Score the container was created from. */
    public static final String LABEL_SCORE_HASH = "io.p4n4.score-hash";
    /** Label: how many services the Score has (a missing container means "not converged"). */
    public static final String LABEL_SERVICES = "io.p4n4.services";

    private static final Logger LOG = LoggerFactory.getLogger(PodmanV0Interpreter.class);
    private static final String MANAGER = "p4n4-agent";

    private final ContainerEngine engine;
    private final String deviceId;
    private final Duration stopTimeout;
    private volatile InterpreterPlatform platform;

    private PodmanV0Interpreter(ContainerEngine engine, String deviceId, Duration stopTimeout) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.deviceId = DeviceIds.requireValid("device id", deviceId);
        this.stopTimeout = Objects.requireNonNull(stopTimeout, "stopTimeout");
    }

    /**
     * Returns an interpreter for the device on the engine.
     *
     * @param stopTimeout how long a container gets to stop before it is killed (the seed's v0 used 5 min;
     *     keep it well under the agent's shutdown budget if you replace containers while stopping)
     */
    public static PodmanV0Interpreter create(ContainerEngine engine, String deviceId, Duration stopTimeout) {
        return new PodmanV0Interpreter(engine, deviceId, stopTimeout);
    }

    @Override
    public String id() {
        return "containers-" + engine.id();
    }

    @Override
    public ScoreType<PodmanV0Score> scoreType() {
        return PodmanV0Score.TYPE;
    }

    /**
     * Returns what the engine reports it runs on: its architecture (from its version endpoint) and its id
     * as the runtime ({@code podman}, {@code docker}). Asked once, then cached; an engine that reports no
     * architecture is taken to run any.
     *
     * @throws io.p4n4.api.P4n4Exception (ENGINE) when the engine does not answer; asked again next time
     */
    @Override
    public InterpreterPlatform platform() {
        InterpreterPlatform known = platform;
        if (known == null) {
            EngineVersion version = engine.version();
            String architecture = version.architecture().isBlank() ? InterpreterPlatform.ANY : version.architecture();
            String product = version.product().isBlank() ? engine.id() : version.product();
            known = new InterpreterPlatform(architecture, engine.id(),
                    product + " " + version.version() + " at " + engine.endpoint());
            platform = known;
        }
        return known;
    }

    @Override
    public ApplyOutcome apply(String deployment, PodmanV0Score score, String scoreHash, Topology topology) {
        List<ContainerSummary> existing = containersOf(deployment);
        if (converged(existing, score.services().size(), scoreHash)) {
            return ApplyOutcome.running("unchanged: " + existing.size() + " container(s) already run this Score");
        }
        // replace: the Score changed, or some container is missing or not running
        existing.forEach(this::stopAndRemove);
        for (PodmanService service : score.services()) {
            if (!engine.imageExists(service.image())) {
                LOG.info("pulling {} for {}/{}", service.image(), deployment, service.name());
                engine.pullImage(service.image(), progress -> { });
            }
            String id = engine.createContainer(spec(deployment, score, service, scoreHash));
            engine.startContainer(id);
        }
        return ApplyOutcome.running("started " + score.services().size() + " container(s)");
    }

    @Override
    public void remove(String deployment) {
        containersOf(deployment).forEach(this::stopAndRemove);
    }

    @Override
    public List<DeployedScore> deployed() {
        Map<String, List<ContainerSummary>> byDeployment = new TreeMap<>();
        for (ContainerSummary c : engine.listContainers(ContainerFilter.all(
                LabelFilter.of(LABEL_MANAGED_BY, MANAGER).and(LABEL_DEVICE, deviceId)))) {
            String deployment = c.labels().get(LABEL_DEPLOYMENT);
            if (deployment != null) {
                byDeployment.computeIfAbsent(deployment, k -> new ArrayList<>()).add(c);
            }
        }
        List<DeployedScore> out = new ArrayList<>();
        byDeployment.forEach((deployment, containers) -> {
            String hash = containers.get(0).labels().getOrDefault(LABEL_SCORE_HASH, "");
            int expected = parseCount(containers.get(0).labels().get(LABEL_SERVICES));
            // report a hash only when everything runs: anything else makes the agent apply again
            out.add(new DeployedScore(deployment, converged(containers, expected, hash) ? hash : ""));
        });
        return out;
    }

    /** Returns the container name of a service: {@code p4n4-<device>-<deployment>-<service>}. */
    public String containerName(String deployment, String service) {
        return "p4n4-" + deviceId + "-" + deployment + "-" + service;
    }

    private List<ContainerSummary> containersOf(String deployment) {
        return engine.listContainers(ContainerFilter.all(LabelFilter.of(LABEL_MANAGED_BY, MANAGER)
                .and(LABEL_DEVICE, deviceId).and(LABEL_DEPLOYMENT, deployment)));
    }

    private static boolean converged(List<ContainerSummary> containers, int expected, String hash) {
        if (expected <= 0 || containers.size() != expected || hash.isEmpty()) {
            return false;
        }
        for (ContainerSummary c : containers) {
            if (c.state() != ContainerState.RUNNING || !hash.equals(c.labels().get(LABEL_SCORE_HASH))) {
                return false;
            }
        }
        return true;
    }

    private void stopAndRemove(ContainerSummary container) {
        if (container.state().isAlive()) {
            // the engine sends the stop signal, waits up to the timeout, then kills
            engine.stopContainer(container.id(), stopTimeout);
        }
        engine.removeContainer(container.id(), RemoveContainerOptions.forced().withAnonymousVolumes());
    }

    private ContainerSpec spec(String deployment, PodmanV0Score score, PodmanService service, String hash) {
        Map<String, String> labels = new HashMap<>();
        labels.put(LABEL_MANAGED_BY, MANAGER);
        labels.put(LABEL_DEVICE, deviceId);
        labels.put(LABEL_DEPLOYMENT, deployment);
        labels.put(LABEL_SERVICE, service.name());
        labels.put(LABEL_SCORE_HASH, hash);
        labels.put(LABEL_SERVICES, String.valueOf(score.services().size()));
        ContainerSpec.Builder spec = ContainerSpec.builder(service.image())
                .name(containerName(deployment, service.name()))
                .labels(labels)
                .env(service.env())
                .restartPolicy(service.restart() == null ? RestartPolicy.NO : RestartPolicy.parse(service.restart()));
        if (!service.command().isEmpty()) {
            spec.command(service.command());
        }
        for (String port : service.ports()) {
            spec.port(portBinding(port));
        }
        for (String volume : service.volumes()) {
            spec.mount(mount(volume));
        }
        return spec.build();
    }

    static PortBinding portBinding(String port) {
        String protocol = "tcp";
        String ports = port;
        int slash = port.indexOf('/');
        if (slash >= 0) {
            protocol = port.substring(slash + 1);
            ports = port.substring(0, slash);
        }
        int colon = ports.indexOf(':');
        int host = colon < 0 ? 0 : Integer.parseInt(ports.substring(0, colon));
        int container = Integer.parseInt(ports.substring(colon + 1));
        return new PortBinding(container, Protocol.parse(protocol), "", host);
    }

    static Mount mount(String volume) {
        String[] parts = volume.split(":", -1);
        boolean readOnly = parts.length > 2 && parts[2].equals("ro");
        String source = parts[0];
        Mount mount = source.startsWith("/") || source.startsWith(".")
                ? Mount.bind(source, parts[1]) : Mount.volume(source, parts[1]);
        return readOnly ? mount.asReadOnly() : mount;
    }

    private static int parseCount(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
