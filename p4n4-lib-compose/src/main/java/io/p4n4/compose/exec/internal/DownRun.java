package io.p4n4.compose.exec.internal;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.NetworkInfo;
import io.p4n4.api.engine.RemoveContainerOptions;
import io.p4n4.api.engine.RemoveVolumeOptions;
import io.p4n4.api.engine.VolumeInfo;
import io.p4n4.compose.ComposeNetwork;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.exec.ComposeLabels;
import io.p4n4.compose.exec.DownOptions;
import io.p4n4.compose.exec.DownResult;
import io.p4n4.compose.exec.ProgressEvent;
import io.p4n4.compose.exec.ProgressEvent.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * One {@code down}: the project's containers (found by label), then its own networks, then (optionally) its
 * volumes. Objects of other projects are never touched, even when this project uses them as external.
 * Containers stop in reverse dependency order, each level in parallel (as compose does), so a stack of
 * slow-to-stop services takes one stop timeout per level, not per container.
 */
public final class DownRun {
    /** At most this many containers stop at once. */
    private static final int PARALLEL_STOPS = 8;

    private DownRun() {
    }

    /** Takes {@code project} down on {@code engine}. */
    public static DownResult run(ContainerEngine engine, ComposeProject project, DownOptions options) {
        LabelFilter mine = LabelFilter.of(ComposeLabels.PROJECT, project.name());
        StopLevels levels = new StopLevels(project);
        TreeMap<Integer, List<ContainerSummary>> byLevel = new TreeMap<>(Comparator.reverseOrder());
        for (ContainerSummary c : engine.listContainers(ContainerFilter.all(mine))) {
            String service = c.labels().getOrDefault(ComposeLabels.SERVICE, "");
            boolean orphan = project.findService(service).isEmpty();
            if (orphan && !options.removeOrphans()) {
                options.progress().onProgress(ProgressEvent.of(Step.WARNING, c.name(),
                        "orphan container of service " + service + " kept; remove it with orphans"));
                continue;
            }
            byLevel.computeIfAbsent(levels.of(service), k -> new ArrayList<>()).add(c);
        }
        List<String> containers = new ArrayList<>();
        for (List<ContainerSummary> level : byLevel.values()) {
            containers.addAll(Parallel.map(level, PARALLEL_STOPS, c -> stopAndRemove(engine, c,
                    stopTimeout(project, c, options), options)));
        }
        List<String> networks = new ArrayList<>();
        for (ComposeNetwork n : project.networks().values()) {
            if (n.external()) {
                continue;
            }
            NetworkInfo info = engine.findNetwork(n.name()).orElse(null);
            if (info == null || !project.name().equals(info.labels().get(ComposeLabels.PROJECT))) {
                continue; // not there, or made by someone else: not ours to remove
            }
            if (engine.removeNetwork(n.name())) {
                networks.add(n.name());
                options.progress().onProgress(ProgressEvent.of(Step.NETWORK_REMOVED, n.name(), ""));
            }
        }
        List<String> volumes = new ArrayList<>();
        if (options.removeVolumes()) {
            for (VolumeInfo v : engine.listVolumes(mine)) {
                if (engine.removeVolume(v.name(), RemoveVolumeOptions.forced())) {
                    volumes.add(v.name());
                    options.progress().onProgress(ProgressEvent.of(Step.VOLUME_REMOVED, v.name(), ""));
                }
            }
        }
        return new DownResult(containers, networks, volumes);
    }

    /** The options' timeout, else the service's stop_grace_period, else compose's 10 seconds. */
    private static Duration stopTimeout(ComposeProject project, ContainerSummary c, DownOptions options) {
        return options.findStopTimeout().orElseGet(() -> project.findService(c.labels().getOrDefault(
                ComposeLabels.SERVICE, "")).flatMap(ContainerSpecs::stopGracePeriod)
                .orElse(ContainerSpecs.DEFAULT_STOP_TIMEOUT));
    }

    private static String stopAndRemove(ContainerEngine engine, ContainerSummary c, Duration stopTimeout,
            DownOptions options) {
        String service = c.labels().getOrDefault(ComposeLabels.SERVICE, "");
        if (c.state().isAlive()) {
            engine.stopContainer(c.id(), stopTimeout);
            options.progress().onProgress(ProgressEvent.of(Step.CONTAINER_STOPPED, c.name(), service));
        }
        removeRetrying(engine, c.id());
        options.progress().onProgress(ProgressEvent.of(Step.CONTAINER_REMOVED, c.name(), service));
        return c.name();
    }

    /**
     * Removes a container, trying again a few times when the engine refuses: a container with a restart policy
     * that keeps failing is caught between restarts now and then, and the engine then answers "could not be
     * stopped: container state improper" although the next attempt succeeds (seen on Podman's Docker-compatible
     * API). The last refusal is thrown.
     */
    static void removeRetrying(ContainerEngine engine, String container) {
        for (int attempt = 1; ; attempt++) {
            try {
                engine.removeContainer(container, RemoveContainerOptions.forced().withAnonymousVolumes());
                return;
            } catch (io.p4n4.api.EngineException e) {
                if (attempt == 5) {
                    throw e;
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
