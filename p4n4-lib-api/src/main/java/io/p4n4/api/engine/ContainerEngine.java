package io.p4n4.api.engine;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A connection to one container engine (Docker, Podman): the primitive operations a compose executor
 * needs. Obtain one from a {@link io.p4n4.api.spi.ContainerEngineProvider} or from the core module's
 * engine discovery.
 *
 * <p><b>Thread-safety:</b> implementations are thread-safe; one instance serves many threads.
 * <b>Errors:</b> every operation throws {@link io.p4n4.api.EngineException} (code ENGINE) naming the engine
 * and the resource when the engine is unreachable or refuses. Arguments naming containers accept a name
 * or an id. Operations named {@code inspectX} throw when {@code X} does not exist;
 * {@code findX} return empty instead; {@code removeX} return false instead.
 * <b>Resources:</b> {@link #close()} releases connections and ends open subscriptions; it is idempotent.
 *
 * <p><b>Core and optional operations:</b> the abstract methods are the core every backend implements. The
 * optional ones ({@link EngineCapability}: tag, build, connect a network later, kill, stream logs, exec,
 * events) are default methods that throw {@link EngineCapability#unsupportedBy}; a backend overrides those it
 * has and lists them in {@link #capabilities()}. Callers check {@link #supports} before using an optional
 * operation where a refusal would come late (after other changes). <b>Evolution:</b> new methods are added
 * as default methods with a new capability, never as abstract ones, so backends written outside this
 * library keep compiling and working; check {@link #capabilities()} first.
 */
public interface ContainerEngine extends AutoCloseable {

    // --- the engine itself ---

    /** The provider id: {@code docker} or {@code podman}. */
    String id();

    /** Where this engine is reached. */
    URI endpoint();

    /** Checks that the engine answers; throws if it does not. */
    void ping();

    /** The engine's version and the negotiated API version. */
    EngineVersion version();

    /** A summary of the engine. */
    EngineInfo info();

    /**
     * The optional operations this engine performs (and whether it runs healthchecks by itself). Constant for
     * the life of the instance.
     */
    Set<EngineCapability> capabilities();

    /** Tells whether {@link #capabilities()} lists {@code capability}. */
    default boolean supports(EngineCapability capability) {
        return capabilities().contains(capability);
    }

    // --- images ---

    /** Tells whether the image is present locally (no pull). */
    default boolean imageExists(String image) {
        return findImage(image).isPresent();
    }

    /** Inspects a local image. */
    Optional<ImageInfo> findImage(String image);

    /** Inspects a local image; throws ENGINE naming the image when it is not present. */
    default ImageInfo inspectImage(String image) {
        return findImage(image).orElseThrow(() -> new io.p4n4.api.EngineException(id(), image,
                "image " + image + " is not present on " + id() + "; pull it or build it locally", null));
    }

    /**
     * Pulls an image from its registry, reporting each progress line of the engine (layer id, status, bytes).
     * Blocks until done. Sends the registry's credentials when the Docker config file or Podman's auth file has
     * some ({@link io.p4n4.api.registry.RegistryCredentialStore}). Throws ENGINE naming the image when the pull
     * fails (unknown image or tag, registry unreachable), USER naming the registry when it wants credentials
     * that are missing or refused.
     */
    void pullImage(String image, PullListener listener);

    /**
     * Adds the tag {@code target} ({@code repo:tag}) to the local image {@code source}. Optional:
     * {@link EngineCapability#TAG}.
     */
    default void tagImage(String source, String target) {
        throw EngineCapability.TAG.unsupportedBy(id(), source);
    }

    /**
     * Builds an image from a Dockerfile, streaming the builder's output lines to {@code output}, and returns
     * the new image's id. Throws USER naming the path when the context or the Dockerfile does not exist,
     * and ENGINE with the builder's last output lines when a step fails. Optional: {@link EngineCapability#BUILD}.
     */
    default String buildImage(BuildSpec spec, Consumer<String> output) {
        throw EngineCapability.BUILD.unsupportedBy(id(), spec.tags().get(0));
    }

    // --- networks ---

    /** Creates a network; throws ENGINE if one with that name exists. */
    NetworkInfo createNetwork(NetworkSpec spec);

    /** Inspects a network by name or id. */
    Optional<NetworkInfo> findNetwork(String name);

    /** Inspects a network; throws ENGINE naming it when it does not exist. */
    default NetworkInfo inspectNetwork(String name) {
        return findNetwork(name).orElseThrow(() -> new io.p4n4.api.EngineException(id(), name,
                "network " + name + " does not exist on " + id(), null));
    }

    /** Lists networks whose labels match. */
    List<NetworkInfo> listNetworks(LabelFilter labels);

    /** Removes a network; false if it did not exist. Throws ENGINE if containers still use it. */
    boolean removeNetwork(String name);

    /**
     * Connects an existing container to a network, with aliases. Optional:
     * {@link EngineCapability#NETWORK_CONNECT}.
     */
    default void connectNetwork(String container, NetworkAttachment attachment) {
        throw EngineCapability.NETWORK_CONNECT.unsupportedBy(id(), container);
    }

    // --- volumes ---

    /** Creates a named volume (returns the existing one if it already exists, as the engines do). */
    VolumeInfo createVolume(VolumeSpec spec);

    /** Inspects a volume. */
    Optional<VolumeInfo> findVolume(String name);

    /** Lists volumes whose labels match. */
    List<VolumeInfo> listVolumes(LabelFilter labels);

    /**
     * Removes a volume; false if it did not exist. Throws ENGINE while a container uses it, unless
     * {@link RemoveVolumeOptions#forced()} lets an engine that can (Podman) first remove those containers;
     * Docker refuses either way, so remove the containers first for the same result everywhere.
     */
    boolean removeVolume(String name, RemoveVolumeOptions options);

    // --- containers ---

    /**
     * The settings of {@code spec} this engine cannot apply, each with why and what to do, by the name of the
     * spec's accessor ({@code "macAddress"}, {@code "healthcheck.startInterval"}); empty when it applies them
     * all. Has no side effects, so a caller checks every container before it creates any.
     * {@link #createContainer} refuses a spec with such a setting: nothing is dropped silently. The default
     * says that the engine applies every setting; a backend that cannot apply one overrides it.
     */
    default Map<String, String> unsupportedSettings(ContainerSpec spec) {
        return Map.of();
    }

    /**
     * Creates a container (not started), joining every network of the spec, and writes the spec's
     * {@linkplain ContainerSpec#files() files} into it. Does not pull: throws ENGINE naming the image when it
     * is not present locally. Throws USER naming the setting when the spec has one this engine cannot apply
     * (see {@link #unsupportedSettings}).
     *
     * @return the new container's id
     */
    String createContainer(ContainerSpec spec);

    /** Starts a created or stopped container; no-op if it is running. */
    void startContainer(String container);

    /** Sends the stop signal, then kills after {@code timeout}; no-op if it is not running. */
    void stopContainer(String container, Duration timeout);

    /**
     * Sends {@code signal} ({@code "SIGKILL"}, {@code "SIGTERM"} ...) to the main process. Optional:
     * {@link EngineCapability#KILL}.
     */
    default void killContainer(String container, String signal) {
        throw EngineCapability.KILL.unsupportedBy(id(), container);
    }

    /**
     * Removes a container; false if it did not exist. Throws ENGINE for a running container unless
     * {@code options} force the removal.
     */
    boolean removeContainer(String container, RemoveContainerOptions options);

    /** Inspects a container: state, health, exit code, ports, networks. */
    Optional<ContainerInfo> findContainer(String container);

    /** Inspects a container; throws ENGINE naming it when it does not exist. */
    default ContainerInfo inspectContainer(String container) {
        return findContainer(container).orElseThrow(() -> new io.p4n4.api.EngineException(id(), container,
                "container " + container + " does not exist on " + id(), null));
    }

    /** Lists the containers {@code filter} selects: by label, running only or in any state. */
    List<ContainerSummary> listContainers(ContainerFilter filter);

    /** Reads logs; {@code options.follow()} must be false. Blocks until the lines are read. */
    List<LogLine> logs(String container, LogOptions options);

    /**
     * Streams logs to {@code consumer} on a background thread. With {@code follow} the stream lasts until
     * the container stops or the subscription is closed; without, until the existing lines are delivered.
     * Optional: {@link EngineCapability#LOG_STREAMING}.
     */
    default Subscription streamLogs(String container, LogOptions options, Consumer<LogLine> consumer) {
        throw EngineCapability.LOG_STREAMING.unsupportedBy(id(), container);
    }

    /**
     * Runs {@code command} inside a running container and waits for it to finish. Optional:
     * {@link EngineCapability#EXEC}.
     */
    default ExecResult exec(String container, List<String> command) {
        throw EngineCapability.EXEC.unsupportedBy(id(), container);
    }

    /**
     * Runs {@code command} inside a running container with extra environment, another user or working
     * directory ({@code docker exec -e -u -w}), and waits for it to finish. Optional:
     * {@link EngineCapability#EXEC_OPTIONS}. The default runs {@link #exec(String, List)} when {@code options} set
     * nothing and refuses otherwise, so a backend that cannot apply them never drops them silently.
     */
    default ExecResult exec(String container, List<String> command, ExecOptions options) {
        if (options.isDefault()) {
            return exec(container, command);
        }
        throw EngineCapability.EXEC_OPTIONS.unsupportedBy(id(), container);
    }

    // --- health ---

    /**
     * Makes the container's health current and returns it. An engine without
     * {@link EngineCapability#HEALTHCHECKS_RUN_BY_ENGINE} (Podman without systemd) runs the container's check
     * once now (and records the result, so inspect sees it); an engine with it just reports the current
     * health. Containers without a healthcheck give {@link ContainerHealth#NONE}. A waiter calls this on the
     * check's interval (or on any health event) until healthy, unhealthy or its own timeout, and works the
     * same on every engine.
     */
    ContainerHealth runHealthcheck(String container);

    // --- events ---

    /**
     * Streams engine events from now on to {@code consumer} on a background thread, until the subscription
     * is closed or the engine connection is lost ({@link Subscription#findFailure()} then says why). Optional:
     * {@link EngineCapability#EVENTS}.
     */
    default Subscription events(EventFilter filter, Consumer<EngineEvent> consumer) {
        throw EngineCapability.EVENTS.unsupportedBy(id(), null);
    }

    /** Releases connections and ends open subscriptions. Idempotent. */
    @Override
    void close();
}
