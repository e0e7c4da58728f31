package io.p4n4.cli.ei;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.cli.run.EngineOptions;
import io.p4n4.core.edge.EdgeRunner;
import io.p4n4.core.edge.RunnerStatus;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** The engine and the edge runner of the project the command line points at; closing it closes the engine. */
final class EdgeSession implements AutoCloseable {
    private final ContainerEngine engine;
    private final EdgeRunner runner;

    private EdgeSession(ContainerEngine engine, EdgeRunner runner) {
        this.engine = engine;
        this.runner = runner;
    }

    /** Connects with {@code options}; USER error when the project has no edge stack. */
    static EdgeSession open(CommandSpec spec, EngineOptions options) {
        ContainerEngine engine = options.connect();
        try {
            return new EdgeSession(engine, EdgeRunner.of(EngineOptions.platform(spec, engine)));
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    ContainerEngine engine() {
        return engine;
    }

    EdgeRunner runner() {
        return runner;
    }

    /** Prints the container part of {@code status} as aligned lines. */
    static void printContainer(PrintWriter out, RunnerStatus s) {
        line(out, "container", s.container() + " (" + s.state().name().toLowerCase(java.util.Locale.ROOT)
                + ", health " + s.health().name().toLowerCase(java.util.Locale.ROOT) + ")");
        line(out, "image", s.image());
        line(out, "url", s.findHttpUrl().orElse("(port 8080 not published)"));
        line(out, "model", s.mountedModel() != null ? s.mountedModel() + (s.mountedModel().equals(s.configuredModel())
                ? "" : " (EI_MODEL_FILE names " + s.configuredModel() + "; p4n4 ei run applies it)")
                : "unknown: " + s.mountedModelProblem());
    }

    static void line(PrintWriter out, String key, String value) {
        out.printf("%-11s %s%n", key + ":", value);
    }

    @Override
    public void close() {
        engine.close();
    }
}
