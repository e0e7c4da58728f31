package io.p4n4.junit;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerInfo;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.ExecResult;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.LogLine;
import io.p4n4.api.engine.LogOptions;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.engine.Protocol;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.exec.ComposeExecutor;
import io.p4n4.compose.exec.ComposeLabels;
import io.p4n4.compose.exec.DownOptions;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.junit.internal.EngineConnector;
import io.p4n4.junit.internal.ExtraWaits;
import io.p4n4.junit.internal.LeftoverSweeper;
import io.p4n4.junit.internal.LoadedProject;
import io.p4n4.junit.internal.ReusedProject;
import io.p4n4.junit.internal.ServiceLogFiles;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A running compose project: its published ports, {@code exec}, logs and engine. {@link P4n4Compose} injects one
 * into tests; without JUnit, start one yourself and close it:
 *
 * <pre>{@code
 * try (ComposeEnvironment env = ComposeEnvironment.start(ComposeSetup.builder("compose.yml").build())) {
 *     int port = env.port("web", 80);
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #close()} writes each service's log (when a log directory is set) and takes the project down with
 * its volumes, killing containers at once (the project is thrown away); with {@link ComposeSetup#reuse()} it
 * keeps the project running for the next run. Thread-safe: every method may be called from parallel tests.
 */
public final class ComposeEnvironment implements AutoCloseable {
    /** Containers of a thrown-away project need no grace period: nothing they write survives. */
    private static final Duration STOP_TIMEOUT = Duration.ZERO;

    private final ComposeSetup setup;
    private final ContainerEngine engine;
    private final ComposeExecutor executor;
    private final ComposeProject project;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ComposeEnvironment(ComposeSetup setup, ContainerEngine engine, ComposeProject project) {
        this.setup = setup;
        this.engine = engine;
        this.executor = ComposeExecutor.create(engine);
        this.project = project;
    }

    /** Starts these compose files (relative to the working directory) with every other setting at its default. */
    public static ComposeEnvironment start(String... files) {
        return start(ComposeSetup.builder(files).build());
    }

    /**
     * Connects to the engine (while the compose files load), removes the leftovers of dead test runs there (once
     * per JVM), brings the project up waiting for healthchecks (their first pass, or the engine's verdict with
     * {@link ComposeSetup#waitForEngineHealth()}), {@code depends_on} conditions and the extra checks, and
     * returns it.
     *
     * @throws P4n4Exception USER for bad files or settings, ENGINE when the engine fails or a service does not
     *         become ready; the message names the log files written (when a log directory is set)
     */
    public static ComposeEnvironment start(ComposeSetup setup) {
        Instant deadline = Instant.now().plus(setup.waitTimeout());
        CompletableFuture<LoadedProject> loading = LoadedProject.loadInBackground(setup);
        ContainerEngine engine = EngineConnector.connect(setup.engine(), setup.host());
        ComposeEnvironment env = null;
        try {
            LeftoverSweeper.sweepOnce(engine);
            LoadedProject loaded = LoadedProject.await(loading);
            env = new ComposeEnvironment(setup, engine, loaded.project());
            env.bringUp(loaded.configHash(), deadline);
            return env;
        } catch (RuntimeException e) {
            throw startFailure(setup, engine, env, e);
        }
    }

    private void bringUp(String hash, Instant deadline) {
        ReusedProject.State state = setup.reuse()
                ? ReusedProject.state(engine, project, hash, setup.services()) : ReusedProject.State.ABSENT;
        if (state == ReusedProject.State.STALE) {
            executor.down(project, downOptions());
        }
        if (state != ReusedProject.State.CURRENT) {
            Duration left = Duration.between(Instant.now(), deadline);
            executor.up(project, UpOptions.builder().waitReady(true)
                    .waitReadyEarly(!setup.waitForEngineHealth()).services(setup.services())
                    .timeout(left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left).build());
        }
        ExtraWaits.await(this, setup.checks(), deadline);
    }

    /** Writes the logs, removes the project (unless reused), closes the engine, and says where the logs are. */
    private static P4n4Exception startFailure(ComposeSetup setup, ContainerEngine engine,
            @Nullable ComposeEnvironment env, RuntimeException e) {
        String logs = "";
        if (env != null) {
            logs = env.writeLogs().stream().map(Path::toString).collect(Collectors.joining(", "));
            try {
                env.closeQuietly();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
        } else {
            engine.close();
        }
        ErrorCode code = e instanceof P4n4Exception p ? p.code() : ErrorCode.ENGINE;
        String message = "compose " + setup.files() + (env == null ? "" : " (project " + env.projectName() + ")")
                + " did not start: " + e.getMessage()
                + (logs.isEmpty() ? "" : "\nService logs: " + logs);
        return new P4n4Exception(code, message, e);
    }

    /** The compose project name: the first file's name plus a random suffix (stable when reused). */
    public String projectName() {
        return project.name();
    }

    /** The loaded project (as {@code docker compose config} shows it, plus the run labels). */
    public ComposeProject project() {
        return project;
    }

    /** The engine the project runs on; owned by this environment (closed by {@link #close()}). */
    public ContainerEngine engine() {
        return engine;
    }

    /** An executor on {@link #engine()}, for {@code ps}, {@code logs} and the like. */
    public ComposeExecutor executor() {
        return executor;
    }

    /**
     * The host to reach a published container port of {@code service} on: the engine's host for a TCP
     * endpoint, else the address the port is bound to ({@code 127.0.0.1} for all addresses).
     *
     * @throws P4n4Exception USER when the service is unknown, has no container or does not publish the port
     */
    public String host(String service, int containerPort) {
        PortBinding binding = binding(service, containerPort);
        URI endpoint = engine.endpoint();
        if (("tcp".equals(endpoint.getScheme()) || "http".equals(endpoint.getScheme())
                || "https".equals(endpoint.getScheme())) && endpoint.getHost() != null) {
            return endpoint.getHost();
        }
        String ip = binding.hostIp();
        return ip.isEmpty() || "0.0.0.0".equals(ip) || "::".equals(ip) ? "127.0.0.1" : ip;
    }

    /**
     * The host port a container port of {@code service} is published on; works when the file publishes it
     * with no host port ({@code - "80"}), the engine choosing a free one.
     *
     * @throws P4n4Exception USER when the service is unknown, has no container or does not publish the port
     */
    public int port(String service, int containerPort) {
        return binding(service, containerPort).hostPort();
    }

    /** Runs {@code command} in the service's (first) container and waits for it to finish. */
    public ExecResult exec(String service, String... command) {
        if (command.length == 0) {
            throw new IllegalArgumentException("exec in service " + service + " needs a command");
        }
        return engine.exec(container(service).id(), List.of(command));
    }

    /** The service's log so far (stdout and stderr, replicas one after the other), one line per line. */
    public String logs(String service) {
        StringBuilder out = new StringBuilder();
        for (LogLine line : executor.logs(project, service, LogOptions.ALL)) {
            out.append(line.text()).append('\n');
        }
        return out.toString();
    }

    /** The directory the service logs are written to, if one was set. */
    public Optional<Path> findLogDirectory() {
        return setup.findLogDirectory();
    }

    /** Writes every service's log to the log directory now; the files written (none without a directory). */
    public List<Path> writeLogs() {
        return setup.findLogDirectory().map(dir -> ServiceLogFiles.write(executor, project, dir)).orElse(List.of());
    }

    /**
     * Writes the logs, then takes the project down with its volumes (unless reused) and closes the engine.
     * Idempotent.
     *
     * @throws P4n4Exception ENGINE when the engine fails to remove the project
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            writeLogs();
            closeQuietly();
        }
    }

    private void closeQuietly() {
        closed.set(true);
        try {
            if (!setup.reuse()) {
                executor.down(project, downOptions());
            }
        } finally {
            engine.close();
        }
    }

    private static DownOptions downOptions() {
        return DownOptions.defaults().withVolumes(true).withOrphans(true).withStopTimeout(STOP_TIMEOUT);
    }

    private PortBinding binding(String service, int containerPort) {
        ContainerInfo info = engine.inspectContainer(container(service).id());
        return info.ports().stream()
                .filter(p -> p.containerPort() == containerPort && p.protocol() == Protocol.TCP && p.hostPort() > 0)
                .findFirst()
                .orElseThrow(() -> new P4n4Exception(ErrorCode.USER, "service " + service + " of " + setup.files()
                        + " does not publish container port " + containerPort + "/tcp (published: "
                        + info.ports().stream().map(p -> p.containerPort() + "/" + p.protocol()).toList()
                        + "); add - \"" + containerPort + "\" to its ports"));
    }

    private ContainerSummary container(String service) {
        project.service(service); // USER error naming the known services
        return engine.listContainers(ContainerFilter.all(LabelFilter.of(ComposeLabels.PROJECT, project.name())
                        .and(ComposeLabels.SERVICE, service))).stream()
                .min(Comparator.comparingInt(c -> ComposeLabels.containerNumber(c.labels())))
                .orElseThrow(() -> new P4n4Exception(ErrorCode.USER, "service " + service + " of project "
                        + project.name() + " has no container; is it among the services brought up ("
                        + (setup.services().isEmpty() ? "all" : setup.services()) + ") and its profile enabled?"));
    }

    @Override
    public String toString() {
        return "ComposeEnvironment[project=" + project.name() + ", engine=" + engine.id() + ", files="
                + setup.files() + "]";
    }
}
