package io.p4n4.compose.exec.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.Cancellation;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerInfo;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.HealthcheckSpec;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.Mount;
import io.p4n4.api.engine.MountType;
import io.p4n4.api.engine.RemoveContainerOptions;
import io.p4n4.api.engine.VolumeSpec;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeService;
import io.p4n4.compose.ComposeVolume;
import io.p4n4.compose.DependencyCondition;
import io.p4n4.compose.ServiceDependency;
import io.p4n4.compose.exec.ComposeLabels;
import io.p4n4.compose.exec.ProgressEvent;
import io.p4n4.compose.exec.RecreatePolicy;
import io.p4n4.compose.exec.ProgressEvent.Step;
import io.p4n4.compose.exec.ProgressListener;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.compose.exec.UpResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/**
 * One {@code up}: images, networks, volumes, then containers in dependency order, then waiting. Like
 * compose, a service is brought up as soon as its own dependencies are met, so independent services
 * start in parallel; the first failure stops what has not started yet and is the one reported.
 */
public final class UpRun {
    /** At most this many services are brought up at once. */
    private static final int PARALLEL_SERVICES = 8;
    /** At most this many replicas of one service are brought up at once. */
    private static final int PARALLEL_REPLICAS = 8;

    private final ContainerEngine engine;
    private final ComposeProject project;
    private final UpOptions options;
    private final ProgressListener progress;
    private final List<String> created = Collections.synchronizedList(new ArrayList<>());
    private final List<String> recreated = Collections.synchronizedList(new ArrayList<>());
    private final List<String> started = Collections.synchronizedList(new ArrayList<>());
    private final List<String> unchanged = Collections.synchronizedList(new ArrayList<>());
    private final List<String> scaledDown = Collections.synchronizedList(new ArrayList<>());
    /** Each service's containers, in replica-number order. */
    private final Map<String, List<String>> containers = new ConcurrentHashMap<>();
    /** Absent for a service without a healthcheck (a concurrent map holds no nulls). */
    private final Map<String, HealthcheckSpec> healthchecks = new ConcurrentHashMap<>();
    /** The project's containers before this up, by service and replica number. */
    private Map<String, Map<Integer, ContainerSummary>> existing = Map.of();
    /** Services that got new containers in this up: those sharing their network namespace need new ones too. */
    private final Set<String> replaced = ConcurrentHashMap.newKeySet();
    /** Cancelled by the caller's cancellation or by the first failure, so nothing else starts. */
    private final Cancellation stop = Cancellation.create();

    private UpRun(ContainerEngine engine, ComposeProject project, UpOptions options) {
        this.engine = engine;
        this.project = project;
        this.options = options;
        this.progress = options.progress();
        options.cancellation().onCancel(stop::cancel);
    }

    /** Brings {@code project} up on {@code engine}. */
    public static UpResult run(ContainerEngine engine, ComposeProject project, UpOptions options) {
        return new UpRun(engine, project, options).run();
    }

    private UpResult run() {
        long begin = System.nanoTime();
        long deadline = begin + options.timeout().toNanos();
        List<ComposeService> services = selected();
        Preflight.check(engine, project, services, progress);
        checkCancelled();
        Images.ensure(engine, project, services, options.findPullPolicy(), options.build(), progress);
        Resources.ensureNetworks(engine, project, options.externalNetworkOwners(), progress);
        Resources.ensureVolumes(engine, project, progress);
        try (ProjectWatch watch = ProjectWatch.open(engine, project.name())) {
            stop.onCancel(watch::wake);
            ReadinessWaiter waiter = new ReadinessWaiter(engine, watch, stop, project.name(),
                    options.earlyHealthchecks(), options.waitReady() && options.waitReadyEarly());
            existing = existing();
            handleOrphans();
            bringUpAll(services, waiter, deadline);
            watch.checkStream();
        }
        List<String> order = services.stream().map(ComposeService::name).toList();
        return UpResult.builder().created(inOrder(created, order)).recreated(inOrder(recreated, order))
                .started(inOrder(started, order)).unchanged(inOrder(unchanged, order))
                .scaledDown(inOrder(scaledDown, order)).elapsed(Duration.ofNanos(System.nanoTime() - begin)).build();
    }

