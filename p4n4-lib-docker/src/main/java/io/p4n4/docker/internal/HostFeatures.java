package io.p4n4.docker.internal;

import com.github.dockerjava.api.model.Info;

/**
 * What the engine's kernel and cgroup layout can limit, as {@code GET /info} reports it. Docker accepts a
 * limit the host cannot enforce and only warns that it was discarded, so these predict the refusal.
 *
 * @param memoryLimit memory limits and reservations
 * @param swapLimit memory plus swap limits
 * @param cpuCfsQuota CPU quotas ({@code cpus})
 * @param cpuShares CPU shares
 * @param cpuSet CPU sets
 * @param oomKillDisable disabling the OOM killer
 */
record HostFeatures(boolean memoryLimit, boolean swapLimit, boolean cpuCfsQuota, boolean cpuShares,
                    boolean cpuSet, boolean oomKillDisable) {

    /** A host that supports every limit. */
    static final HostFeatures ALL = new HostFeatures(true, true, true, true, true, true);

    /** Reads the features from {@code /info}; a flag the engine does not report counts as supported. */
    static HostFeatures of(Info info) {
        return new HostFeatures(yes(info.getMemoryLimit()), yes(info.getSwapLimit()), yes(info.getCpuCfsQuota()),
                yes(info.getCpuShares()), yes(info.getCpuSet()), yes(info.getOomKillDisable()));
    }

    private static boolean yes(Boolean flag) {
        return flag == null || flag;
    }
}
