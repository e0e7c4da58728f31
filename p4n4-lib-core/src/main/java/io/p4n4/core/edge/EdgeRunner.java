package io.p4n4.core.edge;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.ExecResult;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.exec.ComposeLabels;
import io.p4n4.compose.exec.RecreatePolicy;
import io.p4n4.compose.exec.ServiceStatus;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.compose.exec.UpResult;
import io.p4n4.core.platform.Platform;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The edge stack's runner container ({@code ei-runner}) on the platform's engine: its status, including the
 * model it was started with, and starting or recreating it through the engine API. Thread-safe; the engine
 * belongs to the caller.
 */
public final class EdgeRunner {
    /** The runner's service in the edge stack's compose file. */
    public static final String SERVICE = "ei-runner";
    /** The runner's HTTP port inside the container. */
    public static final int HTTP_PORT = 8080;
    /** The variable holding the model's path inside the container. */
    static final String MODEL_PATH_VARIABLE = "EI_MODEL_PATH";

    private final Platform platform;
    private final EdgeModels models;

    private EdgeRunner(Platform platform) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.models = EdgeModels.of(platform.project());
    }

    /** The runner of the platform's project; USER error when the project has no edge stack. */
    public static EdgeRunner of(Platform platform) {
        return new EdgeRunner(platform);
    }

    /** The models of the same project. */
    public EdgeModels models() {
        return models;
    }

    /** The runner container's status, or empty when the edge stack has no runner container on the engine. */
    public Optional<RunnerStatus> findStatus() {
        String projectName = platform.load(StackId.EDGE).name();
        Optional<ServiceStatus> runner = platform.compose().ps(projectName).stream()
                .filter(s -> s.service().equals(SERVICE)).findFirst();
        return runner.map(s -> {
            String mounted = null;
            String problem = null;
            if (s.state() == io.p4n4.api.engine.ContainerState.RUNNING) {
                try {
                    // env, not printenv: busybox builds may lack printenv; only this one line is read (others hold secrets)
                    ExecResult r = platform.engine().exec(s.container(), List.of("env"));
                    Optional<String> path = r.stdout().lines().filter(l -> l.startsWith(MODEL_PATH_VARIABLE + "="))
                            .map(l -> l.substring(MODEL_PATH_VARIABLE.length() + 1)).findFirst();
                    if (r.succeeded() && path.isPresent()) {
                        mounted = path.get().substring(path.get().lastIndexOf('/') + 1);
                    } else {
                        problem = r.succeeded() ? MODEL_PATH_VARIABLE + " is not set in " + s.container()
                                : "env in " + s.container() + " exited " + r.exitCode();
                    }
                } catch (P4n4Exception e) {
                    problem = "cannot exec in " + s.container() + ": " + e.getMessage();
                }
            } else {
                problem = "the container is not running";
            }
            return new RunnerStatus(s.container(), s.image(), s.state(), s.health(), s.ports(), mounted, problem,
                    models.activeFileName());
        });
    }

    /**
     * The running runner's status.
     *
     * @throws P4n4Exception NETWORK when the edge stack's runner is not running, saying how to start it
     */
    public RunnerStatus requireRunning() {
        Optional<RunnerStatus> status = findStatus();
        if (status.isPresent() && status.get().running()) {
            return status.get();
        }
        String where = platform.project().name() + " on " + platform.engine().id();
        throw new P4n4Exception(ErrorCode.NETWORK, status.map(s -> "the edge stack of project " + where
                + " is not running (container " + s.container() + " is " + s.state().name().toLowerCase(
                java.util.Locale.ROOT) + ")").orElse("the edge stack of project " + where + " is not running"
                + " (no " + SERVICE + " container)") + "; start it with p4n4 ei run (or p4n4 up edge)");
    }

    /** Runs the engine's pre-flight checks for the edge stack and throws their errors (see {@link Platform#preflight}). */
    public void preflight() {
        platform.preflight(List.of(StackId.EDGE)).throwIfFailed();
    }

    /**
     * Brings the edge stack up (as {@link Platform#up} of the edge stack does, with its pre-flight checks); with
     * {@code recreate} the runner container is replaced even when its configuration did not change, so a model
     * file replaced under the same name is loaded.
     */
    public UpResult start(UpOptions options, boolean recreate) {
        UpOptions o = recreate ? options.toBuilder().recreate(RecreatePolicy.ALWAYS).build() : options;
        return platform.up(List.of(StackId.EDGE), o).get(StackId.EDGE);
    }

    /**
     * Recreates the runner container with the edge stack's current configuration (so a changed
     * {@code EI_MODEL_FILE} reaches it), through the engine API, as {@code docker compose up -d --force-recreate
     * ei-runner} would.
     *
     * @return the name of the new container
     */
    public String restart(UpOptions options) {
        ComposeProject edge = platform.load(StackId.EDGE);
        platform.compose().up(edge, options.toBuilder().services(List.of(SERVICE)).recreate(RecreatePolicy.ALWAYS)
                .build());
        return platform.engine().listContainers(ContainerFilter.all(LabelFilter.of(ComposeLabels.PROJECT,
                        edge.name()).and(ComposeLabels.SERVICE, SERVICE)))
                .stream().map(ContainerSummary::name).findFirst().orElseThrow(() -> new P4n4Exception(
                        ErrorCode.ENGINE, "the " + SERVICE + " container of " + edge.name() + " is gone after it was"
                        + " recreated on " + platform.engine().id() + "; see p4n4 logs edge"));
    }
}
