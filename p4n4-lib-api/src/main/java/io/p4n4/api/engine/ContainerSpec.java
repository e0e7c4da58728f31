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
    private final List<String> capAdd;
    private final List<String> capDrop;
    private final boolean privileged;
    private final List<String> securityOpt;
    private final boolean readOnlyRootfs;
    private final @Nullable Boolean init;
    private final List<Ulimit> ulimits;
    private final Map<String, String> sysctls;
    private final Map<String, String> tmpfs;
    private final @Nullable String ipcMode;
    private final @Nullable String pidMode;
    private final @Nullable String usernsMode;
    private final List<String> groupAdd;
    private final ResourceLimits resources;
    private final List<String> extraHosts;
    private final List<String> dns;
    private final List<String> dnsSearch;
    private final List<String> dnsOptions;
    private final @Nullable String domainname;
    private final @Nullable String macAddress;
    private final List<String> exposedPorts;
    private final @Nullable LogConfig logConfig;
    private final @Nullable String platform;
    private final List<ContainerFile> files;

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
        this.capAdd = List.copyOf(b.capAdd);
        this.capDrop = List.copyOf(b.capDrop);
        this.privileged = b.privileged;
        this.securityOpt = List.copyOf(b.securityOpt);
        this.readOnlyRootfs = b.readOnlyRootfs;
        this.init = b.init;
        this.ulimits = List.copyOf(b.ulimits);
        this.sysctls = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.sysctls));
        this.tmpfs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.tmpfs));
        this.ipcMode = b.ipcMode;
        this.pidMode = b.pidMode;
        this.usernsMode = b.usernsMode;
        this.groupAdd = List.copyOf(b.groupAdd);
        this.resources = b.resources;
        this.extraHosts = List.copyOf(b.extraHosts);
        this.dns = List.copyOf(b.dns);
        this.dnsSearch = List.copyOf(b.dnsSearch);
        this.dnsOptions = List.copyOf(b.dnsOptions);
        this.domainname = b.domainname;
        this.macAddress = b.macAddress;
        this.exposedPorts = List.copyOf(b.exposedPorts);
        exposedPorts.stream().filter(p -> !p.matches("\\d+(-\\d+)?/(tcp|udp|sctp)")).findFirst().ifPresent(p -> {
            throw new IllegalArgumentException("an exposed port is PORT/PROTOCOL (8080/tcp, 53/udp), not " + p);
        });
        this.logConfig = b.logConfig;
        this.platform = b.platform;
        this.files = List.copyOf(b.files);
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
        b.capAdd.addAll(capAdd);
        b.capDrop.addAll(capDrop);
        b.privileged = privileged;
        b.securityOpt.addAll(securityOpt);
        b.readOnlyRootfs = readOnlyRootfs;
        b.init = init;
        b.ulimits.addAll(ulimits);
        b.sysctls.putAll(sysctls);
        b.tmpfs.putAll(tmpfs);
        b.ipcMode = ipcMode;
        b.pidMode = pidMode;
        b.usernsMode = usernsMode;
        b.groupAdd.addAll(groupAdd);
        b.resources = resources;
        b.extraHosts.addAll(extraHosts);
        b.dns.addAll(dns);
        b.dnsSearch.addAll(dnsSearch);
        b.dnsOptions.addAll(dnsOptions);
        b.domainname = domainname;
        b.macAddress = macAddress;
        b.exposedPorts.addAll(exposedPorts);
        b.logConfig = logConfig;
        b.platform = platform;
        b.files.addAll(files);
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

    /** Linux capabilities added ({@code NET_ADMIN}, ...). */
    public List<String> capAdd() {
        return capAdd;
    }

    /** Linux capabilities dropped ({@code ALL}, {@code NET_RAW}, ...). */
    public List<String> capDrop() {
        return capDrop;
    }

    /** Whether the container runs privileged. */
    public boolean privileged() {
        return privileged;
    }

    /** Security options ({@code no-new-privileges:true}, {@code label=disable}, ...). */
    public List<String> securityOpt() {
        return securityOpt;
    }

    /** Whether the root file system is read-only. */
    public boolean readOnlyRootfs() {
        return readOnlyRootfs;
    }

    /** Whether an init process reaps zombies as PID 1, if set (unset: the engine's default). */
    public Optional<Boolean> findInit() {
        return Optional.ofNullable(init);
    }

    /** Resource limits of the processes ({@code setrlimit}). */
    public List<Ulimit> ulimits() {
        return ulimits;
    }

    /** Namespaced kernel parameters ({@code net.core.somaxconn}: {@code 1024}). */
    public Map<String, String> sysctls() {
        return sysctls;
    }

    /** tmpfs mounts by path, each with its mount options ({@code size=64m}), as compose's service-level {@code tmpfs}. */
    public Map<String, String> tmpfs() {
        return tmpfs;
    }

    /** The IPC namespace mode ({@code private}, {@code shareable}, {@code host}, {@code container:NAME}), if set. */
    public Optional<String> findIpcMode() {
        return Optional.ofNullable(ipcMode);
    }

    /** The PID namespace mode ({@code host}, {@code container:NAME}), if set. */
    public Optional<String> findPidMode() {
        return Optional.ofNullable(pidMode);
    }

    /** The user namespace mode ({@code host}), if set. */
    public Optional<String> findUsernsMode() {
        return Optional.ofNullable(usernsMode);
    }

    /** Extra groups of the container's user (names or ids). */
    public List<String> groupAdd() {
        return groupAdd;
    }

    /** Memory, CPU, process, shared-memory and OOM limits ({@link ResourceLimits#NONE} unless set). */
    public ResourceLimits resources() {
        return resources;
    }

    /** Extra {@code /etc/hosts} entries, each {@code HOST:IP}. */
    public List<String> extraHosts() {
        return extraHosts;
    }

    /** DNS servers. */
    public List<String> dns() {
        return dns;
    }

    /** DNS search domains. */
    public List<String> dnsSearch() {
        return dnsSearch;
    }

    /** Resolver options ({@code ndots:2}). */
    public List<String> dnsOptions() {
        return dnsOptions;
    }

    /** The NIS domain name inside the container, if set. */
    public Optional<String> findDomainname() {
        return Optional.ofNullable(domainname);
    }

    /** The MAC address on the primary network, if set. */
    public Optional<String> findMacAddress() {
        return Optional.ofNullable(macAddress);
    }

    /** Ports exposed without publishing them, each {@code PORT/PROTOCOL} ({@code 8080/tcp}). */
    public List<String> exposedPorts() {
        return exposedPorts;
    }

    /** The logging driver and its options, if set (unset: the engine's default). */
    public Optional<LogConfig> findLogConfig() {
        return Optional.ofNullable(logConfig);
    }

    /** The platform the image must be for ({@code linux/amd64}), if set. */
    public Optional<String> findPlatform() {
        return Optional.ofNullable(platform);
    }

    /** Files written into the container after it is created and before it starts (secrets and configs). */
    public List<ContainerFile> files() {
        return files;
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
                && Objects.equals(stopSignal, s.stopSignal) && Objects.equals(stopTimeout, s.stopTimeout)
                && Objects.equals(capAdd, s.capAdd)
                && Objects.equals(capDrop, s.capDrop)
                && Objects.equals(privileged, s.privileged)
                && Objects.equals(securityOpt, s.securityOpt)
                && Objects.equals(readOnlyRootfs, s.readOnlyRootfs)
                && Objects.equals(init, s.init)
                && Objects.equals(ulimits, s.ulimits)
                && Objects.equals(sysctls, s.sysctls)
                && Objects.equals(tmpfs, s.tmpfs)
                && Objects.equals(ipcMode, s.ipcMode)
                && Objects.equals(pidMode, s.pidMode)
                && Objects.equals(usernsMode, s.usernsMode)
                && Objects.equals(groupAdd, s.groupAdd)
                && Objects.equals(resources, s.resources)
                && Objects.equals(extraHosts, s.extraHosts)
                && Objects.equals(dns, s.dns)
                && Objects.equals(dnsSearch, s.dnsSearch)
                && Objects.equals(dnsOptions, s.dnsOptions)
                && Objects.equals(domainname, s.domainname)
                && Objects.equals(macAddress, s.macAddress)
                && Objects.equals(exposedPorts, s.exposedPorts)
                && Objects.equals(logConfig, s.logConfig)
                && Objects.equals(platform, s.platform)
                && Objects.equals(files, s.files);
    }

    @Override
    public int hashCode() {
        return Objects.hash(image, name, command, entrypoint, env, ports, mounts, networks, networkMode, labels,
                healthcheck, restartPolicy, user, workingDir, hostname, devices, stopSignal, stopTimeout,
                capAdd, capDrop, privileged, securityOpt, readOnlyRootfs, init, ulimits, sysctls, tmpfs, ipcMode, pidMode, usernsMode, groupAdd, resources, extraHosts, dns, dnsSearch, dnsOptions, domainname, macAddress, exposedPorts, logConfig, platform, files);
    }

    /** Describes the spec; environment values are left out because they may be secrets. */
    @Override
    public String toString() {
        return "ContainerSpec[image=" + image + ", name=" + name + ", command=" + command
                + ", env names=" + env.keySet() + ", ports=" + ports + ", mounts=" + mounts
                + ", networks=" + networks + (networkMode == null ? "" : ", networkMode=" + networkMode)
                + ", labels=" + labels + ", healthcheck=" + healthcheck
                + ", restart=" + restartPolicy.mode().wireName()
                + (resources.isEmpty() ? "" : ", resources=" + resources)
                + (files.isEmpty() ? "" : ", files=" + files) + "]";
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
        private final List<String> capAdd = new ArrayList<>();
        private final List<String> capDrop = new ArrayList<>();
        private boolean privileged;
        private final List<String> securityOpt = new ArrayList<>();
        private boolean readOnlyRootfs;
        private @Nullable Boolean init;
        private final List<Ulimit> ulimits = new ArrayList<>();
        private final Map<String, String> sysctls = new LinkedHashMap<>();
        private final Map<String, String> tmpfs = new LinkedHashMap<>();
        private @Nullable String ipcMode;
        private @Nullable String pidMode;
        private @Nullable String usernsMode;
        private final List<String> groupAdd = new ArrayList<>();
        private ResourceLimits resources = ResourceLimits.NONE;
        private final List<String> extraHosts = new ArrayList<>();
        private final List<String> dns = new ArrayList<>();
        private final List<String> dnsSearch = new ArrayList<>();
        private final List<String> dnsOptions = new ArrayList<>();
        private @Nullable String domainname;
        private @Nullable String macAddress;
        private final List<String> exposedPorts = new ArrayList<>();
        private @Nullable LogConfig logConfig;
        private @Nullable String platform;
        private final List<ContainerFile> files = new ArrayList<>();

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

        /** Adds to capAdd: Linux capabilities added ({@code NET_ADMIN}, ...). */
        public Builder capAdd(List<String> values) {
            values.forEach(v -> capAdd.add(Objects.requireNonNull(v, "capAdd element")));
            return this;
        }

        /** Adds to capDrop: Linux capabilities dropped ({@code ALL}, {@code NET_RAW}, ...). */
        public Builder capDrop(List<String> values) {
            values.forEach(v -> capDrop.add(Objects.requireNonNull(v, "capDrop element")));
            return this;
        }

        /** Sets privileged: Whether the container runs privileged. */
        public Builder privileged(boolean privileged) {
            this.privileged = privileged;
            return this;
        }

        /** Adds to securityOpt: Security options ({@code no-new-privileges:true}, {@code label=disable}, ...). */
        public Builder securityOpt(List<String> values) {
            values.forEach(v -> securityOpt.add(Objects.requireNonNull(v, "securityOpt element")));
            return this;
        }

        /** Sets readOnlyRootfs: Whether the root file system is read-only. */
        public Builder readOnlyRootfs(boolean readOnlyRootfs) {
            this.readOnlyRootfs = readOnlyRootfs;
            return this;
        }

        /** Sets init; {@code null} unsets it. Whether an init process reaps zombies as PID 1, if set (unset: the engine's default). */
        public Builder init(@Nullable Boolean init) {
            this.init = init;
            return this;
        }

        /** Adds to ulimits: Resource limits of the processes ({@code setrlimit}). */
        public Builder ulimits(List<Ulimit> values) {
            values.forEach(v -> ulimits.add(Objects.requireNonNull(v, "ulimits element")));
            return this;
        }

        /** Adds to sysctls: Namespaced kernel parameters ({@code net.core.somaxconn}: {@code 1024}). */
        public Builder sysctls(Map<String, String> values) {
            values.forEach((k, v) -> sysctls.put(Objects.requireNonNull(k, "sysctls key"), Objects.requireNonNull(v, "sysctls value of " + k)));
            return this;
        }

        /** Adds to tmpfs: tmpfs mounts by path, each with its mount options ({@code size=64m}), as compose's service-level {@code tmpfs}. */
        public Builder tmpfs(Map<String, String> values) {
            values.forEach((k, v) -> tmpfs.put(Objects.requireNonNull(k, "tmpfs key"), Objects.requireNonNull(v, "tmpfs value of " + k)));
            return this;
        }

        /** Sets ipcMode; {@code null} unsets it. The IPC namespace mode ({@code private}, {@code shareable}, {@code host}, {@code container:NAME}), if set. */
        public Builder ipcMode(@Nullable String ipcMode) {
            this.ipcMode = ipcMode;
            return this;
        }

        /** Sets pidMode; {@code null} unsets it. The PID namespace mode ({@code host}, {@code container:NAME}), if set. */
        public Builder pidMode(@Nullable String pidMode) {
            this.pidMode = pidMode;
            return this;
        }

        /** Sets usernsMode; {@code null} unsets it. The user namespace mode ({@code host}), if set. */
        public Builder usernsMode(@Nullable String usernsMode) {
            this.usernsMode = usernsMode;
            return this;
        }

        /** Adds to groupAdd: Extra groups of the container's user (names or ids). */
        public Builder groupAdd(List<String> values) {
            values.forEach(v -> groupAdd.add(Objects.requireNonNull(v, "groupAdd element")));
            return this;
        }

        /** Sets resources: Memory, CPU, process, shared-memory and OOM limits ({@link ResourceLimits#NONE} unless set). */
        public Builder resources(ResourceLimits resources) {
            this.resources = Objects.requireNonNull(resources, "resources");
            return this;
        }

        /** Adds to extraHosts: Extra {@code /etc/hosts} entries, each {@code HOST:IP}. */
        public Builder extraHosts(List<String> values) {
            values.forEach(v -> extraHosts.add(Objects.requireNonNull(v, "extraHosts element")));
            return this;
        }

        /** Adds to dns: DNS servers. */
        public Builder dns(List<String> values) {
            values.forEach(v -> dns.add(Objects.requireNonNull(v, "dns element")));
            return this;
        }

        /** Adds to dnsSearch: DNS search domains. */
        public Builder dnsSearch(List<String> values) {
            values.forEach(v -> dnsSearch.add(Objects.requireNonNull(v, "dnsSearch element")));
            return this;
        }

        /** Adds to dnsOptions: Resolver options ({@code ndots:2}). */
        public Builder dnsOptions(List<String> values) {
            values.forEach(v -> dnsOptions.add(Objects.requireNonNull(v, "dnsOptions element")));
            return this;
        }

        /** Sets domainname; {@code null} unsets it. The NIS domain name inside the container, if set. */
        public Builder domainname(@Nullable String domainname) {
            this.domainname = domainname;
            return this;
        }

        /** Sets macAddress; {@code null} unsets it. The MAC address on the primary network, if set. */
        public Builder macAddress(@Nullable String macAddress) {
            this.macAddress = macAddress;
            return this;
        }

        /** Adds to exposedPorts: Ports exposed without publishing them, each {@code PORT/PROTOCOL} ({@code 8080/tcp}). */
        public Builder exposedPorts(List<String> values) {
            values.forEach(v -> exposedPorts.add(Objects.requireNonNull(v, "exposedPorts element")));
            return this;
        }

        /** Sets logConfig; {@code null} unsets it. The logging driver and its options, if set (unset: the engine's default). */
        public Builder logConfig(@Nullable LogConfig logConfig) {
            this.logConfig = logConfig;
            return this;
        }

        /** Sets platform; {@code null} unsets it. The platform the image must be for ({@code linux/amd64}), if set. */
        public Builder platform(@Nullable String platform) {
            this.platform = platform;
            return this;
        }

        /** Adds to files: Files written into the container after it is created and before it starts (secrets and configs). */
        public Builder files(List<ContainerFile> values) {
            values.forEach(v -> files.add(Objects.requireNonNull(v, "files element")));
            return this;
        }

        /** Builds the immutable spec. */
        public ContainerSpec build() {
            return new ContainerSpec(this);
        }
    }
}
