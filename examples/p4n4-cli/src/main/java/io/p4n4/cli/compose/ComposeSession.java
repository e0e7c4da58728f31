package io.p4n4.cli.compose;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.cli.run.EngineOptions;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.exec.ComposeExecutor;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every engine-facing {@code p4n4 compose} command starts with: the project loaded from the project options
 * (first, so a bad file fails before any engine is contacted), the engine connected, an executor on it.
 * Closing it closes the engine.
 */
final class ComposeSession implements AutoCloseable {
    private final ComposeProject project;
    private final ContainerEngine engine;
    private final ComposeExecutor compose;

    private ComposeSession(ComposeProject project, ContainerEngine engine) {
        this.project = project;
        this.engine = engine;
        this.compose = ComposeExecutor.create(engine);
    }

    /**
     * Loads the project of {@code spec}'s options over {@code p4n4 compose}'s (only the latter when
     * {@code projectOptions} is null), then connects the engine.
     */
    static ComposeSession open(CommandSpec spec, @Nullable ComposeProjectOptions projectOptions,
            EngineOptions engineOptions) {
        return open(spec, projectOptions, engineOptions, java.util.List.of());
    }

    /** As {@link #open(CommandSpec, ComposeProjectOptions, EngineOptions)}, checking {@code services} are in the file first. */
    static ComposeSession open(CommandSpec spec, @Nullable ComposeProjectOptions projectOptions,
            EngineOptions engineOptions, java.util.List<String> services) {
        ComposeProjectOptions outer = ComposeCommand.outer(spec);
        ComposeProject project = projectOptions != null ? projectOptions.load(outer)
                : outer != null ? outer.load(null) : new ComposeProjectOptions().load(null);
        services.forEach(project::service); // USER error naming the file's services, before any engine is asked
        return new ComposeSession(project, engineOptions.connect());
    }

    ComposeProject project() {
        return project;
    }

    ContainerEngine engine() {
        return engine;
    }

    ComposeExecutor compose() {
        return compose;
    }

    @Override
    public void close() {
        engine.close();
    }
}
