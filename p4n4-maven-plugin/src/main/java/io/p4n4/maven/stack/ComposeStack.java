package io.p4n4.maven.stack;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeSerializer;
import io.p4n4.compose.LoadOptions;
import io.p4n4.compose.engine.EngineDiscovery;
import io.p4n4.compose.exec.ComposeExecutor;
import io.p4n4.compose.exec.DownOptions;
import io.p4n4.compose.exec.DownResult;
import io.p4n4.compose.exec.ProgressEvent;
import io.p4n4.compose.exec.ProgressListener;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.compose.exec.UpResult;
import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The work of the build goals, free of any build tool's types: {@link #validate()}, {@link #config()},
 * {@link #up(Consumer)} and {@link #down(Consumer)} of the compose project that {@link StackSettings}
 * describe, on the engine they choose. A build plugin only maps its parameters to {@link StackSettings},
 * passes its logger as a {@code Consumer<String>}, and turns {@link io.p4n4.api.P4n4Exception} into its own
 * failure type.
 *
 * <pre>{@code
 * ComposeStack stack = ComposeStack.of(StackSettings.builder(projectDir)
 *         .composeFiles(List.of(Path.of("src/it/compose.yaml"))).engine(EngineChoice.PODMAN).build());
 * PublishedPorts ports = stack.up(System.out::println);   // ... run the tests against ports ...
 * stack.down(System.out::println);
 * }</pre>
 *
 * <p>Each call loads the files again and connects to the engine for its own duration, so {@code up} and
 * {@code down} may run in different processes (as Maven phases may). Thread-safe: it holds only the settings.
 */
public final class ComposeStack {
    private final StackSettings settings;

    private ComposeStack(StackSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The stack these settings describe. */
    public static ComposeStack of(StackSettings settings) {
        return new ComposeStack(settings);
    }

    /** The settings. */
    public StackSettings settings() {
        return settings;
    }

    /**
     * Loads and checks the compose files as {@code docker compose config -q} does: YAML, schema, interpolation,
     * references, profiles. Needs no engine.
     *
     * @throws io.p4n4.api.P4n4Exception naming file, line and key when they are not valid
     */
    public ComposeProject validate() {
        LoadOptions.Builder options = LoadOptions.builder();
        settings.composeFiles().forEach(options::file);
        if (settings.composeFiles().isEmpty()) {
            options.workingDirectory(settings.baseDirectory());
        }
        settings.envFiles().forEach(options::envFile);
        if (!settings.profiles().isEmpty()) {
            options.profiles(settings.profiles());
        }
        options.projectName(settings.projectName().orElse(null));
        return ComposeLoader.load(options.build());
    }

    /** The resolved model as YAML, as {@code docker compose config} prints it (environment values included). */
    public String config() {
        return ComposeSerializer.toYaml(validate());
    }

    /**
     * Brings the project up (waiting for health when the settings say so) and returns its published ports.
     * When {@code up} fails, whatever it started is removed again, volumes included, before the failure is
     * rethrown: a build that stops here runs no {@code down}.
     *
     * @param log receives one line per step (network, volume, container, readiness)
     */
    public PublishedPorts up(Consumer<String> log) {
        ComposeProject project = validate();
        try (ContainerEngine engine = connect()) {
            ComposeExecutor compose = ComposeExecutor.create(engine);
            log.accept("p4n4 up: project " + project.name() + " on " + engine.id() + " at " + engine.endpoint());
            try {
                UpResult result = compose.up(project, UpOptions.builder().waitReady(settings.waitReady())
                        .timeout(settings.timeout()).progress(progressTo(log)).build());
                log.accept("p4n4 up: " + project.name() + " is up in " + result.elapsed().toMillis() + " ms");
                return PublishedPorts.of(compose.ps(project), publishedHost(engine.endpoint()));
            } catch (RuntimeException e) {
                log.accept("p4n4 up failed (" + e.getMessage() + "); removing what it started");
                try {
                    compose.down(project, removeEverything(log));
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        }
    }

    /**
     * Stops and removes the project's containers, networks and named volumes, and containers of services no
     * longer in the files. Removing a project that is not there is no error.
     */
    public DownResult down(Consumer<String> log) {
        ComposeProject project = validate();
        try (ContainerEngine engine = connect()) {
            log.accept("p4n4 down: project " + project.name() + " on " + engine.id() + " at " + engine.endpoint());
            DownResult result = ComposeExecutor.create(engine).down(project, removeEverything(log));
            log.accept("p4n4 down: removed " + result.containers().size() + " containers, "
                    + result.networks().size() + " networks, " + result.volumes().size() + " volumes");
            return result;
        }
    }

    /** Connects to the chosen engine; the discovery's error lists every candidate tried. */
    private ContainerEngine connect() {
        return EngineDiscovery.builder()
                // the backends sit beside this class (a build tool's plugin class loader), not necessarily on
                // the thread's context class loader
                .classLoader(ComposeStack.class.getClassLoader())
                .engineId(settings.engine().engineId().orElse(null))
                .endpoint(settings.host().orElse(null))
                .build().connect();
    }

    private static DownOptions removeEverything(Consumer<String> log) {
        return DownOptions.defaults().withVolumes(true).withOrphans(true).withProgress(progressTo(log));
    }

    private static ProgressListener progressTo(Consumer<String> log) {
        return (ProgressEvent e) -> {
            if (e.step() != ProgressEvent.Step.IMAGE_PULL_PROGRESS) {
                log.accept("  " + e.step().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " "
                        + e.subject() + (e.detail().isEmpty() ? "" : ": " + e.detail()));
            }
        };
    }

    /** Where published ports are reached: the remote host of a tcp endpoint, else the loopback address. */
    static String publishedHost(URI endpoint) {
        String scheme = endpoint.getScheme();
        if (("tcp".equals(scheme) || "http".equals(scheme) || "https".equals(scheme)) && endpoint.getHost() != null) {
            return endpoint.getHost();
        }
        return "127.0.0.1";
    }
}
