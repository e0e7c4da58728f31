package io.p4n4.compose.exec.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeService;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Asks the engine which settings of a service's container it cannot apply
 * ({@link ContainerEngine#unsupportedSettings}) and refuses them by the compose key the user wrote, so that
 * {@code up} fails before creating anything rather than half-way. Stateless.
 */
public final class EngineRefusals {
    /** Spec accessor (without {@code find}) to the compose keys that set it. */
    private static final Map<String, List<String>> KEYS = Map.ofEntries(
            Map.entry("capAdd", List.of("cap_add")), Map.entry("capDrop", List.of("cap_drop")),
            Map.entry("privileged", List.of("privileged")), Map.entry("securityOpt", List.of("security_opt")),
            Map.entry("readOnlyRootfs", List.of("read_only")), Map.entry("init", List.of("init")),
            Map.entry("ulimits", List.of("ulimits")), Map.entry("sysctls", List.of("sysctls")),
            Map.entry("tmpfs", List.of("tmpfs")), Map.entry("ipcMode", List.of("ipc")),
            Map.entry("pidMode", List.of("pid")), Map.entry("usernsMode", List.of("userns_mode")),
            Map.entry("groupAdd", List.of("group_add")),
            Map.entry("resources", List.of("mem_limit", "mem_reservation", "memswap_limit", "cpus", "cpu_shares",
                    "cpuset", "pids_limit", "shm_size", "oom_score_adj", "oom_kill_disable",
                    "deploy.resources.limits", "deploy.resources.reservations")),
            Map.entry("memoryBytes", List.of("mem_limit", "deploy.resources.limits.memory")),
            Map.entry("memoryReservationBytes", List.of("mem_reservation", "deploy.resources.reservations.memory")),
            Map.entry("memorySwapBytes", List.of("memswap_limit")),
            Map.entry("nanoCpus", List.of("cpus", "deploy.resources.limits.cpus")),
            Map.entry("cpuShares", List.of("cpu_shares")), Map.entry("cpusetCpus", List.of("cpuset")),
            Map.entry("pidsLimit", List.of("pids_limit", "deploy.resources.limits.pids")),
            Map.entry("shmSizeBytes", List.of("shm_size")), Map.entry("oomScoreAdj", List.of("oom_score_adj")),
            Map.entry("oomKillDisable", List.of("oom_kill_disable")),
            Map.entry("extraHosts", List.of("extra_hosts")), Map.entry("dns", List.of("dns")),
            Map.entry("dnsSearch", List.of("dns_search")), Map.entry("dnsOptions", List.of("dns_opt")),
            Map.entry("domainname", List.of("domainname")), Map.entry("macAddress", List.of("mac_address")),
            Map.entry("exposedPorts", List.of("expose")), Map.entry("logConfig", List.of("logging")),
            Map.entry("platform", List.of("platform")), Map.entry("files", List.of("secrets", "configs")),
            Map.entry("healthcheck", List.of("healthcheck")),
            Map.entry("healthcheck.startInterval", List.of("healthcheck.start_interval")),
            Map.entry("startInterval", List.of("healthcheck.start_interval")),
            Map.entry("mounts", List.of("volumes", "tmpfs", "secrets", "configs")),
            Map.entry("mounts.noCopy", List.of("volumes[].volume.nocopy")),
            Map.entry("ports", List.of("ports")), Map.entry("devices", List.of("devices")),
            Map.entry("networks", List.of("networks", "links")), Map.entry("networkMode", List.of("network_mode")),
            Map.entry("command", List.of("command")), Map.entry("entrypoint", List.of("entrypoint")),
            Map.entry("env", List.of("environment")), Map.entry("labels", List.of("labels")),
            Map.entry("restartPolicy", List.of("restart", "deploy.restart_policy")),
            Map.entry("user", List.of("user")), Map.entry("workingDir", List.of("working_dir")),
            Map.entry("hostname", List.of("hostname")), Map.entry("stopSignal", List.of("stop_signal")),
            Map.entry("stopTimeout", List.of("stop_grace_period")));

    private EngineRefusals() {
    }

    /** Fails with USER naming the service, the compose keys and the engine's reasons, if the engine refuses any. */
    public static void check(ContainerEngine engine, ComposeService service, ComposeProject project,
            ContainerSpec spec) {
        Map<String, String> unsupported = engine.unsupportedSettings(spec);
        if (unsupported.isEmpty()) {
            return;
        }
        String what = unsupported.entrySet().stream()
                .map(e -> String.join(" / ", composeKeys(service, e.getKey())) + " (" + e.getValue() + ")")
                .collect(Collectors.joining("; "));
        throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + " of project " + project.name()
                + " uses settings engine " + engine.id() + " cannot apply: " + what
                + "; remove them or use another engine");
    }

    /**
     * The compose keys behind a spec accessor ({@code macAddress}, {@code findMacAddress},
     * {@code resources.memoryBytes}), narrowed to those the service sets; the accessor itself when unknown.
     */
    static List<String> composeKeys(ComposeService service, String accessor) {
        String name = accessor;
        if (name.startsWith("find") && name.length() > 4 && Character.isUpperCase(name.charAt(4))) {
            name = Character.toLowerCase(name.charAt(4)) + name.substring(5);
        }
        List<String> keys = KEYS.get(name);
        if (keys == null && name.contains(".")) { // resources.memoryBytes
            keys = KEYS.get(name.substring(name.lastIndexOf('.') + 1));
        }
        if (keys == null) {
            return List.of("the setting " + accessor);
        }
        List<String> set = keys.stream().filter(k -> !ServiceValues.all(service, k).isEmpty()).toList();
        return set.isEmpty() ? keys : set;
    }
}
