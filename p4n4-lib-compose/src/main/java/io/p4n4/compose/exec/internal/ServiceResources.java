package io.p4n4.compose.exec.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ResourceLimits;
import io.p4n4.compose.ComposeService;
import java.util.Optional;

/**
 * The memory, CPU, process, shared-memory and OOM settings of a service, as Docker Compose v2 sets them:
 * the service-level keys first, then {@code deploy.resources.limits} (cpus, memory, pids) and
 * {@code reservations.memory} over them when set. Zero means "not set", as in compose. Stateless.
 */
final class ServiceResources {
    private ServiceResources() {
    }

    static ResourceLimits of(ComposeService service) {
        try {
            return build(service);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + ": " + e.getMessage()
                    + "; fix the value", e);
        }
    }

    private static ResourceLimits build(ComposeService service) {
        ResourceLimits.Builder b = ResourceLimits.builder();
        bytes(service, "mem_limit").ifPresent(b::memoryBytes);
        bytes(service, "mem_reservation").ifPresent(b::memoryReservationBytes);
        ServiceValues.at(service, "memswap_limit").map(v -> ServiceValues.bytes(service, "memswap_limit", v, true))
                .filter(n -> n != 0).ifPresent(b::memorySwapBytes);
        nanoCpus(service, "cpus").ifPresent(b::nanoCpus);
        ServiceValues.at(service, "cpu_shares").map(v -> ServiceValues.integer(service, "cpu_shares", v))
                .filter(n -> n != 0).ifPresent(n -> b.cpuShares(Math.toIntExact(n)));
        ServiceValues.at(service, "cpuset").map(v -> ServiceValues.text(service, "cpuset", v))
                .filter(s -> !s.isEmpty()).ifPresent(b::cpusetCpus);
        ServiceValues.at(service, "pids_limit").map(v -> ServiceValues.integer(service, "pids_limit", v))
                .filter(n -> n != 0).ifPresent(b::pidsLimit);
        bytes(service, "shm_size").ifPresent(b::shmSizeBytes);
        ServiceValues.at(service, "oom_score_adj").map(v -> ServiceValues.integer(service, "oom_score_adj", v))
                .filter(n -> n != 0).ifPresent(n -> b.oomScoreAdj(Math.toIntExact(n)));
        ServiceValues.at(service, "oom_kill_disable").filter(Boolean.TRUE::equals)
                .ifPresent(v -> b.oomKillDisable(true));
        // deploy wins, as compose: its limits replace the service-level ones they name
        bytes(service, "deploy.resources.limits.memory").ifPresent(b::memoryBytes);
        nanoCpus(service, "deploy.resources.limits.cpus").ifPresent(b::nanoCpus);
        ServiceValues.at(service, "deploy.resources.limits.pids")
                .map(v -> ServiceValues.integer(service, "deploy.resources.limits.pids", v))
                .filter(n -> n > 0).ifPresent(b::pidsLimit);
        bytes(service, "deploy.resources.reservations.memory").ifPresent(b::memoryReservationBytes);
        return b.build();
    }

    private static Optional<Long> bytes(ComposeService service, String key) {
        return ServiceValues.at(service, key).map(v -> ServiceValues.bytes(service, key, v, false)).filter(n -> n != 0);
    }

    private static Optional<Long> nanoCpus(ComposeService service, String key) {
        return ServiceValues.at(service, key).map(v -> ServiceValues.nanoCpus(service, key, v)).filter(n -> n != 0);
    }
}
