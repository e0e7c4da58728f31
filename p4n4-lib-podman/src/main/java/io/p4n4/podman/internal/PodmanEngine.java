package io.p4n4.podman.internal;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.p4n4.api.engine.NetworkAttachment;
import io.p4n4.api.engine.NetworkInfo;
import io.p4n4.api.engine.NetworkSpec;
import io.p4n4.api.engine.PullListener;
import io.p4n4.api.registry.RegistryCredentialStore;
import io.p4n4.api.engine.RemoveContainerOptions;
import io.p4n4.api.engine.RemoveVolumeOptions;
import io.p4n4.api.engine.Subscription;
import io.p4n4.api.engine.VolumeInfo;
import io.p4n4.api.engine.VolumeSpec;
import io.p4n4.podman.internal.libpod.JsonObjectReader;
import io.p4n4.podman.internal.libpod.LibpodHttp;
import io.p4n4.podman.internal.libpod.LibpodModels;
import io.p4n4.podman.internal.libpod.LibpodResponse;
import io.p4n4.podman.internal.libpod.PodmanUnsupportedSettings;
import io.p4n4.podman.internal.libpod.SpecGenerator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ContainerEngine} on Podman's libpod REST API (v4+), over the unix socket.
 *
 * <p>Podman without systemd never runs healthchecks by itself, so this engine runs them (libpod's
 * {@code GET /containers/{name}/healthcheck}): once per {@link #runHealthcheck} call, and in the
 * background on each container's interval while its health is being awaited — polled through
 * {@link #findContainer} or {@link #runHealthcheck} in the last few intervals, or while an event
 * subscription that saw the container start is open. {@link #close()} ends all of it.
 *
 * <p>Thread-safe; {@link #close()} is idempotent.
 */
public final class PodmanEngine implements ContainerEngine {
    private static final Logger LOG = LoggerFactory.getLogger(PodmanEngine.class);
    public static final String ID = "podman";
    /**
     * Every optional operation; not {@link EngineCapability#HEALTHCHECKS_RUN_BY_ENGINE}: without systemd timers
     * nothing runs them, and the API cannot tell whether systemd does, so this engine runs them itself.
     */
    private static final Set<EngineCapability> CAPABILITIES = java.util.Collections.unmodifiableSet(
            EnumSet.complementOf(EnumSet.of(EngineCapability.HEALTHCHECKS_RUN_BY_ENGINE)));

    private final LibpodHttp http;
    private final PodmanHealth health;
    private final Set<StreamSubscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final Logs logs;
    private final Images images;
    private final Networks networks;
    private final Volumes volumes;
    private volatile boolean closed;
    private volatile EngineVersion version;

    /**
     * Connects to the service at {@code config.endpoint()} (no request is made yet); pulls take their registry
     * credentials from Podman's auth file, then the Docker config file.
     */
    public PodmanEngine(EngineConfig config) {
        this(config, RegistryCredentialStore.fromEnvironment(RegistryCredentialStore.Order.PODMAN_AUTH_FILE_FIRST));
    }

    /** Connects like {@link #PodmanEngine(EngineConfig)}; pulls take their credentials from {@code credentials}. */
    public PodmanEngine(EngineConfig config, RegistryCredentialStore credentials) {
        this.http = LibpodHttp.create(config.endpoint(), config.connectTimeout(), config.readTimeout());
        this.health = new PodmanHealth(http, this::inspectRaw);
        this.logs = new Logs(http);
        this.images = new Images(http, new ImagePull(http, credentials));
        this.networks = new Networks(http);
        this.volumes = new Volumes(http);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public URI endpoint() {
        return http.endpoint();
    }

    @Override
    public Set<EngineCapability> capabilities() {
        return CAPABILITIES;
    }

    // --- the engine itself ---

    @Override
    public void ping() {
        libpodVersion();
    }

    /**
     * Pings libpod and returns its API version from the {@code Libpod-Api-Version} header: a cheap way to
     * tell Podman from Docker (whose daemon has no {@code /libpod} paths). Throws ENGINE otherwise.
     */
    public String libpodVersion() {
        LibpodResponse r = http.request("GET", "_ping").send();
        java.util.Optional<String> libpod = r.findHeader("Libpod-Api-Version");
        if (r.status() == 404 || r.isSuccess() && libpod.isEmpty()) {
            throw new EngineException(ID, null, "the service at " + endpoint() + " is not Podman (no libpod API);"
                    + " point CONTAINER_HOST at a Podman socket, or use the docker engine for a Docker socket", null);
        }
        r.requireSuccess();
        PodmanVersions.requireSupported(libpod.orElse(""), endpoint());
        return libpod.orElse("");
    }

    @Override
    public EngineVersion version() {
        EngineVersion v = version;
        if (v == null) {
            // /version runs conmon and the OCI runtime to report theirs: slow (1-2 s), so ask once
            v = PodmanVersions.parse(http.request("GET", "version").sendForJson(), endpoint());
            version = v;
        }
        return v;
    }

    @Override
    public EngineInfo info() {
        JsonNode n = http.request("GET", "info").sendForJson();
        JsonNode store = n.path("store");
        JsonNode host = n.path("host");
        EngineVersion v = version;
        if (v == null) {
            JsonNode ver = n.path("version");
            v = new EngineVersion("Podman Engine", ver.path("Version").asText(""), ver.path("APIVersion").asText(""),
                    LibpodHttp.API_VERSION, host.path("os").asText(""), host.path("arch").asText(""));
        }
        return EngineInfo.builder(ID, endpoint(), v)
                .containers(store.path("containerStore").path("number").asInt(0))
                .images(store.path("imageStore").path("number").asInt(0))
                .storageDriver(store.path("graphDriverName").asText(""))
                .rootless(host.path("security").path("rootless").asBoolean(false))
                .build();
    }

    // --- images ---

    @Override
    public boolean imageExists(String image) {
        return images.exists(image);
    }

    @Override
    public Optional<ImageInfo> findImage(String image) {
        return images.find(image);
    }

    @Override
    public ImageInfo inspectImage(String image) {
        return images.find(image).orElseThrow(() -> PodmanErrors.imageMissing(image));
    }

    @Override
    public void pullImage(String image, PullListener listener) {
        checkOpen();
        images.pull(image, listener);
    }

    @Override
    public void tagImage(String source, String target) {
        images.tag(source, target);
    }

    @Override
    public String buildImage(BuildSpec spec, Consumer<String> output) {
        return images.build(spec, output);
    }

    // --- networks ---

    @Override
    public NetworkInfo createNetwork(NetworkSpec spec) {
        return networks.create(spec);
    }

    @Override
    public Optional<NetworkInfo> findNetwork(String name) {
        return networks.find(name);
    }

    @Override
    public List<NetworkInfo> listNetworks(LabelFilter labels) {
        return networks.list(labels);
    }

    @Override
    public boolean removeNetwork(String name) {
        return networks.remove(name);
    }

    @Override
    public void connectNetwork(String container, NetworkAttachment attachment) {
        networks.connect(container, attachment);
    }

    // --- volumes ---

    @Override
    public VolumeInfo createVolume(VolumeSpec spec) {
        return volumes.create(spec);
    }

    @Override
    public Optional<VolumeInfo> findVolume(String name) {
        return volumes.find(name);
    }

    @Override
    public List<VolumeInfo> listVolumes(LabelFilter labels) {
        return volumes.list(labels);
    }

    @Override
    public boolean removeVolume(String name, RemoveVolumeOptions options) {
        return volumes.remove(name, options.force());
    }

    // --- containers ---

    @Override
    public Map<String, String> unsupportedSettings(ContainerSpec spec) {
        return PodmanUnsupportedSettings.of(spec);
    }

    @Override
    public String createContainer(ContainerSpec spec) {
        String resource = spec.findName().orElse(spec.image());
        refuseUnsupported(spec, resource);
        spec.findPlatform().ifPresent(p -> requirePlatform(spec.image(), p, resource));
        LibpodResponse r = http.request("POST", "containers", "create").jsonBody(SpecGenerator.of(spec))
                .resource(resource).send();
        if (!r.isSuccess()) {
            throw PodmanErrors.createFailed(spec, r);
        }
        String id = r.json().path("Id").asText();
        try {
            writeFiles(id, resource, spec);
        } catch (RuntimeException e) {
            // a container without its files must not stay behind to be started later
            removeQuietly(id);
            throw e;
        }
        return id;
    }

    private static void refuseUnsupported(ContainerSpec spec, String resource) {
        Map<String, String> unsupported = PodmanUnsupportedSettings.of(spec);
        if (!unsupported.isEmpty()) {
            StringBuilder m = new StringBuilder("podman: cannot create container " + resource + ": ");
            unsupported.forEach((setting, why) -> m.append("setting '").append(setting).append("' cannot be applied: ")
                    .append(why).append("; "));
            throw new EngineException(ErrorCode.USER, ID, resource, m.substring(0, m.length() - 2), null);
        }
    }

    /**
     * Podman 4.3 uses a platform only to pick from a manifest list and runs a plain image of another
     * platform anyway; refuse that as Docker does.
     */
    private void requirePlatform(String image, String platform, String resource) {
        images.find(image).ifPresent(info -> {
            String[] wanted = platform.split("/");
            boolean osMatches = wanted[0].equals(info.os());
            boolean archMatches = wanted.length < 2 || wanted[1].equals(info.architecture());
            if (!osMatches || !archMatches) {
                throw new EngineException(ID, resource, "podman: cannot create container " + resource + ": image "
                        + image + " is for " + info.os() + "/" + info.architecture() + ", not for platform "
                        + platform + "; use an image built for " + platform + " or change the service's platform",
                        null);
            }
        });
    }

    /** Writes the spec's files through libpod's archive endpoint; the tar entries carry owners and modes. */
    private void writeFiles(String id, String resource, ContainerSpec spec) {
        if (spec.files().isEmpty()) {
            return;
        }
        byte[] tar = ContainerFiles.tar(spec.files());
        // copyUIDGID=false: libpod otherwise chowns every entry to the container's user (its default for
        // /libpod paths, pkg/api/handlers/compat/containers_archive.go in 4.3)
        LibpodResponse r = http.request("PUT", "containers", id, "archive").query("path", "/")
                .query("copyUIDGID", false).body(RequestBody.create(tar, MediaType.get("application/x-tar")))
                .resource(resource).send();
        if (!r.isSuccess()) {
            throw r.failure("while writing files into container " + resource);
        }
    }

    private void removeQuietly(String id) {
        try {
            removeContainer(id, RemoveContainerOptions.forced().withAnonymousVolumes());
        } catch (RuntimeException e) {
            LOG.warn("podman: could not remove the half-created container {}: {}", id, e.getMessage());
        }
    }

    @Override
    public void startContainer(String container) {
        LibpodResponse r = start(container);
        if (PodmanErrors.isStaleRuntimeContainer(r)) {
            // A service killed while starting this container left runc's container behind. Podman's failed
            // start has just deleted it (podman 4.3), so a second start is clean.
            LOG.debug("podman: runc still held {} from an interrupted start; starting it again", container);
            r = start(container);
        }
        requireContainer(r, container, "start");
    }

    private LibpodResponse start(String container) {
        return http.request("POST", "containers", container, "start").resource(container).send();
    }

    @Override
    public void stopContainer(String container, Duration timeout) {
        long seconds = Math.max(0, timeout.toSeconds());
        LibpodResponse r = http.request("POST", "containers", container, "stop").query("timeout", seconds)
                .timeout(Duration.ofSeconds(seconds + 30)).resource(container).send();
        requireContainer(r, container, "stop");
    }

    @Override
    public void killContainer(String container, String signal) {
        LibpodResponse r = http.request("POST", "containers", container, "kill").query("signal", signal)
                .resource(container).send();
        requireContainer(r, container, "kill");
    }

    @Override
    public boolean removeContainer(String container, RemoveContainerOptions options) {
        // timeout=0 makes a forced removal kill at once, as Docker's does (Podman would wait 10 s)
        boolean force = options.force();
        LibpodResponse r = http.request("DELETE", "containers", container).query("force", force)
                .query("v", options.anonymousVolumes()).query("timeout", force ? 0 : null).resource(container).send();
        if (r.status() == 404) {
            return false;
        }
        if (!r.isSuccess()) {
            throw r.failure(force ? "" : "stop it first or remove with force");
        }
        for (JsonNode report : r.json()) {
            if (report.hasNonNull("Err")) {
                throw new EngineException(ID, container, "podman could not remove container " + container + ": "
                        + report.get("Err").asText(), null);
            }
        }
        return true;
    }

    @Override
    public Optional<ContainerInfo> findContainer(String container) {
        Optional<JsonNode> raw = inspectRaw(container);
        return raw.map(n -> {
            ContainerInfo info = LibpodModels.container(n);
            health.observed(n, info); // a poll of undecided health: someone is waiting for it
            return info;
        });
    }

    @Override
    public List<ContainerSummary> listContainers(ContainerFilter filter) {
        List<ContainerSummary> out = new ArrayList<>();
        http.request("GET", "containers", "json").query("all", filter.includeStopped())
                .filters(labelFilters(filter.labels()))
                .sendForJson().forEach(c -> out.add(LibpodModels.summary(c)));
        return out;
    }

    @Override
    public List<LogLine> logs(String container, LogOptions options) {
        if (options.follow()) {
            throw new IllegalArgumentException("logs() reads existing lines; use streamLogs() to follow");
        }
        return logs.read(container, options);
    }

    @Override
    public Subscription streamLogs(String container, LogOptions options, Consumer<LogLine> consumer) {
        checkOpen();
        return track(logs.stream(container, options, consumer, subscriptions::remove));
    }

    @Override
    public ExecResult exec(String container, List<String> command) {
        return new Exec(http).run(container, command, ExecOptions.defaults());
    }

    @Override
    public ExecResult exec(String container, List<String> command, ExecOptions options) {
        return new Exec(http).run(container, command, options);
    }

    // --- health ---

    @Override
    public ContainerHealth runHealthcheck(String container) {
        checkOpen();
        return health.run(container);
    }

    // --- events ---

    @Override
    public Subscription events(EventFilter filter, Consumer<EngineEvent> consumer) {
        checkOpen();
        Map<String, List<String>> filters = labelFilters(filter.labels());
        if (!filter.types().isEmpty()) {
            List<String> types = new ArrayList<>();
            filter.types().forEach(t -> types.add(t.name().toLowerCase(Locale.ROOT)));
            filters.put("type", types);
        }
        EventHealthPinning pinning = new EventHealthPinning(this, health);
        StreamSubscription[] self = new StreamSubscription[1];
        StreamSubscription s = StreamSubscription.start("events",
                () -> http.request("GET", "events").query("stream", true).filters(filters).openStream(),
                (call, active) -> {
                    pinning.pinAlreadyStarting(filter.labels(), () -> self[0] != null && self[0].isActive());
                    new JsonObjectReader(http.mapper()).readAll(call.body(), n -> {
                        if (!active.getAsBoolean()) {
                            return false;
                        }
                        EngineEvent e = LibpodModels.event(n);
                        if (filter.matches(e)) {
                            pinning.onEvent(e, () -> self[0] != null && self[0].isActive());
                            consumer.accept(e);
                        }
                        return active.getAsBoolean();
                    });
                    if (active.getAsBoolean()) {
                        // an event stream has no natural end: the service went away (stopped, restarted)
                        throw new EngineException(ID, null, "the Podman event stream from " + endpoint()
                                + " ended: the service closed the connection (stopped or restarted?)", null);
                    }
                },
                subscriptions::remove);
        self[0] = s;
        return track(s);
    }

    // --- shared helpers ---

    Optional<JsonNode> inspectRaw(String container) {
        LibpodResponse r = http.request("GET", "containers", container, "json").resource(container).send();
        if (r.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(r.requireSuccess().json());
    }

    private static void requireContainer(LibpodResponse r, String container, String verb) {
        if (r.status() == 404) {
            throw new EngineException(ID, container, "cannot " + verb + " container " + container
                    + ": it does not exist on podman", null);
        }
        r.requireSuccess();
    }

    static Map<String, List<String>> labelFilters(LabelFilter labels) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        if (!labels.conditions().isEmpty()) {
            filters.put("label", labels.conditions());
        }
        return filters;
    }

    private Subscription track(StreamSubscription s) {
        subscriptions.add(s);
        if (closed) {
            s.close();
        }
        return s;
    }

    private void checkOpen() {
        if (closed) {
            throw new EngineException(ID, null, "this Podman engine connection (" + endpoint() + ") is closed", null);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (StreamSubscription s : subscriptions) {
            s.close();
        }
        subscriptions.clear();
        health.close();
        http.close();
    }

    @Override
    public String toString() {
        return "PodmanEngine[" + endpoint() + (closed ? ", closed" : "") + "]";
    }
}
