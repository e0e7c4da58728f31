package io.p4n4.core.compose.exec.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.HealthcheckSpec;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.Mount;
import io.p4n4.api.engine.MountType;
import io.p4n4.api.engine.VolumeSpec;
import io.p4n4.core.compose.ComposeProject;
import io.p4n4.core.compose.ComposeService;
import io.p4n4.core.compose.ComposeVolume;
import io.p4n4.core.compose.DependencyCondition;
import io.p4n4.core.compose.ServiceDependency;
import io.p4n4.core.compose.exec.ComposeLabels;
import io.p4n4.core.compose.exec.ProgressEvent;
import io.p4n4.core.compose.exec.ProgressEvent.Step;
import io.p4n4.core.compose.exec.ProgressListener;
import io.p4n4.core.compose.exec.UpOptions;
import io.p4n4.core.compose.exec.UpResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One {@code up}: images, networks, volumes, then containers in dependency order, then waiting. */
public final class UpRun {
    private static final Duration RECREATE_STOP_TIMEOUT = Duration.ofSeconds(10);

    private final ContainerEngine engine;
    private final ComposeProject project;
    private final UpOptions options;
    private final ProgressListener progress;
    private final List<String> created = new ArrayList<>();
    private final List<String> recreated = new ArrayList<>();
    private final List<String> started = new ArrayList<>();
    private final List<String> unchanged = new ArrayList<>();
    private final Map<String, String> containers = new HashMap<>();
    private final Map<String, HealthcheckSpec> healthchecks = new HashMap<>();

    private UpRun(ContainerEngine engine, ComposeProject project, UpOptions options) {
        this.engine = engine;
        this.project = project;
        this.options = options;
        this.progress = options.progress();
    }

    /** Brings {@code project} up on {@code engine}. */
    public static UpResult run(ContainerEngine engine, ComposeProject project, UpOptions options) {
        return new UpRun(engine, project, options).run();
    }

    private UpResult run() {
        long begin = System.nanoTime();
        long deadline = begin + options.timeout().toNanos();
        List<ComposeService> services = selected();
        checkCancelled();
        Images.ensure(engine, services, options.pullPolicy(), progress);
        Resources.ensureNetworks(engine, project, options.externalNetworkOwners(), progress);
        Resources.ensureVolumes(engine, project, progress);
        try (ProjectWatch watch = ProjectWatch.open(engine, project.name())) {
            options.cancellation().onCancel(watch::wake);
            ReadinessWaiter waiter = new ReadinessWaiter(engine, watch, options.cancellation(), project.name(),
                    options.earlyHealthchecks());
            Map<String, ContainerSummary> existing = existing();
            for (ComposeService service : services) {
                awaitDependencies(waiter, service, deadline);
                checkCancelled();
                bringUp(service, existing.get(service.name()));
            }
            if (options.waitReady()) {
                for (ComposeService service : services) {
                    progress.onProgress(ProgressEvent.of(Step.WAITING, service.name(), "ready"));
                    waiter.await(service.name(), containers.get(service.name()), Readiness.READY,
                            healthchecks.get(service.name()), deadline);
                    progress.onProgress(ProgressEvent.of(Step.READY, service.name(), ""));
                }
            }
            watch.checkStream();
        }
        return new UpResult(created, recreated, started, unchanged, Duration.ofNanos(System.nanoTime() - begin));
    }

