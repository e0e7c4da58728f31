package io.p4n4.docker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.CreateNetworkCmd;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import io.p4n4.api.EngineException;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.engine.BuildSpec;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFiles;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerHealth;
import io.p4n4.api.engine.ContainerInfo;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.EngineCapability;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.api.engine.EngineEvent;
import io.p4n4.api.engine.EngineInfo;
import io.p4n4.api.engine.EngineVersion;
import io.p4n4.api.engine.EventFilter;
import io.p4n4.api.engine.ExecOptions;
import io.p4n4.api.engine.ExecResult;
import io.p4n4.api.engine.ImageInfo;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.LogLine;
import io.p4n4.api.engine.LogOptions;
import io.p4n4.api.engine.LogStream;
import io.p4n4.api.engine.NetworkAttachment;
import io.p4n4.api.engine.NetworkInfo;
import io.p4n4.api.engine.OutputTail;
import io.p4n4.api.engine.NetworkSpec;
import io.p4n4.api.engine.PullListener;
import io.p4n4.api.registry.RegistryCredentialStore;
import io.p4n4.api.engine.RemoveContainerOptions;
import io.p4n4.api.engine.RemoveVolumeOptions;
import io.p4n4.api.engine.Subscription;
import io.p4n4.api.engine.VolumeInfo;
import io.p4n4.api.engine.VolumeSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ContainerEngine} on the Docker Engine API. Reads (ping, version, info, inspect and list of
 * containers, networks, volumes, images) are sent as plain requests and mapped from their JSON
 * ({@link EngineJson}, {@link JsonMapping}); everything else goes through docker-java. Two docker-java clients
 * share the endpoint, both built on first use: one with the configured read timeout for requests, one
 * without for streams (events, followed logs), which may stay silent for a long time. Thread-safe.
 */
public final class DockerContainerEngine implements ContainerEngine {
    private static final Logger LOG = LoggerFactory.getLogger(DockerContainerEngine.class);

    private final URI endpoint;
    private final String apiVersion;
    private final String serverApiVersion;
    private final boolean podman;
    private final Set<EngineCapability> capabilities;
    private final DockerHttpClient requestHttp;
    private final EngineJson json;
    private final LazyDockerClient requests;
    private final LazyDockerClient streams;
    private final Set<Subscription> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile @Nullable HostFeatures hostFeatures;
    private final RegistryCredentialStore credentials;

    private DockerContainerEngine(EngineConfig config, RegistryCredentialStore credentials) {
        this.endpoint = config.endpoint();
        this.credentials = credentials;
        URI host = URI.create(endpoint.toString().replaceFirst("^http://", "tcp://"));
        this.requestHttp = DockerTransports.requests(host, config);
        try {
            JsonNode version = ApiVersionNegotiation.fetchVersion(requestHttp, host);
            String server = JsonMapping.text(version, "ApiVersion");
            this.serverApiVersion = server == null ? "" : server;
            this.podman = PodmanCompat.isPodman(version);
            this.apiVersion = ApiVersionNegotiation.negotiate(serverApiVersion);
            this.capabilities = capabilities(podman);
        } catch (RuntimeException e) {
            closeQuietly(requestHttp);
            throw e;
        }
        this.json = new EngineJson(requestHttp, apiVersion);
        Supplier<DockerClientConfig> dockerConfig = () -> SharedMapperConfig.of(DefaultDockerClientConfig
                .createDefaultConfigBuilder().withDockerHost(host.toString()).withDockerTlsVerify(false)
                .withApiVersion(apiVersion).build());
        this.requests = new LazyDockerClient("request", () -> requestHttp, false, dockerConfig);
        this.streams = new LazyDockerClient("stream", () -> DockerTransports.streams(host, config), true, dockerConfig);
        LOG.debug("docker at {}: server API {}, speaking {}{}", endpoint, serverApiVersion, apiVersion,
                podman ? " (Podman's Docker-compatible API)" : "");
    }

