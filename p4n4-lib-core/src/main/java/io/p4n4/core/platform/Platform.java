package io.p4n4.core.platform;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.project.HttpProbe;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.LoadOptions;
import io.p4n4.compose.exec.ComposeExecutor;
import io.p4n4.compose.exec.DownOptions;
import io.p4n4.compose.exec.DownResult;
import io.p4n4.compose.exec.ServiceStatus;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.compose.exec.UpResult;
import io.p4n4.core.compat.Compatibility;
import io.p4n4.core.preflight.EngineChecks;
import io.p4n4.core.project.Project;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A project's stacks on one engine. {@link #up} brings stacks up in canonical order (iot, which creates
 * {@code p4n4-net}, then ai, then edge) and waits until each is ready before the next starts: every
 * healthcheck passed and every {@link io.p4n4.api.project.HttpProbe} of the stack's definition answers 2xx
 * (the ai stack's Ollama {@code /api/version} and Letta {@code /v1/health/}); {@link #down} goes the other
 * way, so {@code p4n4-net} is removed last.
 *
 * <p>Each stack is its own compose project named like its directory, as {@code docker compose -f
 * stacks/iot/docker-compose.yml} would name it, so both tools see the same projects. Thread-safe; the engine
 * belongs to the caller.
 */
public final class Platform {
    private final ContainerEngine engine;
    private final Project project;
    private final ComposeExecutor compose;

    private Platform(ContainerEngine engine, Project project) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.project = Objects.requireNonNull(project, "project");
        this.compose = ComposeExecutor.create(engine);
    }

    /** The platform of {@code project} on {@code engine}. */
    public static Platform create(ContainerEngine engine, Project project) {
        return new Platform(engine, project);
    }

    /** The executor it uses. */
    public ComposeExecutor compose() {
        return compose;
    }

    /** The project's stacks in the order they come up. */
    public List<StackId> stacks() {
        return project.stacks().stream().sorted(StackId.CANONICAL_ORDER).toList();
    }

    /** Loads one stack's compose file with the project's {@code .env}; USER error for a stack not in it. */
    public ComposeProject load(StackId stack) {
        return load(stack, true);
    }

    /**
     * Loads one stack's compose file; {@code validateSchema} false only where nothing of the file but the
     * project name is used ({@link #status()}), because the schema check is a measurable part of a short
     * command's start-up. The file is still parsed, interpolated and checked for consistency.
     */
    private ComposeProject load(StackId stack, boolean validateSchema) {
        if (!project.stacks().contains(stack)) {
            throw new P4n4Exception(ErrorCode.USER, "stack " + stack.value() + " is not part of project "
                    + project.name() + " (stacks: " + project.stacks().stream().map(StackId::value).toList()
                    + "); add it with p4n4 add " + stack.value());
        }
        LoadOptions.Builder options = LoadOptions.builder().file(project.composeFile(stack))
                .workingDirectory(project.stackDirectory(stack)).validateSchema(validateSchema);
        if (Files.isRegularFile(project.envFile(stack))) {
            options.envFile(project.envFile(stack));
        }
        return ComposeLoader.load(options.build());
    }

    /**
     * Brings {@code stacks} (empty: all) up in canonical order; every stack but the last is waited on until
     * ready whatever {@code options} say, because the next one needs it (the readiness gate), and the last
     * one too with {@link UpOptions#waitReady()}. Ready means every healthcheck passed and every HTTP probe
     * of the stack answered 2xx; a probe that never does fails with NETWORK (4) naming the URL and its last
     * answer. {@code options.timeout()} applies to each stack. Before anything is created, {@link #preflight}'s
     * checks run and their errors are thrown together (COMPATIBILITY, NETWORK or ENGINE, the lowest code first).
     */
    public Map<StackId, UpResult> up(List<StackId> stacks, UpOptions options) {
        List<StackId> order = ordered(stacks);
        Map<StackId, ComposeProject> loaded = new LinkedHashMap<>();
        order.forEach(stack -> loaded.put(stack, load(stack)));
        EngineChecks.of(engine, Compatibility.bundled()).check(List.copyOf(loaded.values())).throwIfFailed();
        Map<StackId, UpResult> out = new LinkedHashMap<>();
        HttpGate http = new HttpGate(options.progress(), options.cancellation());
        for (int i = 0; i < order.size(); i++) {
            StackId stack = order.get(i);
            boolean gate = i < order.size() - 1 || options.waitReady();
            long deadline = System.nanoTime() + options.timeout().toNanos();
            ComposeProject stackProject = loaded.get(stack);
            UpOptions stackOptions = gate && !options.waitReady() ? copyWithWait(options) : options;
            out.put(stack, compose.up(stackProject, stackOptions));
            List<HttpProbe> probes = project.stackDefinition(stack).httpProbes();
            if (gate && !probes.isEmpty()) {
                http.await(stack, probes, compose.ps(stackProject), deadline);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Checks on the engine, creating nothing, what {@link #up} of {@code stacks} (empty: all) needs: a supported
     * engine version, the networks they join, no clash with other projects (see {@link EngineChecks}).
     */
    public EngineChecks.Result preflight(List<StackId> stacks) {
        return EngineChecks.of(engine, Compatibility.bundled())
                .check(ordered(stacks).stream().map(this::load).toList());
    }

    /** Takes {@code stacks} (empty: all) down in reverse canonical order. */
    public Map<StackId, DownResult> down(List<StackId> stacks, DownOptions options) {
        List<StackId> order = new ArrayList<>(ordered(stacks));
        Collections.reverse(order);
        Map<StackId, DownResult> out = new LinkedHashMap<>();
        for (StackId stack : order) {
            out.put(stack, compose.down(load(stack), options));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Every stack's containers with state and health. Only each stack's project name is read from its
     * compose file, so the file is loaded without the compose-spec schema check ({@link #up} and
     * {@link #down} keep it: they act on the file's services, networks and volumes).
     */
    public Map<StackId, List<ServiceStatus>> status() {
        Map<StackId, List<ServiceStatus>> out = new LinkedHashMap<>();
        for (StackId stack : stacks()) {
            out.put(stack, compose.ps(load(stack, false).name()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Per stack, the images the engine lacks (stacks lacking none are left out); check before {@link #up}. */
    public Map<StackId, List<String>> missingImages() {
        Map<StackId, List<String>> out = new LinkedHashMap<>();
        for (StackId stack : stacks()) {
            List<String> missing = compose.missingImages(load(stack));
            if (!missing.isEmpty()) {
                out.put(stack, missing);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private List<StackId> ordered(List<StackId> stacks) {
        if (stacks.isEmpty()) {
            return stacks();
        }
        return stacks.stream().distinct().sorted(StackId.CANONICAL_ORDER).toList();
    }

    private static UpOptions copyWithWait(UpOptions o) {
        return o.toBuilder().waitReady(true).build();
    }

    /** The engine it runs on. */
    public ContainerEngine engine() {
        return engine;
    }

    /** The project whose stacks it runs. */
    public Project project() {
        return project;
    }
}
