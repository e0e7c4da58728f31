package io.p4n4.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root's options: {@code --project DIR} and {@code --json}, inherited by every command, and the connection
 * options {@code --engine}, {@code -H/--host} and {@code --nats}, which may come before the command as well as
 * after it ({@link OptionsBeforeTheCommand} hands them on). A picocli mixin.
 */
final class RootOptions {
    /** The options a command line may give before the command and the command reads as its own. */
    static final java.util.List<String> CONNECTION = java.util.List.of("--engine", "--host", "--nats");

    @Option(names = "--project", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Project directory or any directory below it (default: the current directory).")
    Path project;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print machine-readable JSON instead of tables.")
    boolean json;

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "docker or podman, for the command that follows (same as giving it after the command).")
    String engine;

    @Option(names = {"-H", "--host"}, paramLabel = "URL",
            description = "The engine's endpoint, for the command that follows (same as after the command).")
    String host;

    @Option(names = "--nats", paramLabel = "URL",
            description = "NATS server, for the score and agent commands (same as after the command).")
    String nats;

    /** Returns the directory to start the project search from. */
    Path startDirectory() {
        return project != null ? project : Path.of("").toAbsolutePath();
    }
}
