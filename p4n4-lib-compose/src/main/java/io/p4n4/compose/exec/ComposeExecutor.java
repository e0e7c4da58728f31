package io.p4n4.compose.exec;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerInfo;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.ExecOptions;
import io.p4n4.api.engine.ExecResult;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.LogLine;
import io.p4n4.api.engine.LogOptions;
import io.p4n4.api.engine.Subscription;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeService;
import io.p4n4.compose.exec.internal.AllSubscriptions;
import io.p4n4.compose.exec.internal.Builds;
import io.p4n4.compose.exec.internal.DownRun;
import io.p4n4.compose.exec.internal.Images;
import io.p4n4.compose.exec.internal.ServiceControl;
import io.p4n4.compose.exec.internal.UpRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs compose projects on a {@link ContainerEngine}: {@code up}, {@code down}, {@code ps}, {@code logs},
 * {@code pull}, {@code upgrade}, through the engine's API only.
 *
 * <pre>{@code
 * ComposeProject project = ComposeLoader.load(LoadOptions.of(Path.of("stacks/iot/docker-compose.yml")));
 * try (ContainerEngine engine = EngineDiscovery.builder().build().connect()) {
 *     ComposeExecutor compose = ComposeExecutor.create(engine);
 *     compose.up(project, UpOptions.builder().waitReady(true).timeout(Duration.ofMinutes(3)).build());
 *     compose.ps(project).forEach(System.out::println);
 *     compose.down(project, DownOptions.defaults());
 * }
 * }</pre>
 *
 * <p>Every object carries the Docker Compose labels, so {@code docker compose ps} and {@code docker-compose ps}
 * list it too. Thread-safe; it holds no state besides the engine, which the caller owns and closes. Two
 * concurrent {@code up}s of the same project are not coordinated with each other.
 */
public final class ComposeExecutor {
    private final ContainerEngine engine;

