package io.p4n4.compose.exec.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeService;
import io.p4n4.compose.exec.ComposeLabels;
import io.p4n4.compose.exec.ProgressEvent;
import io.p4n4.compose.exec.ProgressEvent.Step;
import io.p4n4.compose.exec.ProgressListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code stop}, {@code start} and {@code restart} of existing containers, as compose does them: nothing is
 * created or removed; stop goes in reverse dependency order (each level in parallel), start in dependency
 * order. Services named that are not in the file are a USER error; a service without containers is skipped.
 */
public final class ServiceControl {
    private static final int PARALLEL = 8;

    private final ContainerEngine engine;
    private final ComposeProject project;
    private final ProgressListener progress;

    public ServiceControl(ContainerEngine engine, ComposeProject project, ProgressListener progress) {
        this.engine = engine;
        this.project = project;
        this.progress = progress;
    }

    /**
     * Stops the running containers of {@code services} (all when empty), each within {@code timeout} or its
     * service's stop_grace_period (10 s without one).
     *
     * @return the names of the containers stopped
     */
    public List<String> stop(List<String> services, @Nullable Duration timeout) {
        StopLevels levels = new StopLevels(project);
        TreeMap<Integer, List<ContainerSummary>> byLevel = new TreeMap<>(Comparator.reverseOrder());
        for (String service : selected(services)) {
            for (ContainerSummary c : containers(service)) {
                if (c.state().isAlive()) {
                    byLevel.computeIfAbsent(levels.of(service), k -> new ArrayList<>()).add(c);
                }
            }
        }
        List<String> stopped = new ArrayList<>();
        for (List<ContainerSummary> level : byLevel.values()) {
            stopped.addAll(Parallel.map(level, PARALLEL, c -> {
                String service = c.labels().getOrDefault(ComposeLabels.SERVICE, "");
                Duration t = timeout != null ? timeout : project.findService(service)
                        .flatMap(ContainerSpecs::stopGracePeriod).orElse(ContainerSpecs.DEFAULT_STOP_TIMEOUT);
                engine.stopContainer(c.id(), t);
                progress.onProgress(ProgressEvent.of(Step.CONTAINER_STOPPED, service, c.name()));
                return c.name();
            }));
        }
        return stopped;
    }

    /**
     * Starts the stopped containers of {@code services} (all when empty) in dependency order.
     *
     * @return the names of the containers started
     * @throws P4n4Exception USER when none of the services has a container (bring the project up first)
     */
    public List<String> start(List<String> services) {
        List<String> started = new ArrayList<>();
        boolean any = false;
        for (String service : selected(services)) {
            for (ContainerSummary c : containers(service)) {
                any = true;
                if (!c.state().isAlive()) {
                    engine.startContainer(c.id());
                    progress.onProgress(ProgressEvent.of(Step.CONTAINER_STARTED, service, c.name()));
                    started.add(c.name());
                }
            }
        }
        if (!any) {
            throw new P4n4Exception(ErrorCode.USER, "project " + project.name() + " has no containers"
                    + (services.isEmpty() ? "" : " of " + String.join(", ", services)) + " on " + engine.id()
                    + " to start; create them with up first");
        }
        return started;
    }

    /** Stops then starts the containers of {@code services} (all when empty), stopped ones included, as compose restart. */
    public List<String> restart(List<String> services, @Nullable Duration timeout) {
        stop(services, timeout);
        List<String> all = new ArrayList<>();
        for (String service : selected(services)) {
            for (ContainerSummary c : containers(service)) {
                engine.startContainer(c.id());
                progress.onProgress(ProgressEvent.of(Step.CONTAINER_STARTED, service, c.name()));
                all.add(c.name());
            }
        }
        return all;
    }

    /** The services named (each checked: USER error naming the known ones), all when none, in dependency order. */
    private List<String> selected(List<String> services) {
        services.forEach(project::service);
        return project.servicesInDependencyOrder().stream().map(ComposeService::name)
                .filter(n -> services.isEmpty() || services.contains(n)).toList();
    }

    /** The service's containers (not one-off ones) by replica number, as they are now. */
    private List<ContainerSummary> containers(String service) {
        return engine.listContainers(ContainerFilter.all(LabelFilter.of(ComposeLabels.PROJECT, project.name())
                        .and(ComposeLabels.SERVICE, service).and(ComposeLabels.ONEOFF, "False"))).stream()
                .sorted(Comparator.comparing(c -> ComposeLabels.containerNumber(c.labels()))).toList();
    }
}