    /**
     * Each service once its dependencies are up and their conditions met; independent ones in parallel. With
     * {@code --wait}, each service's wait for readiness starts as soon as that service is up, beside the
     * services still being brought up, instead of after all of them; dependents never wait for it (only
     * for their {@code depends_on} conditions). The waits have threads of their own: a wait that blocks
     * (a check needing a service not yet started) must not hold a thread the bring-up needs.
     */
    private void bringUpAll(List<ComposeService> services, ReadinessWaiter waiter, long deadline) {
        ExecutorService pool = daemonPool(Math.max(1, Math.min(PARALLEL_SERVICES, services.size())), "p4n4-up-");
        ExecutorService waits = daemonPool(Math.max(1, services.size()), "p4n4-wait-");
        AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();
        BiConsumer<Object, Throwable> onFailure = (ok, failed) -> {
            if (failed != null && firstFailure.compareAndSet(null, unwrap(failed))) {
                stop.cancel();
            }
        };
        try {
            Map<String, CompletableFuture<Void>> up = new HashMap<>();
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (ComposeService service : services) { // dependency order: a dependency's future exists
                CompletableFuture<?>[] deps = service.dependsOn().keySet().stream().map(up::get)
                        .filter(Objects::nonNull).toArray(CompletableFuture<?>[]::new);
                CompletableFuture<Void> f = CompletableFuture.allOf(deps).thenRunAsync(() -> {
                    awaitDependencies(waiter, service, deadline);
                    checkCancelled();
                    bringUp(service, existing.getOrDefault(service.name(), Map.of()));
                }, pool).whenComplete(onFailure);
                up.put(service.name(), f);
                all.add(f);
                if (options.waitReady()) {
                    all.add(f.thenRunAsync(() -> awaitReady(waiter, service, deadline), waits)
                            .whenComplete(onFailure));
                }
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture<?>[]::new)).join();
        } catch (CompletionException e) {
            throw firstFailure.get() != null ? firstFailure.get() : unwrap(e);
        } finally {
            pool.shutdown();
            waits.shutdownNow(); // a wait still running only after a failure: cancellation already woke it
        }
    }

    /** {@code --wait} for one service: every replica ready (healthy, or running without a check). */
    private void awaitReady(ReadinessWaiter waiter, ComposeService service, long deadline) {
        progress.onProgress(ProgressEvent.of(Step.WAITING, service.name(), "ready"));
        for (String container : containers.getOrDefault(service.name(), List.of())) {
            waiter.await(service.name(), container, Readiness.READY, healthchecks.get(service.name()), deadline);
        }
        progress.onProgress(ProgressEvent.of(Step.READY, service.name(), ""));
    }

    private ExecutorService daemonPool(int threads, String prefix) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, prefix + project.name());
            t.setDaemon(true);
            return t;
        });
    }

    /** The names in dependency order, whatever order the parallel bring-up finished them in. */
    private static List<String> inOrder(List<String> names, List<String> order) {
        return order.stream().filter(names::contains).toList();
    }

    private static RuntimeException unwrap(Throwable t) {
        Throwable cause = t;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }

    /** Every replica of the service (in parallel, as compose does), then the surplus of a lowered scale removed. */
    private void bringUp(ComposeService service, Map<Integer, ContainerSummary> current) {
        int replicas = ContainerSpecs.replicas(service);
        List<Integer> numbers = IntStream.rangeClosed(1, replicas).boxed().toList();
        List<ReplicaUp> up = Parallel.map(numbers, PARALLEL_REPLICAS, n -> {
            checkCancelled();
            return bringUp(service, n, current.get(n));
        });
        containers.put(service.name(), up.stream().map(ReplicaUp::container).toList());
        Change change = up.stream().map(ReplicaUp::change).max(Comparator.naturalOrder()).orElse(Change.UNCHANGED);
        List<ContainerSummary> surplus = current.entrySet().stream().filter(e -> e.getKey() > replicas)
                .map(Map.Entry::getValue).toList();
        Parallel.map(surplus, PARALLEL_REPLICAS, c -> {
            remove(service, c);
            progress.onProgress(ProgressEvent.of(Step.CONTAINER_REMOVED, service.name(), c.name()));
            return c;
        });
        if (!surplus.isEmpty()) {
            scaledDown.add(service.name());
        }
        if (surplus.isEmpty() || change != Change.UNCHANGED) {
            change.record(this, service.name());
        }
    }

    /** One replica's container and what happened to it. */
    private record ReplicaUp(String container, Change change) {
    }

    /** What happened to one service's containers, from the smallest change to the biggest. */
    private enum Change {
        UNCHANGED, STARTED, CREATED, RECREATED;

        void record(UpRun run, String service) {
            (switch (this) {
                case UNCHANGED -> run.unchanged;
                case STARTED -> run.started;
                case CREATED -> run.created;
                case RECREATED -> run.recreated;
            }).add(service);
        }
    }

    private ReplicaUp bringUp(ComposeService service, int number, ContainerSummary current) {
        ContainerSpec spec = ContainerSpecs.of(project, service, number);
        spec.findHealthcheck().ifPresent(h -> healthchecks.put(service.name(), h));
        ensureAnonymousVolumes(spec);
        boolean ownerReplaced = namespaceOwner(service).map(replaced::contains).orElse(false);
        String hash = ContainerSpecs.configHash(project, service);
        RecreatePolicy policy = options.recreate();
        if (current != null && (policy == RecreatePolicy.NEVER || policy == RecreatePolicy.DIVERGED
                && hash.equals(current.labels().get(ComposeLabels.CONFIG_HASH))
                && !imageChanged(spec, current) && !ownerReplaced)) {
            if (current.state() == ContainerState.RUNNING || completed(current)) {
                progress.onProgress(ProgressEvent.of(Step.CONTAINER_UNCHANGED, service.name(), current.name()));
                return new ReplicaUp(current.id(), Change.UNCHANGED);
            }
            engine.startContainer(current.id());
            progress.onProgress(ProgressEvent.of(Step.CONTAINER_STARTED, service.name(), current.name()));
            return new ReplicaUp(current.id(), Change.STARTED);
        }
        boolean sharedNamespace = number == 1; // network_mode: service:NAME joins replica 1
        if (sharedNamespace) {
            replaced.add(service.name());
        }
        if (current != null) {
            progress.onProgress(ProgressEvent.of(Step.CONTAINER_RECREATING, service.name(),
                    policy == RecreatePolicy.ALWAYS ? "forced" : ownerReplaced
                    ? "network_mode: " + service.networkMode().orElse("") + " was recreated"
                    : hash.equals(current.labels().get(ComposeLabels.CONFIG_HASH)) ? "image changed"
                    : "configuration changed"));
            if (sharedNamespace) {
                removeNamespaceSharers(service);
            }
            remove(service, current);
        }
        String id = engine.createContainer(spec);
        progress.onProgress(ProgressEvent.of(Step.CONTAINER_CREATED, service.name(), spec.findName().orElse(id)));
        engine.startContainer(id);
        progress.onProgress(ProgressEvent.of(Step.CONTAINER_STARTED, service.name(), spec.findName().orElse(id)));
        return new ReplicaUp(id, current == null ? Change.CREATED : Change.RECREATED);
    }

    /** The service whose network namespace {@code service} joins ({@code network_mode: service:NAME}). */
    private static Optional<String> namespaceOwner(ComposeService service) {
        return service.networkMode().filter(m -> m.startsWith("service:")).map(m -> m.substring("service:".length()));
    }

    /**
     * Removes the containers of the services that share {@code owner}'s network namespace before its container
     * goes: they would keep a namespace of their own nobody else is in (Docker), or stop the removal (Podman).
     * They depend on {@code owner}, so they are created again after it.
     */
    private void removeNamespaceSharers(ComposeService owner) {
        for (ComposeService s : project.services().values()) {
            if (namespaceOwner(s).filter(owner.name()::equals).isPresent()) {
                existing.getOrDefault(s.name(), Map.of()).values().forEach(c -> remove(s, c));
            }
        }
    }

    /** Stops (within the service's stop_grace_period, else 10 s) and removes {@code container}; gone is fine. */
    private void remove(ComposeService service, ContainerSummary container) {
        ContainerInfo now = engine.findContainer(container.id()).orElse(null);
        if (now == null) {
            return;
        }
        if (now.state().isAlive()) {
            engine.stopContainer(container.id(), ContainerSpecs.stopGracePeriod(service)
                    .orElse(ContainerSpecs.DEFAULT_STOP_TIMEOUT));
        }
        engine.removeContainer(container.id(), RemoveContainerOptions.forced());
    }

    /**
     * A container that runs another image than its tag names now: a pull brought new content, or up --build made
     * a new image. Compose recreates it too (its image digest label differs).
     */
    private boolean imageChanged(ContainerSpec spec, ContainerSummary current) {
        String runs = engine.findContainer(current.id()).map(ContainerInfo::imageId).map(UpRun::bareId).orElse("");
        return engine.findImage(spec.image()).map(i -> !bareId(i.id()).equals(runs)).orElse(true);
    }

    private static String bareId(String id) {
        return id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
    }

    /** A one-shot service that already ran to success is done; starting it again would redo its work. */
    private boolean completed(ContainerSummary c) {
        return c.state() == ContainerState.EXITED
                && engine.findContainer(c.id()).map(i -> i.exitCode() == 0).orElse(false);
    }

    private void awaitDependencies(ReadinessWaiter waiter, ComposeService service, long deadline) {
        for (ServiceDependency dep : service.dependsOn().values()) {
            List<String> replicas = containers.get(dep.service());
            if (replicas == null) {
                continue; // optional dependency not in the project or not selected
            }
            Readiness readiness = dep.condition() == DependencyCondition.SERVICE_HEALTHY ? Readiness.HEALTHY
                    : dep.condition() == DependencyCondition.SERVICE_COMPLETED_SUCCESSFULLY ? Readiness.COMPLETED
                    : Readiness.STARTED;
            progress.onProgress(ProgressEvent.of(Step.WAITING, dep.service(),
                    dep.condition().composeName() + " for " + service.name()));
            for (String container : replicas) {
                waiter.await(dep.service(), container, readiness, healthchecks.get(dep.service()), deadline);
            }
            progress.onProgress(ProgressEvent.of(Step.READY, dep.service(), dep.condition().composeName()));
        }
    }

    /**
     * Containers of services the file no longer has: removed with {@link UpOptions#removeOrphans()} (before the
     * others come up, as compose does), else kept with a WARNING that says how to remove them.
     */
    private void handleOrphans() {
        for (Map.Entry<String, Map<Integer, ContainerSummary>> e : existing.entrySet()) {
            if (project.findService(e.getKey()).isPresent()) {
                continue;
            }
            for (ContainerSummary c : e.getValue().values()) {
                if (!options.removeOrphans()) {
                    progress.onProgress(ProgressEvent.of(Step.WARNING, c.name(), "orphan container of service "
                            + e.getKey() + " (not in the file) kept; remove it with --remove-orphans"));
                    continue;
                }
                ContainerInfo now = engine.findContainer(c.id()).orElse(null);
                if (now != null && now.state().isAlive()) {
                    engine.stopContainer(c.id(), ContainerSpecs.DEFAULT_STOP_TIMEOUT);
                    progress.onProgress(ProgressEvent.of(Step.CONTAINER_STOPPED, c.name(), e.getKey()));
                }
                DownRun.removeRetrying(engine, c.id());
                progress.onProgress(ProgressEvent.of(Step.CONTAINER_REMOVED, c.name(), e.getKey()));
            }
        }
    }

    /** The project's containers by service and replica number (1 when a container has no number label). */
    private Map<String, Map<Integer, ContainerSummary>> existing() {
        Map<String, Map<Integer, ContainerSummary>> out = new HashMap<>();
        for (ContainerSummary c : engine.listContainers(ContainerFilter.all(
                LabelFilter.of(ComposeLabels.PROJECT, project.name()).and(ComposeLabels.ONEOFF, "False")))) {
            String service = c.labels().get(ComposeLabels.SERVICE);
            if (service != null) {
                out.computeIfAbsent(service, k -> new TreeMap<>())
                        .putIfAbsent(ComposeLabels.containerNumber(c.labels()), c);
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

    /**
     * The selected services and everything they depend on, in dependency order, with the services on their
     * network namespace (which cannot outlive the container they share, so follow its recreation).
     */
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
                project.services().values().stream().filter(s -> namespaceOwner(s).filter(name::equals).isPresent())
                        .forEach(s -> todo.push(s.name()));
            }
        }
        return project.servicesInDependencyOrder().stream().filter(s -> wanted.contains(s.name())).toList();
    }

    private void checkCancelled() {
        if (stop.isCancelled()) {
            throw new P4n4Exception(ErrorCode.GENERAL, "up of project " + project.name() + " was cancelled");
        }
    }
}
