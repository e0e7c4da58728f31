package io.p4n4.benchmarks.fleet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of a list of samples (nearest rank). */
public final class Stats {

    private Stats() {
    }

    /** The {@code p}th percentile (0-100) of {@code samples}, nearest rank. */
    public static double percentile(List<Double> samples, double p) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** {@code n=... p50=... p90=... p99=... max=...} of samples in milliseconds. */
    public static String summary(List<Double> ms) {
        return String.format("n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms", ms.size(), percentile(ms, 50),
                percentile(ms, 90), percentile(ms, 99), percentile(ms, 100));
    }
}
