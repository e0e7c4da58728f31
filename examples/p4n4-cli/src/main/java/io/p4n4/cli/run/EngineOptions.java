package io.p4n4.cli.run;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.core.P4n4;
import io.p4n4.compose.engine.EngineDiscovery;
import io.p4n4.core.platform.Platform;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/** {@code --engine docker|podman}, {@code --host URL} and the root options the run commands share. A picocli mixin. */
public final class EngineOptions {

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "docker or podman (default: P4N4_ENGINE, then DOCKER_HOST / CONTAINER_HOST, then whatever answers).")
    String engine;

    @Option(names = {"-H", "--host"}, paramLabel = "URL",
            description = "The engine's endpoint, e.g. unix:///run/podman/podman.sock (default: DOCKER_HOST, then"
                    + " CONTAINER_HOST, then the usual sockets).")
    String host;

    /** Connects to the chosen engine (ENGINE error listing every candidate when none answers). */
    public ContainerEngine connect() {
        return discovery().connect();
    }

    /** The discovery these options describe: with --host only that endpoint, by the --engine provider or by every one. */
    public EngineDiscovery discovery() {
        return EngineDiscovery.builder().engineId(engine).endpoint(host).build();
    }

    /** {@code stack} when given (USER error for a stack not in the project), else every stack of the project. */
    static java.util.List<io.p4n4.api.project.StackId> stacks(Platform platform, String stack) {
        if (stack == null) {
            return platform.stacks();
        }
        io.p4n4.api.project.StackId id = io.p4n4.api.project.StackId.of(stack);
        platform.load(id); // USER error naming the project's stacks when it is not one of them
        return java.util.List.of(id);
    }

    /** The platform of the project the root {@code --project} points at, on {@code connected}. */
    public static Platform platform(CommandSpec spec, ContainerEngine connected) {
        return Platform.create(connected, P4n4.projects().open(projectDirectory(spec)));
    }

    /** The directory the root {@code --project} names, else the working directory. */
    static Path projectDirectory(CommandSpec spec) {
        OptionSpec o = spec.root().findOption("--project");
        Object v = o == null ? null : o.getValue();
        return v instanceof Path p ? p : Path.of("").toAbsolutePath();
    }
}
