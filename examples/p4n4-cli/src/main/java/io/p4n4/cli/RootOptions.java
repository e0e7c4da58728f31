package io.p4n4.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code --project DIR} and {@code --json}: the root's options, inherited by every command. A picocli mixin. */
final class RootOptions {
    @Option(names = "--project", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Project directory or any directory below it (default: the current directory).")
    Path project;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print machine-readable JSON instead of tables.")
    boolean json;

    /** Returns the directory to start the project search from. */
    Path startDirectory() {
        return project != null ? project : Path.of("").toAbsolutePath();
    }
}
