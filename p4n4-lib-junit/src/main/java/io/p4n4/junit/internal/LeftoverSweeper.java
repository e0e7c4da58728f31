package io.p4n4.junit.internal;

import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.NetworkInfo;
import io.p4n4.api.engine.RemoveContainerOptions;
import io.p4n4.api.engine.RemoveVolumeOptions;
import io.p4n4.api.engine.VolumeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what test runs left behind when their JVM died without cleaning up (kill -9, a crashed fork): every
 * container, then network, then volume whose {@link RunLabels#RUN} names a run of this host that is gone.
 * Runs of live JVMs, of other hosts and reused projects (which carry no run label) are left alone. No
 * sidecar container is needed: the next run does the cleaning. Thread-safe.
 */
public final class LeftoverSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(LeftoverSweeper.class);
    /** Endpoints already swept by this JVM: one sweep per engine is enough, leftovers do not appear later. */
    private static final Set<String> SWEPT = ConcurrentHashMap.newKeySet();

    private LeftoverSweeper() {
    }

    /** Sweeps {@code engine} unless this JVM already did. */
    public static void sweepOnce(ContainerEngine engine) {
        if (SWEPT.add(engine.id() + " " + engine.endpoint())) {
            sweep(engine);
        }
    }

    /** Sweeps {@code engine} now; returns the names of what was removed. */
    public static List<String> sweep(ContainerEngine engine) {
        LabelFilter labelled = LabelFilter.has(RunLabels.RUN);
        List<String> removed = new ArrayList<>();
        for (ContainerSummary c : engine.listContainers(ContainerFilter.all(labelled))) {
            if (dead(c.labels())) {
                tryRemove(removed, "container " + c.name(), () -> engine.removeContainer(c.id(),
                        RemoveContainerOptions.forced().withAnonymousVolumes()));
            }
        }
        for (NetworkInfo n : engine.listNetworks(labelled)) {
            if (dead(n.labels())) {
                tryRemove(removed, "network " + n.name(), () -> engine.removeNetwork(n.name()));
            }
        }
        for (VolumeInfo v : engine.listVolumes(labelled)) {
            if (dead(v.labels())) {
                tryRemove(removed, "volume " + v.name(), () -> engine.removeVolume(v.name(),
                        RemoveVolumeOptions.forced()));
            }
        }
        if (!removed.isEmpty()) {
            LOG.info("removed the leftovers of dead test runs on {}: {}", engine.id(), removed);
        }
        return removed;
    }

    private static boolean dead(Map<String, String> labels) {
        return RunIdentity.parse(labels.getOrDefault(RunLabels.RUN, "")).map(RunIdentity::deadOnThisHost)
                .orElse(false);
    }

    /** Another JVM may sweep the same leftovers at the same time: losing that race is fine. */
    private static void tryRemove(List<String> removed, String what, Runnable removal) {
        try {
            removal.run();
            removed.add(what);
        } catch (P4n4Exception e) {
            LOG.debug("could not remove {} (another run may have): {}", what, e.getMessage());
        }
    }
}
