package io.p4n4.docker.internal;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.ResourceLimits;
import io.p4n4.api.engine.Ulimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Puts a spec's security, kernel, resource, name-resolution and logging settings on a docker-java
 * {@link HostConfig}. Expects a spec {@link DockerUnsupportedSettings} found nothing wrong with: a name
 * docker-java cannot express (capability, logging driver) is refused there, by name, before this runs.
 */
final class HostSettingsMapping {

    private HostSettingsMapping() {
    }

    static void apply(ContainerSpec spec, HostConfig host) {
        if (!spec.capAdd().isEmpty()) {
            host.withCapAdd(capabilities(spec.capAdd()));
        }
        if (!spec.capDrop().isEmpty()) {
            host.withCapDrop(capabilities(spec.capDrop()));
        }
        if (spec.privileged()) {
            host.withPrivileged(true);
        }
        if (!spec.securityOpt().isEmpty()) {
            host.withSecurityOpts(spec.securityOpt());
        }
        if (spec.readOnlyRootfs()) {
            host.withReadonlyRootfs(true);
        }
        spec.findInit().ifPresent(host::withInit);
        if (!spec.ulimits().isEmpty()) {
            List<com.github.dockerjava.api.model.Ulimit> ulimits = new ArrayList<>();
            for (Ulimit u : spec.ulimits()) {
                ulimits.add(new com.github.dockerjava.api.model.Ulimit(u.name(), u.soft(), u.hard()));
            }
            host.withUlimits(ulimits);
        }
        if (!spec.sysctls().isEmpty()) {
            host.withSysctls(spec.sysctls());
        }
        if (!spec.tmpfs().isEmpty()) {
            host.withTmpFs(spec.tmpfs());
        }
        spec.findIpcMode().ifPresent(host::withIpcMode);
        spec.findPidMode().ifPresent(host::withPidMode);
        spec.findUsernsMode().ifPresent(host::withUsernsMode);
        if (!spec.groupAdd().isEmpty()) {
            host.withGroupAdd(spec.groupAdd());
        }
        resources(spec.resources(), host);
        if (!spec.extraHosts().isEmpty()) {
            host.withExtraHosts(spec.extraHosts().toArray(new String[0]));
        }
        if (!spec.dns().isEmpty()) {
            host.withDns(spec.dns());
        }
        if (!spec.dnsSearch().isEmpty()) {
            host.withDnsSearch(spec.dnsSearch());
        }
        if (!spec.dnsOptions().isEmpty()) {
            host.withDnsOptions(spec.dnsOptions());
        }
        spec.findLogConfig().ifPresent(l -> host.withLogConfig(
                new LogConfig(LogConfig.LoggingType.fromValue(l.driver()), l.options())));
    }

    private static void resources(ResourceLimits r, HostConfig host) {
        r.findMemoryBytes().ifPresent(host::withMemory);
        r.findMemoryReservationBytes().ifPresent(host::withMemoryReservation);
        r.findMemorySwapBytes().ifPresent(host::withMemorySwap);
        r.findNanoCpus().ifPresent(host::withNanoCPUs);
        r.findCpuShares().ifPresent(host::withCpuShares);
        r.findCpusetCpus().ifPresent(host::withCpusetCpus);
        r.findPidsLimit().ifPresent(host::withPidsLimit);
        r.findShmSizeBytes().ifPresent(host::withShmSize);
        r.findOomScoreAdj().ifPresent(host::withOomScoreAdj);
        r.findOomKillDisable().ifPresent(host::withOomKillDisable);
    }

    private static Capability[] capabilities(List<String> names) {
        return names.stream().map(n -> capability(n).orElseThrow(
                () -> new IllegalArgumentException("unknown capability " + n))).toArray(Capability[]::new);
    }

    /**
     * The docker-java constant of a capability written as compose allows it: {@code NET_ADMIN},
     * {@code CAP_NET_ADMIN}, {@code net_admin}, {@code ALL}.
     */
    static Optional<Capability> capability(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.startsWith("CAP_")) {
            n = n.substring(4);
        }
        for (Capability c : Capability.values()) {
            if (c.name().equals(n)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
