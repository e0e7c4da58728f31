package io.p4n4.api.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to create one container. Immutable and thread-safe; build with {@link #builder(String)}.
 *
 * <p>Unset optional fields ({@code command}, {@code entrypoint}, {@code healthcheck}, {@code user},
 * {@code workingDir}, {@code hostname}) mean "use the image's default". Environment values can be
 * secrets: {@link #toString()} shows the variable names only.
 */
public final class ContainerSpec {
    private final String image;
    private final @Nullable String name;
    private final @Nullable List<String> command;
    private final @Nullable List<String> entrypoint;
    private final Map<String, String> env;
    private final List<PortBinding> ports;
    private final List<Mount> mounts;
    private final List<NetworkAttachment> networks;
    private final @Nullable String networkMode;
    private final Map<String, String> labels;
    private final @Nullable HealthcheckSpec healthcheck;
    private final RestartPolicy restartPolicy;
    private final @Nullable String user;
    private final @Nullable String workingDir;
    private final @Nullable String hostname;
    private final List<DeviceMapping> devices;
    private final @Nullable String stopSignal;
    private final @Nullable Duration stopTimeout;

    private ContainerSpec(Builder b) {
        this.image = b.image;
        this.name = b.name;
        this.command = b.command == null ? null : List.copyOf(b.command);
        this.entrypoint = b.entrypoint == null ? null : List.copyOf(b.entrypoint);
        this.env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.env));
        this.ports = List.copyOf(b.ports);
        this.mounts = List.copyOf(b.mounts);
        this.networks = List.copyOf(b.networks);
        this.networkMode = b.networkMode;
        if (networkMode != null && (!networks.isEmpty() || !ports.isEmpty())) {
            throw new IllegalArgumentException("a container with network mode " + networkMode
                    + " joins no networks and publishes no ports");
        }
        this.labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.labels));
        this.healthcheck = b.healthcheck;
        this.restartPolicy = b.restartPolicy;
        this.user = b.user;
        this.workingDir = b.workingDir;
        this.hostname = b.hostname;
        this.devices = List.copyOf(b.devices);
        this.stopSignal = b.stopSignal;
        this.stopTimeout = b.stopTimeout;
    }

    /** Starts a spec for a container running {@code image} (e.g. {@code eclipse-mosquitto:2}). */
    public static Builder builder(String image) {
        return new Builder(image);
    }

    /** Returns a builder pre-filled with this spec, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder(image);
        b.name = name;
        b.command = command;
        b.entrypoint = entrypoint;
        b.env.putAll(env);
        b.ports.addAll(ports);
        b.mounts.addAll(mounts);
        b.networks.addAll(networks);
        b.networkMode = networkMode;
        b.labels.putAll(labels);
        b.healthcheck = healthcheck;
        b.restartPolicy = restartPolicy;
        b.user = user;
        b.workingDir = workingDir;
        b.hostname = hostname;
        b.devices.addAll(devices);
        b.stopSignal = stopSignal;
        b.stopTimeout = stopTimeout;
        return b;
    }

    /** The image reference. */
    public String image() {
        return image;
    }

    /** The container name, if one was chosen (otherwise the engine makes one up). */
    public Optional<String> findName() {
        return Optional.ofNullable(name);
    }

    /** The command (arguments to the entrypoint), if it overrides the image's. */
    public Optional<List<String>> findCommand() {
        return Optional.ofNullable(command);
    }

    /** The entrypoint, if it overrides the image's. */
    public Optional<List<String>> findEntrypoint() {
        return Optional.ofNullable(entrypoint);
    }

    /** Environment variables in insertion order. Values may be secrets: never log them. */
    public Map<String, String> env() {
        return env;
    }

    /** Published ports. */
    public List<PortBinding> ports() {
        return ports;
    }

    /** Bind, volume and tmpfs mounts. */
    public List<Mount> mounts() {
        return mounts;
    }

    /** Networks to join, the first one being the primary (empty = the engine's default network). */
    public List<NetworkAttachment> networks() {
        return networks;
    }

    /**
     * The network mode instead of networks, if set: {@code host}, {@code none}, {@code bridge} (the engine's
     * default network) or {@code container:<name or id>} (share that container's network namespace).
     */
    public Optional<String> findNetworkMode() {
        return Optional.ofNullable(networkMode);
    }

    /** Labels of the container. */
    public Map<String, String> labels() {
        return labels;
    }

    /** The healthcheck, if it overrides the image's ({@link HealthcheckSpec#disabled()} turns it off). */
    public Optional<HealthcheckSpec> findHealthcheck() {
        return Optional.ofNullable(healthcheck);
    }

    /** The restart policy ({@link RestartPolicy#NO} unless set). */
    public RestartPolicy restartPolicy() {
        return restartPolicy;
    }

    /** The user ({@code uid[:gid]} or a name), if it overrides the image's. */
    public Optional<String> findUser() {
        return Optional.ofNullable(user);
    }

    /** The working directory, if it overrides the image's. */
    public Optional<String> findWorkingDir() {
        return Optional.ofNullable(workingDir);
    }

    /** The host name inside the container, if set. */
    public Optional<String> findHostname() {
        return Optional.ofNullable(hostname);
    }

    /** Host devices passed in. */
    public List<DeviceMapping> devices() {
        return devices;
    }

    /** The signal that stops the container, if it overrides the image's (e.g. {@code SIGINT}). */
    public Optional<String> findStopSignal() {
        return Optional.ofNullable(stopSignal);
    }

    /** How long the engine waits after the stop signal before killing, if set. */
    public Optional<Duration> findStopTimeout() {
        return Optional.ofNullable(stopTimeout);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ContainerSpec)) {
            return false;
        }
        ContainerSpec s = (ContainerSpec) o;
        return image.equals(s.image) && Objects.equals(name, s.name) && Objects.equals(command, s.command)
                && Objects.equals(entrypoint, s.entrypoint) && env.equals(s.env) && ports.equals(s.ports)
                && mounts.equals(s.mounts) && networks.equals(s.networks)
                && Objects.equals(networkMode, s.networkMode) && labels.equals(s.labels)
                && Objects.equals(healthcheck, s.healthcheck) && restartPolicy.equals(s.restartPolicy)
                && Objects.equals(user, s.user) && Objects.equals(workingDir, s.workingDir)
                && Objects.equals(hostname, s.hostname) && devices.equals(s.devices)
                && Objects.equals(stopSignal, s.stopSignal) && Objects.equals(stopTimeout, s.stopTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(image, name, command, entrypoint, env, ports, mounts, networks, networkMode, labels,
                healthcheck, restartPolicy, user, workingDir, hostname, devices, stopSignal, stopTimeout);
    }

    /** Describes the spec; environment values are left out because they may be secrets. */
    @Override
    public String toString() {
        return "ContainerSpec[image=" + image + ", name=" + name + ", command=" + command
                + ", env names=" + env.keySet() + ", ports=" + ports + ", mounts=" + mounts
                + ", networks=" + networks + (networkMode == null ? "" : ", networkMode=" + networkMode)
                + ", labels=" + labels + ", healthcheck=" + healthcheck
                + ", restart=" + restartPolicy.mode().wireName() + "]";
    }

    /** Collects the fields of a {@link ContainerSpec}. Not thread-safe; use one per thread. */
    public static final class Builder {
        private final String image;
        private @Nullable String name;
        private @Nullable List<String> command;
        private @Nullable List<String> entrypoint;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<PortBinding> ports = new ArrayList<>();
        private final List<Mount> mounts = new ArrayList<>();
        private final List<NetworkAttachment> networks = new ArrayList<>();
        private @Nullable String networkMode;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private @Nullable HealthcheckSpec healthcheck;
        private RestartPolicy restartPolicy = RestartPolicy.NO;
        private @Nullable String user;
        private @Nullable String workingDir;
        private @Nullable String hostname;
        private final List<DeviceMapping> devices = new ArrayList<>();
        private @Nullable String stopSignal;
        private @Nullable Duration stopTimeout;

        private Builder(String image) {
            this.image = Objects.requireNonNull(image, "image");
            if (image.isBlank()) {
                throw new IllegalArgumentException("image must not be blank");
            }
        }

        /** Names the container; {@code null}: the engine picks a name. */
        public Builder name(@Nullable String name) {
            this.name = name;
            return this;
        }

        /** Overrides the image's command; {@code null} keeps the image's. */
        public Builder command(@Nullable List<String> command) {
            this.command = command == null ? null : List.copyOf(command);
            return this;
        }

        /** Overrides the image's command. */
        public Builder command(String... command) {
            return command(List.of(command));
        }

        /** Overrides the image's entrypoint; {@code null} keeps the image's. */
        public Builder entrypoint(@Nullable List<String> entrypoint) {
            this.entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
            return this;
        }

        /** Sets one environment variable. */
        public Builder env(String name, String value) {
            env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value of " + name));
            return this;
        }

        /** Sets environment variables. */
        public Builder env(Map<String, String> variables) {
            variables.forEach(this::env);
            return this;
        }

        /** Publishes a port. */
        public Builder port(PortBinding port) {
            ports.add(Objects.requireNonNull(port, "port"));
            return this;
        }

        /** Adds a mount. */
        public Builder mount(Mount mount) {
            mounts.add(Objects.requireNonNull(mount, "mount"));
            return this;
        }

        /**
         * Uses a network mode instead of networks: {@code host}, {@code none}, {@code bridge} or
         * {@code container:<name or id>}. Such a container joins no networks and publishes no ports.
         */
        public Builder networkMode(String mode) {
            Objects.requireNonNull(mode, "mode");
            if (!mode.equals("host") && !mode.equals("none") && !mode.equals("bridge")
                    && !(mode.startsWith("container:") && mode.length() > "container:".length())) {
                throw new IllegalArgumentException("network mode must be host, none, bridge or container:NAME, not "
                        + mode);
            }
            this.networkMode = mode;
            return this;
        }

        /** Joins a network; the first one added is the primary network. */
        public Builder network(NetworkAttachment network) {
            networks.add(Objects.requireNonNull(network, "network"));
            return this;
        }

        /** Sets one label. */
        public Builder label(String key, String value) {
            labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value of " + key));
            return this;
        }

        /** Sets labels. */
        public Builder labels(Map<String, String> labels) {
            labels.forEach(this::label);
            return this;
        }

        /** Overrides the image's healthcheck; {@code null} keeps the image's. */
        public Builder healthcheck(@Nullable HealthcheckSpec healthcheck) {
            this.healthcheck = healthcheck;
            return this;
        }

        /** Sets the restart policy. */
        public Builder restartPolicy(RestartPolicy restartPolicy) {
            this.restartPolicy = Objects.requireNonNull(restartPolicy, "restartPolicy");
            return this;
        }

        /** Runs as this user ({@code uid[:gid]} or a name). */
        public Builder user(@Nullable String user) {
            this.user = user;
            return this;
        }

        /** Sets the working directory. */
        public Builder workingDir(@Nullable String workingDir) {
            this.workingDir = workingDir;
            return this;
        }

        /** Sets the host name inside the container. */
        public Builder hostname(@Nullable String hostname) {
            this.hostname = hostname;
            return this;
        }

        /** Passes a host device in. */
        public Builder device(DeviceMapping device) {
            devices.add(Objects.requireNonNull(device, "device"));
            return this;
        }

        /** Sets the stop signal. */
        public Builder stopSignal(@Nullable String stopSignal) {
            this.stopSignal = stopSignal;
            return this;
        }

        /** Sets how long the engine waits after the stop signal. */
        public Builder stopTimeout(@Nullable Duration stopTimeout) {
            this.stopTimeout = stopTimeout;
            return this;
        }

        /** Builds the immutable spec. */
        public ContainerSpec build() {
            return new ContainerSpec(this);
        }
    }
}