    private ComposeExecutor(ContainerEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** An executor on {@code engine}. */
    public static ComposeExecutor create(ContainerEngine engine) {
        return new ComposeExecutor(engine);
    }

    /** The engine it runs on. */
    public ContainerEngine engine() {
        return engine;
    }

    /**
     * Brings the project up: pulls missing images (per {@link UpOptions#pullPolicy()}), creates networks and
     * volumes, then creates and starts containers in dependency order, waiting on each {@code depends_on}
     * condition, and with {@link UpOptions#waitReady()} on every healthcheck. A service whose container
     * already runs with the same configuration hash is left alone; one whose configuration changed is
     * recreated alone.
     *
     * @throws io.p4n4.api.P4n4Exception NETWORK when an external network is missing; ENGINE when the engine
     *         fails or an image is missing; {@link ServiceNotReadyException} when a service turns unhealthy,
     *         exits, or is not ready before the timeout; GENERAL when cancelled
     */
    public UpResult up(ComposeProject project, UpOptions options) {
        return UpRun.run(engine, project, options);
    }

    /** Stops and removes the project's containers and networks (and volumes when asked). */
    public DownResult down(ComposeProject project, DownOptions options) {
        return DownRun.run(engine, project, options);
    }

    /** The project's containers, by service name, with state, health and ports. */
    public List<ServiceStatus> ps(ComposeProject project) {
        return ps(project.name());
    }

    /** The containers labelled with project {@code projectName}, stopped ones included, by service and number. */
    public List<ServiceStatus> ps(String projectName) {
        List<ServiceStatus> out = new ArrayList<>();
        List<ContainerSummary> containers = new ArrayList<>(engine.listContainers(
                ContainerFilter.all(LabelFilter.of(ComposeLabels.PROJECT, projectName))));
        // by service, then replica number (web-2 before web-10), then name
        containers.sort(Comparator.comparing((ContainerSummary c) -> c.labels().getOrDefault(ComposeLabels.SERVICE, ""))
                .thenComparing(c -> ComposeLabels.containerNumber(c.labels())).thenComparing(ContainerSummary::name));
        for (ContainerSummary c : containers) {
            ContainerInfo info = engine.findContainer(c.id()).orElse(null);
            if (info == null) {
                continue; // removed in between
            }
            out.add(ServiceStatus.builder(c.labels().getOrDefault(ComposeLabels.SERVICE, ""), info.state())
                    .container(c.name()).image(info.image()).health(info.health().status())
                    .exitCode(info.exitCode()).ports(info.ports()).build());
        }
        return out;
    }

    /** The logs of one service: of each of its replicas in turn, by container number. */
    public List<LogLine> logs(ComposeProject project, String service, LogOptions options) {
        List<LogLine> out = new ArrayList<>();
        containersOf(project, service).forEach(c -> out.addAll(engine.logs(c, options)));
        return out;
    }

    /**
     * Streams one service's logs to {@code consumer} (follow with {@link LogOptions#withFollow}); the lines of
     * several replicas arrive interleaved as they come, on several threads, so {@code consumer} must be
     * thread-safe.
     */
    public Subscription streamLogs(ComposeProject project, String service, LogOptions options,
            Consumer<LogLine> consumer) {
        List<Subscription> streams = new ArrayList<>();
        try {
            for (String container : containersOf(project, service)) {
                streams.add(engine.streamLogs(container, options, consumer));
            }
        } catch (RuntimeException e) {
            streams.forEach(Subscription::close);
            throw e;
        }
        return AllSubscriptions.of(streams);
    }

    /**
     * Pulls the services' images as {@code docker compose pull} does: each image once, skipping services that are
     * built or have {@code pull_policy: never} or {@code build}, and under an explicit {@code pull_policy: missing}
     * images already present. Reports {@code IMAGE_PULLING}, every layer's progress
     * ({@link ProgressEvent.Step#IMAGE_PULL_PROGRESS}) and {@code IMAGE_PULLED}.
     *
     * @return the images pulled, in dependency order of their first service
     * @throws io.p4n4.api.P4n4Exception USER for a {@code pull_policy} p4n4 cannot apply or missing registry
     *         credentials (naming the registry); ENGINE naming the image when a pull fails
     */
    public List<String> pull(ComposeProject project, ProgressListener progress) {
        java.util.Map<String, List<String>> users = pulledImages(project);
        users.forEach((image, services) -> Images.pull(engine, image, String.join(", ", services), progress));
        return List.copyOf(users.keySet());
    }

    /**
     * As {@link #pull(ComposeProject, ProgressListener)}, for the images of {@code services} only (all when empty),
     * as {@code docker compose pull SERVICE...}.
     *
     * @throws io.p4n4.api.P4n4Exception USER naming a service the file does not have; as the other pull otherwise
     */
    public List<String> pull(ComposeProject project, List<String> services, ProgressListener progress) {
        services.forEach(project::service);
        java.util.Map<String, List<String>> users = pulledImages(project);
        if (!services.isEmpty()) {
            users.values().removeIf(using -> using.stream().noneMatch(services::contains));
        }
        users.forEach((image, using) -> Images.pull(engine, image, String.join(", ", using), progress));
        return List.copyOf(users.keySet());
    }

    /** The images {@link #pull} pulls, each with the services using it. */
    private java.util.Map<String, List<String>> pulledImages(ComposeProject project) {
        java.util.Map<String, List<String>> users = new java.util.LinkedHashMap<>();
        for (ComposeService s : project.servicesInDependencyOrder()) {
            if (s.image().isEmpty() || Builds.isBuilt(s) || !Images.pulledByPullCommand(engine, project, s)) {
                continue;
            }
            users.computeIfAbsent(s.image().get(), k -> new ArrayList<>()).add(s.name());
        }
        return users;
    }

    /**
     * Pulls every service's image (as {@link #pull} does; an image that cannot be pulled but is present, such as
     * one built or loaded locally, is kept with a WARNING event), then recreates only the services whose running
     * container's image id differs from the id the pulled tag names now, leaving every other container alone.
     * Services without a container are not created. {@code options} apply to that {@code up} (timeout, waiting,
     * progress); its pull policy is replaced by {@code never}, as the pull is done.
     *
     * @return which services changed (old and new image id) and what the {@code up} did
     */
    public UpgradeResult upgrade(ComposeProject project, UpOptions options) {
        pulledImages(project).forEach((image, services) -> {
            try {
                Images.pull(engine, image, String.join(", ", services), options.progress());
            } catch (P4n4Exception e) {
                // an image only built or loaded here (no registry has it) stays as it is; credentials problems stop
                if (e.code() != ErrorCode.ENGINE || !engine.imageExists(image)) {
                    throw e;
                }
                options.progress().onProgress(ProgressEvent.of(ProgressEvent.Step.WARNING, image,
                        "pull failed, keeping the local image: " + e.getMessage()));
            }
        });
        List<ImageChange> changed = new ArrayList<>();
        java.util.Map<String, List<ContainerSummary>> byService = new java.util.HashMap<>();
        for (ContainerSummary c : engine.listContainers(ContainerFilter.all(
                LabelFilter.of(ComposeLabels.PROJECT, project.name())))) {
            byService.computeIfAbsent(c.labels().getOrDefault(ComposeLabels.SERVICE, ""), k -> new ArrayList<>()).add(c);
        }
        for (ComposeService s : project.servicesInDependencyOrder()) {
            if (s.image().isEmpty() || Builds.isBuilt(s)) {
                continue;
            }
            String image = s.image().get();
            String now = engine.findImage(image).map(i -> bareId(i.id())).orElse("");
            for (ContainerSummary c : byService.getOrDefault(s.name(), List.of())) {
                String ran = engine.findContainer(c.id()).map(i -> bareId(i.imageId())).orElse(now);
                if (!now.isEmpty() && !ran.equals(now)) {
                    changed.add(new ImageChange(s.name(), image, ran, now));
                    break;
                }
            }
        }
        if (changed.isEmpty()) {
            return new UpgradeResult(changed, UpResult.builder().build());
        }
        UpResult up = up(project, options.toBuilder().pullPolicy(PullPolicy.NEVER)
                .services(changed.stream().map(ImageChange::service).toList()).build());
        return new UpgradeResult(changed, up);
    }

    private static String bareId(String id) {
        return id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
    }

    /**
     * Stops the running containers of {@code services} (every service when empty) as {@code docker compose stop}:
     * reverse dependency order, each within {@code timeout}, or its service's {@code stop_grace_period} when null.
     * Nothing is removed.
     *
     * @return the names of the containers stopped
     * @throws P4n4Exception USER naming a service the file does not have
     */
    public List<String> stop(ComposeProject project, List<String> services, @Nullable Duration timeout,
            ProgressListener progress) {
        return new ServiceControl(engine, project, progress).stop(services, timeout);
    }

    /**
     * Starts the existing, stopped containers of {@code services} (every service when empty) in dependency
     * order, as {@code docker compose start}; nothing is created.
     *
     * @return the names of the containers started
     * @throws P4n4Exception USER when the services have no container (bring them up first) or are not in the file
     */
    public List<String> start(ComposeProject project, List<String> services, ProgressListener progress) {
        return new ServiceControl(engine, project, progress).start(services);
    }

    /**
     * Stops and starts again the containers of {@code services} (every service when empty), as
     * {@code docker compose restart}: configuration changes in the file are not applied (use {@link #up}).
     *
     * @return the names of the containers started again
     */
    public List<String> restart(ComposeProject project, List<String> services, @Nullable Duration timeout,
            ProgressListener progress) {
        return new ServiceControl(engine, project, progress).restart(services, timeout);
    }

    /**
     * Runs {@code command} in replica {@code index} (from 1) of {@code service}, as {@code docker compose exec}:
     * with {@code options}' extra environment, user and working directory, and waits for it.
     *
     * @return its exit code and output
     * @throws P4n4Exception USER when the service is not in the file, has no such replica, or it is not running
     */
    public ExecResult exec(ComposeProject project, String service, int index, List<String> command,
            ExecOptions options) {
        if (command.isEmpty()) {
            throw new P4n4Exception(ErrorCode.USER, "exec in service " + service + " needs a command");
        }
        project.service(service);
        ContainerSummary target = engine.listContainers(ContainerFilter.all(LabelFilter.of(ComposeLabels.PROJECT,
                        project.name()).and(ComposeLabels.SERVICE, service).and(ComposeLabels.ONEOFF, "False")))
                .stream().filter(c -> ComposeLabels.containerNumber(c.labels()) == index).findFirst()
                .orElseThrow(() -> new P4n4Exception(ErrorCode.USER, "service " + service + " of project "
                        + project.name() + " has no container number " + index + " on " + engine.id()
                        + "; bring it up first (up)"));
        if (target.state() != io.p4n4.api.engine.ContainerState.RUNNING) {
            throw new P4n4Exception(ErrorCode.USER, "service " + service + " of project " + project.name()
                    + " is not running (container " + target.name() + " is " + target.state().name().toLowerCase(
                    java.util.Locale.ROOT) + "); start it first (start or up)");
        }
        return engine.exec(target.id(), command, options);
    }

    /**
     * The services with {@code build:} whose image the engine does not have yet, as {@code SERVICE (IMAGE)}; what
     * {@code up --no-build} cannot start.
     */
    public List<String> missingBuiltImages(ComposeProject project) {
        List<String> out = new ArrayList<>();
        for (ComposeService s : project.servicesInDependencyOrder()) {
            if (Builds.isBuilt(s)) {
                String image = Builds.imageName(project, s);
                if (!engine.imageExists(image)) {
                    out.add(s.name() + " (" + image + ")");
                }
            }
        }
        return out;
    }

    /** The services' images the engine does not have, each with the services using it; empty when all are there. */
    public List<String> missingImages(ComposeProject project) {
        java.util.Map<String, List<String>> users = new java.util.TreeMap<>();
        for (ComposeService s : project.servicesInDependencyOrder()) {
            if (Builds.isBuilt(s)) {
                continue; // up builds it
            }
            s.image().filter(i -> !engine.imageExists(i))
                    .ifPresent(i -> users.computeIfAbsent(i, k -> new ArrayList<>()).add(s.name()));
        }
        List<String> out = new ArrayList<>();
        users.forEach((image, services) -> out.add(image + " (for " + String.join(", ", services) + ")"));
        return out;
    }

    /** The service's containers by replica number; a USER error when it has none. */
    private List<String> containersOf(ComposeProject project, String service) {
        project.service(service); // USER error naming the known services
        List<String> ids = engine.listContainers(ContainerFilter.all(
                        LabelFilter.of(ComposeLabels.PROJECT, project.name()).and(ComposeLabels.SERVICE, service)))
                .stream()
                .sorted(Comparator.comparing(c -> ComposeLabels.containerNumber(c.labels())))
                .map(ContainerSummary::id).toList();
        if (ids.isEmpty()) {
            throw new P4n4Exception(ErrorCode.USER, "service " + service + " of project " + project.name()
                    + " has no container on " + engine.id() + "; bring it up first (p4n4 up)");
        }
        return ids;
    }
}
