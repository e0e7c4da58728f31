package io.p4n4.api.engine;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The kernel's limits on a container: memory, CPU, processes, shared memory and the OOM killer, as
 * compose's {@code mem_limit}, {@code cpus}, {@code pids_limit}, {@code shm_size}, {@code oom_score_adj}
 * and {@code deploy.resources} set them. Unset parts keep the engine's default. Immutable; build with
 * {@link #builder()}.
 */
public final class ResourceLimits {
    /** No limits: every part keeps the engine's default. */
    public static final ResourceLimits NONE = builder().build();

    private final @Nullable Long memoryBytes;
    private final @Nullable Long memoryReservationBytes;
    private final @Nullable Long memorySwapBytes;
    private final @Nullable Long nanoCpus;
    private final @Nullable Integer cpuShares;
    private final @Nullable String cpusetCpus;
    private final @Nullable Long pidsLimit;
    private final @Nullable Long shmSizeBytes;
    private final @Nullable Integer oomScoreAdj;
    private final @Nullable Boolean oomKillDisable;

    private ResourceLimits(Builder b) {
        this.memoryBytes = b.memoryBytes;
        this.memoryReservationBytes = b.memoryReservationBytes;
        this.memorySwapBytes = b.memorySwapBytes;
        this.nanoCpus = b.nanoCpus;
        this.cpuShares = b.cpuShares;
        this.cpusetCpus = b.cpusetCpus;
        this.pidsLimit = b.pidsLimit;
        this.shmSizeBytes = b.shmSizeBytes;
        this.oomScoreAdj = b.oomScoreAdj;
        this.oomKillDisable = b.oomKillDisable;
    }

    /** Starts an empty set of limits. */
    public static Builder builder() {
        return new Builder();
    }

    /** True when no part is set. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The hard memory limit in bytes. */
    public Optional<Long> findMemoryBytes() {
        return Optional.ofNullable(memoryBytes);
    }

    /** The soft memory limit (reservation) in bytes. */
    public Optional<Long> findMemoryReservationBytes() {
        return Optional.ofNullable(memoryReservationBytes);
    }

    /** Memory plus swap in bytes; {@code -1} means unlimited swap. */
    public Optional<Long> findMemorySwapBytes() {
        return Optional.ofNullable(memorySwapBytes);
    }

    /** CPUs in billionths of a CPU ({@code cpus: 1.5} is 1,500,000,000). */
    public Optional<Long> findNanoCpus() {
        return Optional.ofNullable(nanoCpus);
    }

    /** The relative CPU weight. */
    public Optional<Integer> findCpuShares() {
        return Optional.ofNullable(cpuShares);
    }

    /** The CPUs the container may run on ({@code 0-1}, {@code 0,2}). */
    public Optional<String> findCpusetCpus() {
        return Optional.ofNullable(cpusetCpus);
    }

    /** The most processes the container may run; {@code -1} means unlimited. */
    public Optional<Long> findPidsLimit() {
        return Optional.ofNullable(pidsLimit);
    }

    /** The size of {@code /dev/shm} in bytes. */
    public Optional<Long> findShmSizeBytes() {
        return Optional.ofNullable(shmSizeBytes);
    }

    /** The OOM killer's score adjustment, from -1000 to 1000. */
    public Optional<Integer> findOomScoreAdj() {
        return Optional.ofNullable(oomScoreAdj);
    }

    /** Whether the OOM killer spares the container. */
    public Optional<Boolean> findOomKillDisable() {
        return Optional.ofNullable(oomKillDisable);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (!(o instanceof ResourceLimits)) {
            return false;
        }
        ResourceLimits r = (ResourceLimits) o;
        return Objects.equals(memoryBytes, r.memoryBytes)
                && Objects.equals(memoryReservationBytes, r.memoryReservationBytes)
                && Objects.equals(memorySwapBytes, r.memorySwapBytes) && Objects.equals(nanoCpus, r.nanoCpus)
                && Objects.equals(cpuShares, r.cpuShares) && Objects.equals(cpusetCpus, r.cpusetCpus)
                && Objects.equals(pidsLimit, r.pidsLimit) && Objects.equals(shmSizeBytes, r.shmSizeBytes)
                && Objects.equals(oomScoreAdj, r.oomScoreAdj) && Objects.equals(oomKillDisable, r.oomKillDisable);
    }

    @Override
    public int hashCode() {
        return Objects.hash(memoryBytes, memoryReservationBytes, memorySwapBytes, nanoCpus, cpuShares, cpusetCpus,
                pidsLimit, shmSizeBytes, oomScoreAdj, oomKillDisable);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ResourceLimits[");
        part(sb, "memory", memoryBytes);
        part(sb, "memoryReservation", memoryReservationBytes);
        part(sb, "memorySwap", memorySwapBytes);
        part(sb, "nanoCpus", nanoCpus);
        part(sb, "cpuShares", cpuShares);
        part(sb, "cpuset", cpusetCpus);
        part(sb, "pids", pidsLimit);
        part(sb, "shmSize", shmSizeBytes);
        part(sb, "oomScoreAdj", oomScoreAdj);
        part(sb, "oomKillDisable", oomKillDisable);
        return sb.append(']').toString();
    }

    private static void part(StringBuilder sb, String name, @Nullable Object value) {
        if (value != null) {
            sb.append(sb.charAt(sb.length() - 1) == '[' ? "" : ", ").append(name).append('=').append(value);
        }
    }

    /** Collects the parts of {@link ResourceLimits}; {@code null} unsets a part. Not thread-safe. */
    public static final class Builder {
        private @Nullable Long memoryBytes;
        private @Nullable Long memoryReservationBytes;
        private @Nullable Long memorySwapBytes;
        private @Nullable Long nanoCpus;
        private @Nullable Integer cpuShares;
        private @Nullable String cpusetCpus;
        private @Nullable Long pidsLimit;
        private @Nullable Long shmSizeBytes;
        private @Nullable Integer oomScoreAdj;
        private @Nullable Boolean oomKillDisable;

        private Builder() {
        }

        /** Sets the hard memory limit in bytes (positive). */
        public Builder memoryBytes(@Nullable Long bytes) {
            this.memoryBytes = positive("memory", bytes);
            return this;
        }

        /** Sets the memory reservation in bytes (positive). */
        public Builder memoryReservationBytes(@Nullable Long bytes) {
            this.memoryReservationBytes = positive("memory reservation", bytes);
            return this;
        }

        /** Sets memory plus swap in bytes ({@code -1}: unlimited swap). */
        public Builder memorySwapBytes(@Nullable Long bytes) {
            if (bytes != null && bytes != -1) {
                positive("memory swap", bytes);
            }
            this.memorySwapBytes = bytes;
            return this;
        }

        /** Sets CPUs in billionths of a CPU (positive). */
        public Builder nanoCpus(@Nullable Long nanoCpus) {
            this.nanoCpus = positive("nanoCpus", nanoCpus);
            return this;
        }

        /** Sets the relative CPU weight (positive). */
        public Builder cpuShares(@Nullable Integer shares) {
            if (shares != null && shares <= 0) {
                throw new IllegalArgumentException("cpu shares must be positive, not " + shares);
            }
            this.cpuShares = shares;
            return this;
        }

        /** Sets the CPUs the container may run on ({@code 0-1}, {@code 0,2}). */
        public Builder cpusetCpus(@Nullable String cpus) {
            if (cpus != null && !cpus.matches("\\d+(-\\d+)?(,\\d+(-\\d+)?)*")) {
                throw new IllegalArgumentException("cpuset must list CPUs like 0-1 or 0,2, not " + cpus);
            }
            this.cpusetCpus = cpus;
            return this;
        }

        /** Sets the most processes ({@code -1}: unlimited). */
        public Builder pidsLimit(@Nullable Long limit) {
            if (limit != null && limit != -1) {
                positive("pids limit", limit);
            }
            this.pidsLimit = limit;
            return this;
        }

        /** Sets the size of {@code /dev/shm} in bytes (positive). */
        public Builder shmSizeBytes(@Nullable Long bytes) {
            this.shmSizeBytes = positive("shm size", bytes);
            return this;
        }

        /** Sets the OOM score adjustment (-1000 to 1000). */
        public Builder oomScoreAdj(@Nullable Integer adj) {
            if (adj != null && (adj < -1000 || adj > 1000)) {
                throw new IllegalArgumentException("oom score adjustment must be from -1000 to 1000, not " + adj);
            }
            this.oomScoreAdj = adj;
            return this;
        }

        /** Spares the container from the OOM killer, or not. */
        public Builder oomKillDisable(@Nullable Boolean disable) {
            this.oomKillDisable = disable;
            return this;
        }

        /** Builds the immutable limits. */
        public ResourceLimits build() {
            return new ResourceLimits(this);
        }

        private static @Nullable Long positive(String what, @Nullable Long value) {
            if (value != null && value <= 0) {
                throw new IllegalArgumentException(what + " must be positive, not " + value);
            }
            return value;
        }
    }
}
