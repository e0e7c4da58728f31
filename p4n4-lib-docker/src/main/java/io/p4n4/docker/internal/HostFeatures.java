package io.p4n4.docker.internal;

import com.fasterxml.jackson.databind.JsonNode;

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
    static HostFeatures of(JsonNode info) {
        return new HostFeatures(yes(info, "MemoryLimit"), yes(info, "SwapLimit"), yes(info, "CpuCfsQuota"),
                yes(info, "CpuShares"), yes(info, "CpuSet"), yes(info, "OomKillDisable"));
    }

    private static boolean yes(JsonNode info, String flag) {
        JsonNode v = info.get(flag);
        return v == null || !v.isBoolean() || v.booleanValue();
    }
}