    private void bringUp(ComposeService service, ContainerSummary current) {
        ContainerSpec spec = ContainerSpecs.of(project, service);
        healthchecks.put(service.name(), spec.findHealthcheck().orElse(null));
        ensureAnonymousVolumes(spec);
        if (current != null && service.configHash().equals(current.labels().get(ComposeLabels.CONFIG_HASH))) {
            containers.put(service.name(), current.id());
            if (current.state() == ContainerState.RUNNING || completed(current)) {
                unchanged.add(service.name());
                progress.onProgress(ProgressEvent.of(Step.CONTAINER_UNCHANGED, service.name(), current.name()));
            } else {
                engine.startContainer(current.id());
                started.add(service.name());
                progress.onProgress(ProgressEvent.of(Step.CONTAINER_STARTED, service.name(), current.name()));
            }
            return;
        }
        if (current != null) {
            progress.onProgress(ProgressEvent.of(Step.CONTAINER_RECREATING, service.name(), "configuration changed"));
            if (current.state().isAlive()) {
                engine.stopContainer(current.id(), RECREATE_STOP_TIMEOUT);
            }
            engine.removeContainer(current.id(), true, false);
        }
        String id = engine.createContainer(spec);
        containers.put(service.name(), id);
        progress.onProgress(ProgressEvent.of(Step.CONTAINER_CREATED, service.name(), spec.findName().orElse(id)));
        engine.startContainer(id);
        progress.onProgress(ProgressEvent.of(Step.CONTAINER_STARTED, service.name(), spec.findName().orElse(id)));
        (current == null ? created : recreated).add(service.name());
    }

    /** A one-shot service that already ran to success is done; starting it again would redo its work. */
    private boolean completed(ContainerSummary c) {
        return c.state() == ContainerState.EXITED
                && engine.findContainer(c.id()).map(i -> i.exitCode() == 0).orElse(false);
    }

    private void awaitDependencies(ReadinessWaiter waiter, ComposeService service, long deadline) {
        for (ServiceDependency dep : service.dependsOn().values()) {
            String container = containers.get(dep.service());
            if (container == null) {
                continue; // optional dependency not in the project or not selected
            }
            Readiness readiness = dep.condition() == DependencyCondition.SERVICE_HEALTHY ? Readiness.HEALTHY
                    : dep.condition() == DependencyCondition.SERVICE_COMPLETED_SUCCESSFULLY ? Readiness.COMPLETED
                    : Readiness.STARTED;
            progress.onProgress(ProgressEvent.of(Step.WAITING, dep.service(),
                    dep.condition().composeName() + " for " + service.name()));
            waiter.await(dep.service(), container, readiness, healthchecks.get(dep.service()), deadline);
            progress.onProgress(ProgressEvent.of(Step.READY, dep.service(), dep.condition().composeName()));
        }
    }

    private Map<String, ContainerSummary> existing() {
        Map<String, ContainerSummary> out = new HashMap<>();
        for (ContainerSummary c : engine.listContainers(LabelFilter.of(ComposeLabels.PROJECT, project.name())
                .and(ComposeLabels.ONEOFF, "False"), true)) {
            String service = c.labels().get(ComposeLabels.SERVICE);
            if (service != null) {
                out.putIfAbsent(service, c);
            }
        }
        return out;
    }

    private void ensureAnonymousVolumes(ContainerSpec spec) {
        Set<String> declared = new java.util.HashSet<>();
        project.volumes().values().stream().map(ComposeVolume::name).forEach(declared::add);
        for (Mount m : spec.mounts()) {
            if (m.type() == MountType.VOLUME && !declared.contains(m.source())
                    && engine.findVolume(m.source()).isEmpty()) {
                engine.createVolume(VolumeSpec.of(m.source(), Resources.labels(project, ComposeLabels.VOLUME,
                        m.source())));
                progress.onProgress(ProgressEvent.of(Step.VOLUME_CREATED, m.source(), "anonymous"));
            }
        }
    }

    /** The selected services and everything they depend on, in dependency order. */
    private List<ComposeService> selected() {
        if (options.services().isEmpty()) {
            return project.servicesInDependencyOrder();
        }
        Set<String> wanted = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(options.services());
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (wanted.add(name)) {
                project.service(name).dependsOn().values().stream().filter(d -> project.findService(d.service())
                        .isPresent()).forEach(d -> todo.push(d.service()));
            }
        }
        return project.servicesInDependencyOrder().stream().filter(s -> wanted.contains(s.name())).toList();
    }

    private void checkCancelled() {
        if (options.cancellation().isCancelled()) {
            throw new P4n4Exception(ErrorCode.GENERAL, "up of project " + project.name() + " was cancelled");
        }
    }
}