    /**
     * Every optional operation; Docker runs every container's healthcheck on its interval, Podman (reached
     * through this API) does not.
     */
    private static Set<EngineCapability> capabilities(boolean podman) {
        Set<EngineCapability> all = EnumSet.allOf(EngineCapability.class);
        if (podman) {
            all.remove(EngineCapability.HEALTHCHECKS_RUN_BY_ENGINE);
        }
        return Collections.unmodifiableSet(all);
    }

    /** Connects to the engine at {@code config.endpoint()} and negotiates the API version. */
    public static DockerContainerEngine connect(EngineConfig config) {
        return connect(config, RegistryCredentialStore.fromEnvironment(RegistryCredentialStore.Order.DOCKER_CONFIG_FIRST));
    }

    /** Connects like {@link #connect(EngineConfig)}; pulls take their registry credentials from {@code credentials}. */
    public static DockerContainerEngine connect(EngineConfig config, RegistryCredentialStore credentials) {
        return new DockerContainerEngine(config, credentials);
    }

    /** The API version requests use. */
    public String apiVersion() {
        return apiVersion;
    }

    @Override
    public String id() {
        return DockerErrors.ENGINE;
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public Set<EngineCapability> capabilities() {
        return capabilities;
    }

    /** docker-java's request client, built on first use. */
    private DockerClient client() {
        return requests.get();
    }

    /** Whether docker-java's request client was built (for tests: reads must not build it). */
    boolean dockerJavaClientBuilt() {
        return requests.built() || streams.built();
    }

    private <T> T call(String operation, String resource, Supplier<T> body) {
        if (closed.get()) {
            throw new EngineException(id(), resource, "docker: " + operation + " after the engine was closed", null);
        }
        try {
            return body.get();
        } catch (RuntimeException e) {
            throw DockerErrors.wrap(endpoint, operation, resource, e);
        }
    }

    private void run(String operation, String resource, Runnable body) {
        call(operation, resource, () -> {
            body.run();
            return null;
        });
    }

    /** Runs a removal; a 404 becomes false. */
    private boolean remove(String operation, String resource, Runnable body) {
        return call(operation, resource, () -> {
            try {
                body.run();
                return true;
            } catch (RuntimeException e) {
                if (DockerErrors.isNotFound(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    // --- engine ---

    @Override
    public void ping() {
        run("ping", null, () -> json.text("/_ping"));
    }

    @Override
    public EngineVersion version() {
        JsonNode v = call("version", null, () -> json.get("/version"));
        String product = podman ? "Podman Engine (Docker-compatible API)" : "Docker Engine";
        return new EngineVersion(product, JsonMapping.text(v, "Version"), JsonMapping.text(v, "ApiVersion"),
                apiVersion, JsonMapping.text(v, "Os"), JsonMapping.text(v, "Arch"));
    }

    @Override
    public EngineInfo info() {
        JsonNode i = call("info", null, () -> json.get("/info"));
        boolean rootless = false;
        for (JsonNode o : i.path("SecurityOptions")) {
            rootless |= o.asText().contains("rootless");
        }
        return EngineInfo.builder(id(), endpoint, version())
                .containers(i.path("Containers").asInt(0))
                .images(i.path("Images").asInt(0))
                .storageDriver(JsonMapping.text(i, "Driver")).rootless(rootless).build();
    }

    // --- images ---

    @Override
    public Optional<ImageInfo> findImage(String image) {
        return call("inspect image", image,
                () -> json.find("/images/" + EngineJson.segment(image) + "/json").map(JsonMapping::image));
    }

    @Override
    public void pullImage(String image, PullListener listener) {
        new DockerPull(endpoint, streams.get(), credentials, closed::get).pull(image, listener);
    }

    @Override
    public void tagImage(String source, String target) {
        ImageReference ref = ImageReference.parse(target);
        run("tag image", source, () -> client().tagImageCmd(source, ref.repository(), ref.tag()).exec());
    }

    @Override
    public String buildImage(BuildSpec spec, Consumer<String> output) {
        spec.requireFiles();
        String tag = spec.tags().get(0);
        OutputTail tail = spec.outputTail(output);
        AtomicReference<String> error = new AtomicReference<>();
        AtomicReference<String> imageId = new AtomicReference<>();
        run("build image", tag, () -> {
            ResultCallback.Adapter<BuildResponseItem> cb = new ResultCallback.Adapter<>() {
                @Override
                public void onNext(BuildResponseItem item) {
                    if (item.isErrorIndicated()) {
                        error.compareAndSet(null, item.getErrorDetail() != null
                                ? item.getErrorDetail().getMessage() : "the builder reported an error");
                    } else if (item.getStream() != null) {
                        item.getStream().lines().forEach(tail);
                    }
                    if (item.getImageId() != null) {
                        imageId.set(item.getImageId());
                    }
                }
            };
            // docker-java tars the context itself and leaves out what .dockerignore names
            BuildImageCmd cmd = streams.get().buildImageCmd().withBaseDirectory(spec.context().toFile())
                    .withDockerfile(spec.dockerfilePath().toFile()).withTags(new HashSet<>(spec.tags()))
                    .withLabels(spec.labels()).withNoCache(spec.noCache()).withPull(false).withRemove(true);
            spec.args().forEach(cmd::withBuildArg);
            if (spec.target() != null) {
                cmd.withTarget(spec.target());
            }
            try {
                cmd.exec(cb).awaitCompletion();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException(id(), tag, "docker: build of " + tag + " was interrupted", e);
            }
        });
        if (error.get() != null) {
            throw spec.failure(id(), error.get(), tail);
        }
        return imageId.get() != null ? imageId.get() : inspectImage(tag).id();
    }

    // --- networks ---

    @Override
    public NetworkInfo createNetwork(NetworkSpec spec) {
        String id = call("create network", spec.name(), () -> {
            CreateNetworkCmd cmd = client().createNetworkCmd().withName(spec.name()).withDriver(spec.driver())
                    .withLabels(spec.labels()).withInternal(spec.internal())
                    // API 1.41 allows two networks of one name unless asked not to
                    .withCheckDuplicate(true);
            if (spec.findSubnet().isPresent() || spec.findGateway().isPresent()) {
                Network.Ipam.Config c = new Network.Ipam.Config();
                spec.findSubnet().ifPresent(c::withSubnet);
                spec.findGateway().ifPresent(c::withGateway);
                cmd.withIpam(new Network.Ipam().withConfig(c));
            }
            return cmd.exec().getId();
        });
        return findNetwork(id).orElseThrow(() -> new EngineException(id(), spec.name(),
                "docker: network " + spec.name() + " vanished right after it was created", null));
    }

    @Override
    public Optional<NetworkInfo> findNetwork(String name) {
        return call("inspect network", name,
                () -> json.find("/networks/" + EngineJson.segment(name)).map(JsonMapping::network));
    }

    @Override
    public List<NetworkInfo> listNetworks(LabelFilter labels) {
        return call("list networks", null, () -> {
            List<NetworkInfo> out = new ArrayList<>();
            for (JsonNode n : json.get("/networks" + EngineJson.labelFilter('?', labels.conditions()))) {
                out.add(JsonMapping.network(n));
            }
            return out;
        });
    }

    @Override
    public boolean removeNetwork(String name) {
        return remove("remove network", name, () -> client().removeNetworkCmd(name).exec());
    }

    @Override
    public void connectNetwork(String container, NetworkAttachment attachment) {
        run("connect to network " + attachment.network() + " container", container, () ->
                client().connectToNetworkCmd().withNetworkId(attachment.network()).withContainerId(container)
                        .withContainerNetwork(new ContainerNetwork().withAliases(attachment.aliases())
                                .withIpamConfig(new ContainerNetwork.Ipam().withIpv4Address(attachment.ipv4Address())
                                        .withIpv6Address(attachment.ipv6Address()))).exec());
    }

    // --- volumes ---

    @Override
    public VolumeInfo createVolume(VolumeSpec spec) {
        run("create volume", spec.name(), () -> client().createVolumeCmd().withName(spec.name())
                .withDriver(spec.driver()).withLabels(spec.labels()).withDriverOpts(spec.options()).exec());
        return findVolume(spec.name()).orElseThrow(() -> new EngineException(id(), spec.name(),
                "docker: volume " + spec.name() + " vanished right after it was created", null));
    }

    @Override
    public Optional<VolumeInfo> findVolume(String name) {
        return call("inspect volume", name,
                () -> json.find("/volumes/" + EngineJson.segment(name)).map(JsonMapping::volume));
    }

    @Override
    public List<VolumeInfo> listVolumes(LabelFilter labels) {
        return call("list volumes", null, () -> {
            List<VolumeInfo> out = new ArrayList<>();
            JsonNode response = json.get("/volumes" + EngineJson.labelFilter('?', labels.conditions()));
            for (JsonNode v : response.path("Volumes")) {
                out.add(JsonMapping.volume(v));
            }
            return out;
        });
    }

    @Override
    public boolean removeVolume(String name, RemoveVolumeOptions options) {
        // Docker has no force that removes the containers using a volume (the contract says so)
        return remove("remove volume", name, () -> client().removeVolumeCmd(name).exec());
    }

    // --- containers ---

    @Override
    public Map<String, String> unsupportedSettings(ContainerSpec spec) {
        return DockerUnsupportedSettings.of(spec, apiVersion, hostFeatures(), podman);
    }

    /** The host's kernel features, asked once: they do not change while the daemon runs. */
    private HostFeatures hostFeatures() {
        HostFeatures f = hostFeatures;
        if (f == null) {
            f = HostFeatures.of(call("info", null, () -> json.get("/info")));
            hostFeatures = f;
        }
        return f;
    }

    @Override
    public String createContainer(ContainerSpec spec) {
        String resource = spec.findName().orElse(spec.image());
        refuseUnsupported(spec, resource);
        if (podman) {
            spec.findPlatform().ifPresent(p -> requirePlatform(spec.image(), p, resource));
        }
        CreateContainerResponse created = call("create container", resource, () -> {
            try {
                return CreateContainerMapping.apply(spec, client().createContainerCmd(spec.image())).exec();
            } catch (RuntimeException e) {
                if (DockerErrors.isNotFound(e) && DockerErrors.serverMessage(e).toLowerCase().contains("image")) {
                    throw new EngineException(id(), spec.image(), "docker: cannot create container " + resource
                            + ": image " + spec.image() + " is not present locally (" + DockerErrors.serverMessage(e)
                            + "); pull it first or build it locally", e);
                }
                throw e;
            }
        });
        String id = created.getId();
        try {
            refuseDroppedSettings(created, resource);
            List<NetworkAttachment> networks = spec.networks();
            for (int i = 1; i < networks.size(); i++) {
                connectNetwork(id, networks.get(i));
            }
            writeFiles(id, resource, spec);
        } catch (RuntimeException e) {
            // a container without all of its settings or files must not stay behind to be started later
            removeQuietly(id);
            throw e;
        }
        return id;
    }

    private void refuseUnsupported(ContainerSpec spec, String resource) {
        Map<String, String> unsupported = unsupportedSettings(spec);
        if (!unsupported.isEmpty()) {
            StringBuilder m = new StringBuilder("docker: cannot create container " + resource + ": ");
            unsupported.forEach((setting, why) -> m.append("setting '").append(setting).append("' cannot be applied: ")
                    .append(why).append("; "));
            throw new EngineException(ErrorCode.USER, id(), resource, m.substring(0, m.length() - 2), null);
        }
    }

    /**
     * Podman's Docker-compatible API, unlike dockerd, runs a local image of another platform than the one
     * asked for; refuse that as dockerd does.
     */
    private void requirePlatform(String image, String platform, String resource) {
        findImage(image).ifPresent(info -> {
            String[] wanted = platform.split("/");
            if (!wanted[0].equals(info.os()) || wanted.length > 1 && !wanted[1].equals(info.architecture())) {
                throw new EngineException(id(), resource, "docker: cannot create container " + resource + ": image "
                        + image + " is for " + info.os() + "/" + info.architecture() + ", not for platform "
                        + platform + "; use an image built for " + platform + " or change the service's platform",
                        null);
            }
        });
    }

    private void refuseDroppedSettings(CreateContainerResponse created, String resource) {
        List<String> dropped = CreateWarnings.droppedSettings(created.getWarnings());
        if (!dropped.isEmpty()) {
            throw new EngineException(ErrorCode.USER, id(), resource, "docker: cannot create container " + resource
                    + ": the engine would run it without some of its settings (" + String.join(" ", dropped)
                    + "); remove those settings or run on a host whose kernel supports them", null);
        }
        if (created.getWarnings() != null && created.getWarnings().length > 0) {
            LOG.warn("docker: creating {} warned: {}", resource, String.join(" ", created.getWarnings()));
        }
    }

    /** Writes the spec's files through the archive API; the tar entries carry their owners and modes. */
    private void writeFiles(String id, String resource, ContainerSpec spec) {
        if (spec.files().isEmpty()) {
            return;
        }
        byte[] tar = ContainerFiles.tar(spec.files());
        run("write files into container", resource, () -> client().copyArchiveToContainerCmd(id).withRemotePath("/")
                .withTarInputStream(new ByteArrayInputStream(tar)).exec());
    }

    private void removeQuietly(String id) {
        try {
            client().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (RuntimeException e) {
            LOG.warn("docker: could not remove the half-created container {}: {}", id, e.getMessage());
        }
    }

    @Override
    public void startContainer(String container) {
        run("start container", container, () -> {
            try {
                client().startContainerCmd(container).exec();
            } catch (NotModifiedException alreadyRunning) {
                // the contract: starting a running container is a no-op
            }
        });
    }

    @Override
    public void stopContainer(String container, Duration timeout) {
        run("stop container", container, () -> {
            try {
                client().stopContainerCmd(container).withTimeout((int) Math.max(0, timeout.toSeconds())).exec();
            } catch (NotModifiedException alreadyStopped) {
                // the contract: stopping a stopped container is a no-op
            }
        });
    }

    @Override
    public void killContainer(String container, String signal) {
        run("kill container", container, () -> client().killContainerCmd(container).withSignal(signal).exec());
    }

    @Override
    public boolean removeContainer(String container, RemoveContainerOptions options) {
        return remove("remove container", container, () -> client().removeContainerCmd(container)
                .withForce(options.force()).withRemoveVolumes(options.anonymousVolumes()).exec());
    }

    @Override
    public Optional<ContainerInfo> findContainer(String container) {
        return call("inspect container", container,
                () -> json.find("/containers/" + EngineJson.segment(container) + "/json").map(JsonMapping::container));
    }

    @Override
    public List<ContainerSummary> listContainers(ContainerFilter filter) {
        return call("list containers", null, () -> {
            String query = filter.includeStopped() ? "?all=1" : "";
            query += EngineJson.labelFilter(query.isEmpty() ? '?' : '&', filter.labels().conditions());
            List<ContainerSummary> out = new ArrayList<>();
            for (JsonNode c : json.get("/containers/json" + query)) {
                out.add(JsonMapping.summary(c));
            }
            return out;
        });
    }

    @Override
    public List<LogLine> logs(String container, LogOptions options) {
        if (options.follow()) {
            throw new IllegalArgumentException("logs() does not follow; use streamLogs() for follow=true");
        }
        List<LogLine> lines = Collections.synchronizedList(new ArrayList<>());
        Subscription s = streamLogs(container, options, lines::add);
        try {
            while (!s.awaitTermination(Duration.ofSeconds(1))) {
                if (closed.get()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            s.close();
            throw new EngineException(id(), container, "docker: reading logs of " + container + " was interrupted", e);
        }
        s.findFailure().ifPresent(f -> {
            throw f;
        });
        return List.copyOf(lines);
    }

    @Override
    public Subscription streamLogs(String container, LogOptions options, Consumer<LogLine> consumer) {
        LogLineAssembler assembler = new LogLineAssembler(options.timestamps());
        AtomicReference<Subscription> self = new AtomicReference<>();
        CallbackSubscription<Frame, LogLine> sub = new CallbackSubscription<>(
                frame -> assembler.add(frame.getStreamType() == StreamType.STDERR ? LogStream.STDERR : LogStream.STDOUT,
                        frame.getPayload()),
                consumer,
                e -> DockerErrors.wrap(endpoint, "read logs of container", container, e),
                assembler::flush,
                () -> open.remove(self.get()));
        self.set(sub);
        open.add(sub);
        run("read logs of container", container, () -> {
            LogContainerCmd cmd = (options.follow() ? streams.get() : client()).logContainerCmd(container)
                    .withStdOut(options.stdout()).withStdErr(options.stderr())
                    .withTimestamps(options.timestamps()).withFollowStream(options.follow());
            if (options.tail() >= 0) {
                cmd.withTail(options.tail());
            } else {
                cmd.withTailAll();
            }
            if (options.since().getEpochSecond() > 0) {
                // docker-java sends an int: a since past 2038-01-19 (later than any log line) is clamped, not
                // wrapped into the past
                cmd.withSince((int) Math.min(Integer.MAX_VALUE, options.since().getEpochSecond()));
            }
            cmd.exec(sub);
        });
        return sub;
    }

    @Override
    public ExecResult exec(String container, List<String> command) {
        return exec(container, command, ExecOptions.defaults());
    }

    @Override
    public ExecResult exec(String container, List<String> command, ExecOptions options) {
        return call("exec in container", container, () -> {
            var create = client().execCreateCmd(container).withCmd(command.toArray(new String[0]))
                    .withAttachStdout(true).withAttachStderr(true);
            if (!options.environment().isEmpty()) {
                create.withEnv(options.environmentEntries());
            }
            options.findUser().ifPresent(create::withUser);
            options.findWorkingDir().ifPresent(create::withWorkingDir);
            String execId = create.exec().getId();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ResultCallback.Adapter<Frame> cb = new ResultCallback.Adapter<>() {
                @Override
                public void onNext(Frame frame) {
                    (frame.getStreamType() == StreamType.STDERR ? err : out).writeBytes(frame.getPayload());
                }
            };
            try {
                client().execStartCmd(execId).exec(cb).awaitCompletion();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException(id(), container, "docker: exec in " + container + " was interrupted", e);
            }
            Long exit = client().inspectExecCmd(execId).exec().getExitCodeLong();
            return new ExecResult(exit == null ? -1 : exit.intValue(), out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        });
    }

    // --- health ---

    /**
     * Docker runs checks itself, so this only reports the current health. On Podman's socket the check is run
     * once now through libpod's healthcheck endpoint (Podman records the result), then reported.
     */
    @Override
    public ContainerHealth runHealthcheck(String container) {
        if (podman) {
            boolean hasCheck = call("run healthcheck of container", container, () -> {
                try {
                    return PodmanCompat.runHealthcheck(requestHttp, endpoint, container);
                } catch (EngineException e) {
                    if (findContainer(container).isEmpty()) {
                        throw new EngineException(id(), container, "container " + container + " does not exist on "
                                + endpoint, e);
                    }
                    throw e;
                }
            });
            if (!hasCheck) {
                return ContainerHealth.NONE;
            }
        }
        return inspectContainer(container).health();
    }

    // --- events ---

    @Override
    public Subscription events(EventFilter filter, Consumer<EngineEvent> consumer) {
        AtomicReference<Subscription> self = new AtomicReference<>();
        CallbackSubscription<JsonNode, EngineEvent> sub = new CallbackSubscription<>(
                e -> {
                    EngineEvent ev = JsonMapping.event(e);
                    return filter.matches(ev) ? List.of(ev) : List.of();
                },
                consumer,
                e -> DockerErrors.wrap(endpoint, "stream events", null, e),
                List::of,
                () -> open.remove(self.get()));
        self.set(sub);
        open.add(sub);
        run("stream events", null, () -> EngineEventStream.start(streams.http(), apiVersion, Map.of(
                "label", filter.labels().conditions(),
                "type", filter.types().stream().map(t -> t.name().toLowerCase(java.util.Locale.ROOT)).toList()), sub));
        return sub;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            for (Subscription s : List.copyOf(open)) {
                s.close();
            }
            closeQuietly(requests);
            closeQuietly(streams);
            closeQuietly(requestHttp);
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing a docker connection failed", e);
        }
    }

    @Override
    public String toString() {
        return "DockerContainerEngine[" + endpoint + ", API " + apiVersion + "]";
    }
}
