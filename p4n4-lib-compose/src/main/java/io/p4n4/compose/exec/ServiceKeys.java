package io.p4n4.compose.exec;

import static io.p4n4.compose.exec.KeyGroup.APPLIED;
import static io.p4n4.compose.exec.KeyGroup.IGNORED;
import static io.p4n4.compose.exec.KeyGroup.REFUSED;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code up} does with every service-level key of the compose specification: each key is
 * {@linkplain KeyGroup#APPLIED applied}, {@linkplain KeyGroup#REFUSED refused} by name before anything is
 * created, or {@linkplain KeyGroup#IGNORED ignored} with a warning. Nothing a compose file says is dropped
 * silently. The keys below {@code deploy} and {@code healthcheck} are listed one by one
 * ({@link #PARENTS}), and so are the keys inside the entries of the keys in {@link #ENTRIES}: a path's
 * {@code []} stands for every item of a list ({@code volumes[].bind.propagation}), its {@code *} for every
 * value of a mapping ({@code networks.*.ipv4_address}). Extension keys ({@code x-*}) are for tools and are
 * not listed.
 *
 * <p>A test walks the bundled compose schema and fails when one of its keys is missing here, so a newer
 * specification cannot slip keys through. {@code docs/compose-keys.md} is this table. Immutable, thread-safe.
 */
public final class ServiceKeys {
    /** Keys classified through their sub-keys, never as a whole. */
    public static final Set<String> PARENTS = Set.of("deploy", "deploy.resources", "deploy.resources.limits",
            "deploy.resources.reservations", "deploy.restart_policy", "healthcheck", "volumes[].bind",
            "volumes[].volume", "volumes[].tmpfs", "volumes[].image");

    /**
     * Keys whose entries' own keys are classified too (the key itself is classified as a whole as well): a
     * list's items ({@code volumes[]}), a mapping's values ({@code networks.*}) or an object ({@code build}).
     */
    public static final Set<String> ENTRIES = Set.of("volumes[]", "ports[]", "networks.*", "depends_on.*", "build", "secrets[]",
            "configs[]", "env_file[]", "devices[]", "ulimits.*", "logging", "extends");

    private static final Map<String, ServiceKey> TABLE = table();

    private ServiceKeys() {
    }

    /** Every classified key, in the order of the documentation. */
    public static List<ServiceKey> all() {
        return List.copyOf(TABLE.values());
    }

    /** The key at {@code path} ({@code mem_limit}, {@code deploy.placement}), if it is a compose service key. */
    public static Optional<ServiceKey> find(String path) {
        return Optional.ofNullable(TABLE.get(path));
    }

    private static Map<String, ServiceKey> table() {
        List<ServiceKey> keys = new ArrayList<>();
        // what the executor has always done
        applied(keys, "image", "the image to run; pulled per pull_policy");
        applied(keys, "build", "built before up when the image is missing (or with --build)");
        applied(keys, "pull_policy", "always, missing, never, build");
        applied(keys, "command", "overrides the image's CMD");
        applied(keys, "entrypoint", "overrides the image's ENTRYPOINT");
        applied(keys, "environment", "container environment");
        applied(keys, "env_file", "read at load time into environment");
        applied(keys, "extends", "resolved at load time");
        applied(keys, "profiles", "selects the services at load time");
        applied(keys, "container_name", "the container's name (one replica only)");
        applied(keys, "labels", "container labels");
        applied(keys, "ports", "published ports; a host-port range spreads over replicas");
        applied(keys, "volumes", "bind, volume and tmpfs mounts");
        applied(keys, "networks", "networks joined, with aliases");
        applied(keys, "network_mode", "host, none, bridge, service:NAME, container:NAME");
        applied(keys, "depends_on", "start order and conditions");
        applied(keys, "restart", "restart policy");
        applied(keys, "user", "user[:group] of the process");
        applied(keys, "working_dir", "working directory");
        applied(keys, "hostname", "host name");
        applied(keys, "stop_signal", "signal that stops the container");
        applied(keys, "stop_grace_period", "time between the stop signal and the kill");
        applied(keys, "devices", "host devices (HOST[:CONTAINER[:PERMISSIONS]])");
        applied(keys, "scale", "number of replicas");
        // privileges and security
        applied(keys, "cap_add", "Linux capabilities added");
        applied(keys, "cap_drop", "Linux capabilities dropped");
        applied(keys, "privileged", "privileged container");
        applied(keys, "security_opt", "security options; seccomp=FILE is read and sent inline, as compose does");
        applied(keys, "read_only", "read-only root file system");
        applied(keys, "init", "an init process as PID 1");
        // kernel and system
        applied(keys, "ulimits", "NAME: N (soft = hard) or NAME: {soft, hard}");
        applied(keys, "sysctls", "namespaced kernel parameters (map or KEY=VALUE list)");
        applied(keys, "shm_size", "size of /dev/shm (512m, 1g, bytes)");
        applied(keys, "tmpfs", "tmpfs mounts, PATH[:OPTIONS]");
        applied(keys, "ipc", "IPC namespace; service:NAME shares that service's");
        applied(keys, "pid", "PID namespace; service:NAME shares that service's");
        applied(keys, "userns_mode", "user namespace mode");
        applied(keys, "group_add", "extra groups of the user");
        applied(keys, "oom_score_adj", "OOM killer score adjustment");
        applied(keys, "oom_kill_disable", "spares the container from the OOM killer");
        applied(keys, "pids_limit", "most processes; deploy.resources.limits.pids wins");
        // resources
        applied(keys, "mem_limit", "memory limit; deploy.resources.limits.memory wins when both are set");
        applied(keys, "mem_reservation", "memory soft limit; deploy.resources.reservations.memory wins");
        applied(keys, "memswap_limit", "memory plus swap (-1: unlimited)");
        applied(keys, "cpus", "CPU limit; deploy.resources.limits.cpus wins when both are set");
        applied(keys, "cpu_shares", "relative CPU weight");
        applied(keys, "cpuset", "CPUs the container may use");
        // names and networking
        applied(keys, "extra_hosts", "/etc/hosts entries (HOST:IP, HOST=IP or a map; IPv6 in brackets or not)");
        applied(keys, "dns", "DNS servers");
        applied(keys, "dns_search", "DNS search domains");
        applied(keys, "dns_opt", "resolver options");
        applied(keys, "domainname", "NIS domain name");
        applied(keys, "mac_address", "MAC address on the primary network");
        applied(keys, "expose", "ports exposed without publishing (N, N/udp, N-M: a range is one entry per port)");
        applied(keys, "links", "SERVICE[:ALIAS]: the linked service gets the alias on the networks both join,"
                + " and starts first");
        // logging, images, health
        applied(keys, "logging", "logging driver and options");
        applied(keys, "platform", "platform of the image (linux/amd64)");
        applied(keys, "healthcheck.test", "the check");
        applied(keys, "healthcheck.interval", "time between checks");
        applied(keys, "healthcheck.timeout", "time one check may take");
        applied(keys, "healthcheck.retries", "failures before unhealthy");
        applied(keys, "healthcheck.start_period", "grace period at start");
        applied(keys, "healthcheck.start_interval", "time between checks in the start period");
        applied(keys, "healthcheck.disable", "turns the image's check off");
        // secrets and configs
        applied(keys, "secrets", "at /run/secrets/NAME or the target; a file: secret without uid/gid/mode is a"
                + " read-only bind mount (as compose), otherwise the file is written into the container with"
                + " uid, gid and mode (default 0444); environment: secrets are written; external: refused");
        applied(keys, "configs", "at /NAME or the target; file:, environment: and content: sources, as secrets;"
                + " external: refused");
        // deploy
        applied(keys, "deploy.replicas", "number of replicas (scale wins)");
        applied(keys, "deploy.resources.limits.cpus", "CPU limit");
        applied(keys, "deploy.resources.limits.memory", "memory limit");
        applied(keys, "deploy.resources.limits.pids", "most processes");
        applied(keys, "deploy.resources.reservations.memory", "memory soft limit");
        applied(keys, "deploy.restart_policy.condition", "restart policy (none, on-failure, any); wins over"
                + " restart, as compose");
        applied(keys, "deploy.restart_policy.max_attempts", "most restarts with on-failure");
        ignored(keys, "deploy.restart_policy.delay", "swarm only: a local engine restarts at once");
        ignored(keys, "deploy.restart_policy.window", "swarm only");
        ignored(keys, "deploy.resources.reservations.cpus", "swarm only: a local engine reserves no CPU, as"
                + " compose");
        ignored(keys, "deploy.resources.reservations.generic_resources", "swarm only");
        refused(keys, "deploy.resources.reservations.devices", "device (GPU) requests are not supported; pass"
                + " the device with devices: or run without it");
        ignored(keys, "deploy.mode", "swarm scheduling; a local engine runs scale / deploy.replicas containers");
        ignored(keys, "deploy.endpoint_mode", "swarm service discovery; names resolve through network aliases");
        ignored(keys, "deploy.labels", "labels of the swarm service, not of the containers (use labels:)");
        ignored(keys, "deploy.placement", "swarm node placement; there is one local engine");
        ignored(keys, "deploy.update_config", "swarm rolling updates; up recreates changed containers");
        ignored(keys, "deploy.rollback_config", "swarm rollbacks");
        ignored(keys, "attach", "up never attaches to logs; use p4n4 logs");
        ignored(keys, "develop", "docker compose watch; p4n4 has no watch mode");
        entryKeys(keys);
        // not applied by p4n4 (yet): refused by name, with what to do
        refused(keys, "annotations", "container annotations are not supported; use labels");
        refused(keys, "blkio_config", "block I/O limits are not supported; remove blkio_config");
        refused(keys, "cgroup", "the cgroup namespace mode is not supported; remove cgroup (the engine's"
                + " default applies)");
        refused(keys, "cgroup_parent", "a parent cgroup is not supported; remove cgroup_parent");
        refused(keys, "cpu_count", "Windows containers only; use cpus");
        refused(keys, "cpu_percent", "Windows containers only; use cpus");
        refused(keys, "cpu_period", "CFS period is not supported; use cpus");
        refused(keys, "cpu_quota", "CFS quota is not supported; use cpus");
        refused(keys, "cpu_rt_period", "real-time scheduling is not supported; remove cpu_rt_period");
        refused(keys, "cpu_rt_runtime", "real-time scheduling is not supported; remove cpu_rt_runtime");
        refused(keys, "credential_spec", "Windows containers only; remove credential_spec");
        refused(keys, "device_cgroup_rules", "device cgroup rules are not supported; pass devices with devices:");
        refused(keys, "external_links", "a container outside the project cannot be given an alias honestly;"
                + " put it on an external network the service joins and use its name");
        refused(keys, "gpus", "GPU requests are not supported; pass the device with devices:");
        refused(keys, "isolation", "Windows containers only; remove isolation");
        refused(keys, "label_file", "label files are not read; put the labels in labels:");
        refused(keys, "mem_swappiness", "swappiness is not supported; remove mem_swappiness");
        refused(keys, "models", "model runner models are not supported; remove models");
        refused(keys, "post_start", "lifecycle hooks are not run; do the work in the entrypoint");
        refused(keys, "pre_stop", "lifecycle hooks are not run; handle the stop signal in the process");
        refused(keys, "provider", "provider services are not supported; run the service as a container");
        refused(keys, "pull_refresh_after", "not supported; use pull_policy: always or missing");
        refused(keys, "runtime", "choosing an OCI runtime is not supported; remove runtime (the engine's default"
                + " applies)");
        refused(keys, "stdin_open", "containers run detached with no stdin; remove stdin_open and give the"
                + " service a command that keeps running");
        refused(keys, "tty", "containers run detached with no terminal; remove tty and give the service a"
                + " command that keeps running");
        refused(keys, "storage_opt", "storage driver options are not supported; remove storage_opt");
        refused(keys, "use_api_socket", "the engine socket is not passed in; bind-mount it with volumes: if you"
                + " must");
        refused(keys, "uts", "the UTS namespace mode is not supported; remove uts");
        refused(keys, "volumes_from", "not supported; mount the same named volumes in both services");
        Map<String, ServiceKey> out = new LinkedHashMap<>();
        for (ServiceKey k : keys) {
            if (out.put(k.path(), k) != null) {
                throw new IllegalStateException("compose key " + k.path() + " is classified twice");
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The keys inside the entries of {@link #ENTRIES}. */
    private static void entryKeys(List<ServiceKey> keys) {
        applied(keys, "volumes[].type", "bind, volume or tmpfs; image, npipe and cluster mounts are refused");
        applied(keys, "volumes[].source", "host path or volume name");
        applied(keys, "volumes[].target", "path in the container");
        applied(keys, "volumes[].read_only", "read-only mount");
        ignored(keys, "volumes[].consistency", "Docker Desktop file sharing on macOS only; a Linux engine mounts"
                + " directly");
        applied(keys, "volumes[].bind.create_host_path", "a missing host directory is created (short syntax"
                + " does this)");
        applied(keys, "volumes[].bind.propagation", "private, rprivate, shared, rshared, slave, rslave (short"
                + " syntax: the suffix); shared and slave need a shared host mount, as with docker");
        refused(keys, "volumes[].bind.recursive", "recursive read-only binds are not supported; remove"
                + " bind.recursive");
        applied(keys, "volumes[].bind.selinux", "z or Z relabelling (short syntax :z, :Z); on Docker such a bind"
                + " is sent as a legacy Binds entry, as compose does");
        refused(keys, "volumes[].volume.labels", "labels of an implicitly created volume are not supported;"
                + " put the volume under the top-level volumes: with its labels");
        applied(keys, "volumes[].volume.nocopy", "the image's files are not copied into a new volume (short"
                + " syntax :nocopy); refused by the Docker backend on Podman's socket, whose API ignores it");
        refused(keys, "volumes[].volume.subpath", "volume subpaths are not supported; mount the whole volume");
        applied(keys, "volumes[].tmpfs.size", "size in bytes or with a unit (64m)");
        applied(keys, "volumes[].tmpfs.mode", "permission bits, octal (1777, 0o1777)");
        refused(keys, "volumes[].image.subpath", "image mounts are not supported; use a bind or volume mount");
        applied(keys, "ports[].target", "container port");
        applied(keys, "ports[].published", "host port or range");
        applied(keys, "ports[].host_ip", "host address to bind");
        applied(keys, "ports[].protocol", "tcp or udp");
        ignored(keys, "ports[].mode", "swarm routing (host or ingress); a local engine publishes on the host"
                + " either way");
        ignored(keys, "ports[].name", "a name for tools; the engine keeps none");
        ignored(keys, "ports[].app_protocol", "a protocol hint for tools; the engine keeps none");
        applied(keys, "networks.*.aliases", "extra DNS names on that network");
        applied(keys, "networks.*.ipv4_address", "a fixed IPv4 address; the network needs an ipam subnet that"
                + " holds it (one replica only)");
        applied(keys, "networks.*.ipv6_address", "a fixed IPv6 address; the network needs an IPv6 ipam subnet"
                + " (one replica only)");
        refused(keys, "networks.*.link_local_ips", "link-local addresses are not supported; remove"
                + " link_local_ips");
        refused(keys, "networks.*.mac_address", "a MAC address per network is not supported; use the service's"
                + " mac_address (primary network)");
        refused(keys, "networks.*.interface_name", "interface names are not supported; remove interface_name");
        refused(keys, "networks.*.driver_opts", "endpoint driver options are not supported; remove driver_opts");
        refused(keys, "networks.*.priority", "networks are joined in the order written; remove priority and"
                + " put the network to join first first");
        refused(keys, "networks.*.gw_priority", "choosing the default gateway is not supported; remove"
                + " gw_priority (the first network's gateway applies)");
        applied(keys, "depends_on.*.condition", "service_started, service_healthy,"
                + " service_completed_successfully");
        applied(keys, "depends_on.*.required", "false: a missing or disabled dependency is skipped");
        refused(keys, "depends_on.*.restart", "dependents are not restarted when their dependency changes; remove"
                + " restart and restart the service with p4n4 after the dependency changed");
        applied(keys, "build.context", "build context directory");
        applied(keys, "build.dockerfile", "Dockerfile in the context");
        applied(keys, "build.args", "build arguments");
        applied(keys, "build.labels", "image labels");
        applied(keys, "build.no_cache", "build without the cache");
        applied(keys, "build.target", "the stage to build");
        for (String key : List.of("dockerfile_inline", "ssh", "secrets", "additional_contexts", "cache_from",
                "cache_to", "entitlements", "network", "provenance", "sbom", "pull", "shm_size", "extra_hosts",
                "isolation", "privileged", "tags", "ulimits", "platforms")) {
            refused(keys, "build." + key, "not passed to the engine's build; build the image with docker or"
                    + " podman and give the service its image: instead");
        }
        for (String kind : List.of("secrets", "configs")) {
            applied(keys, kind + "[].source", "the top-level " + kind + " entry");
            applied(keys, kind + "[].target", "path in the container");
            applied(keys, kind + "[].uid", "owner of the file");
            applied(keys, kind + "[].gid", "group of the file");
            applied(keys, kind + "[].mode", "file mode");
        }
        applied(keys, "env_file[].path", "the file");
        applied(keys, "env_file[].required", "false: a missing file is skipped");
        applied(keys, "env_file[].format", "raw: values are taken as written, without compose's parsing");
        applied(keys, "devices[].source", "host device");
        applied(keys, "devices[].target", "path in the container");
        applied(keys, "devices[].permissions", "cgroup permissions (rwm)");
        applied(keys, "ulimits.*.soft", "soft limit");
        applied(keys, "ulimits.*.hard", "hard limit");
        applied(keys, "logging.driver", "logging driver");
        applied(keys, "logging.options", "driver options");
        applied(keys, "extends.service", "the service extended");
        applied(keys, "extends.file", "the file it is in");
    }

    private static void applied(List<ServiceKey> keys, String path, String note) {
        keys.add(new ServiceKey(path, APPLIED, note));
    }

    private static void refused(List<ServiceKey> keys, String path, String note) {
        keys.add(new ServiceKey(path, REFUSED, note));
    }

    private static void ignored(List<ServiceKey> keys, String path, String note) {
        keys.add(new ServiceKey(path, IGNORED, note));
    }
}
