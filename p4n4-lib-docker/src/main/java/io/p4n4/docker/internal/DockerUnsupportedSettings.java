package io.p4n4.docker.internal;

import com.github.dockerjava.api.model.LogConfig;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.ResourceLimits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of a spec this Docker engine cannot apply, by accessor name, each with why and what to do:
 * what the negotiated API version lacks, names docker-java cannot send, and limits the host's kernel
 * cannot enforce (which Docker would accept and then discard with only a warning).
 */
final class DockerUnsupportedSettings {
    /** The first Engine API version that knows a healthcheck's start interval. */
    static final String START_INTERVAL_API = "1.44";

    private DockerUnsupportedSettings() {
    }

    static Map<String, String> of(ContainerSpec spec, String apiVersion, HostFeatures host) {
        return of(spec, apiVersion, host, false);
    }

    /**
     * As {@link #of(ContainerSpec, String, HostFeatures)}; {@code podman}: the socket is Podman's
     * Docker-compatible one.
     */
    static Map<String, String> of(ContainerSpec spec, String apiVersion, HostFeatures host, boolean podman) {
        Map<String, String> out = new LinkedHashMap<>();
        if (podman) {
            // measured on Podman 4.3: accepted with HTTP 201, then missing from the container
            spec.findDomainname().ifPresent(d -> out.put("domainname", "Podman's Docker-compatible API ignores "
                    + "Domainname (Podman 4.3 cannot set a NIS domain name): remove domainname"));
            spec.findMacAddress().ifPresent(m -> out.put("macAddress", "Podman's Docker-compatible API ignores "
                    + "MacAddress: use the podman backend (CONTAINER_HOST), which sets it on the container's network"));
            if (spec.mounts().stream().anyMatch(m -> m.options().noCopy())) {
                out.put("mounts.noCopy", "Podman's Docker-compatible API ignores a volume's NoCopy (the image's"
                        + " files are copied in anyway): use the podman backend (CONTAINER_HOST), which applies it");
            }
        }
        spec.findHealthcheck().filter(h -> !h.startInterval().isZero()).ifPresent(h -> {
            if (ApiVersionNegotiation.compare(apiVersion, START_INTERVAL_API) < 0) {
                out.put("healthcheck.startInterval", "this Docker engine speaks Engine API " + apiVersion
                        + " and the healthcheck start interval needs " + START_INTERVAL_API
                        + " (Docker 25+): remove start_interval or upgrade Docker");
            }
        });
        if (spec.readOnlyRootfs() && !spec.files().isEmpty()) {
            // dockerd's archive API answers "container rootfs is marked read-only" (Docker Compose fails alike)
            out.put("files", "Docker cannot write files into a container whose root file system is read-only: give"
                    + " the secret or config a file: source without uid, gid and mode (it is then mounted read-only),"
                    + " or remove read_only");
        }
        unknownCapabilities(spec.capAdd()).ifPresent(why -> out.put("capAdd", why));
        unknownCapabilities(spec.capDrop()).ifPresent(why -> out.put("capDrop", why));
        spec.findLogConfig().filter(l -> LogConfig.LoggingType.fromValue(l.driver()) == null).ifPresent(l ->
                out.put("logConfig", "logging driver '" + l.driver() + "' is not one docker-java can send ("
                        + "json-file, local, syslog, journald, gelf, fluentd, awslogs, splunk, etwlogs, gcplogs, "
                        + "loki, none): use one of them"));
        spec.exposedPorts().stream().filter(DockerUnsupportedSettings::reversedRange).findFirst().ifPresent(p ->
                out.put("exposedPorts", "port range " + p + " ends before it starts: write it low-high"));
        kernelLimits(spec.resources(), host, out);
        return out;
    }

    private static Optional<String> unknownCapabilities(List<String> names) {
        List<String> unknown = names.stream().filter(n -> HostSettingsMapping.capability(n).isEmpty()).toList();
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("unknown Linux capabilit" + (unknown.size() == 1 ? "y " : "ies ")
                + String.join(", ", unknown)
                + ": use names such as NET_ADMIN or CAP_NET_ADMIN (see capabilities(7))");
    }

    private static boolean reversedRange(String portAndProtocol) {
        String[] range = portAndProtocol.split("/", 2)[0].split("-", 2);
        return range.length == 2 && Integer.parseInt(range[1]) < Integer.parseInt(range[0]);
    }

    private static void kernelLimits(ResourceLimits r, HostFeatures host, Map<String, String> out) {
        String what = "; remove the setting or run on a host whose kernel and cgroups support it";
        if (!host.memoryLimit()) {
            r.findMemoryBytes().ifPresent(v -> out.put("resources.memoryBytes",
                    "the engine's host cannot limit memory" + what));
            r.findMemoryReservationBytes().ifPresent(v -> out.put("resources.memoryReservationBytes",
                    "the engine's host cannot limit memory" + what));
        }
        if (!host.swapLimit()) {
            r.findMemorySwapBytes().ifPresent(v -> out.put("resources.memorySwapBytes",
                    "the engine's host cannot limit swap (no swap accounting)" + what));
        }
        if (!host.cpuCfsQuota()) {
            r.findNanoCpus().ifPresent(v -> out.put("resources.nanoCpus",
                    "the engine's host has no CPU quota (CFS) support" + what));
        }
        if (!host.cpuShares()) {
            r.findCpuShares().ifPresent(v -> out.put("resources.cpuShares",
                    "the engine's host has no CPU shares support" + what));
        }
        if (!host.cpuSet()) {
            r.findCpusetCpus().ifPresent(v -> out.put("resources.cpusetCpus",
                    "the engine's host has no cpuset support" + what));
        }
        if (!host.oomKillDisable()) {
            r.findOomKillDisable().filter(Boolean::booleanValue).ifPresent(v -> out.put("resources.oomKillDisable",
                    "the engine's host cannot disable the OOM killer (cgroup v2 has no such switch)" + what));
        }
    }
}
