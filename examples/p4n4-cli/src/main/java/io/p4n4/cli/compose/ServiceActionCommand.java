package io.p4n4.cli.compose;

import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import io.p4n4.cli.progress.ProgressRenderer;
import io.p4n4.cli.progress.ProgressRenderers;
import io.p4n4.cli.run.EngineOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What {@code compose start}, {@code stop} and {@code restart} share: the project and engine options, the
 * services as arguments, progress while the action runs, and one result naming the containers it acted on
 * ({@code --json}: progress lines, then {@code {"<verb>": [...]}}).
 */
abstract class ServiceActionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ComposeProjectOptions projectOptions;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(paramLabel = "SERVICE", description = "Only these services (default: all).")
    List<String> services = new ArrayList<>();

    /** The past tense the result is reported with ({@code started}). */
    abstract String verb();

    /** Runs the action on the chosen services; returns the containers it acted on. */
    abstract List<String> act(ComposeSession session, List<String> services, ProgressRenderer progress);

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ComposeSession session = ComposeSession.open(spec, projectOptions, engineOptions, services)) {
            List<String> containers;
            try (ProgressRenderer progress = ProgressRenderers.create(spec)) {
                containers = act(session, services, progress);
            }
            if (OutputMode.json(spec)) {
                Json.printLine(out, ComposeJson.result(session, Map.of(verb(), containers)));
                return 0;
            }
            out.println(session.project().name() + ": " + verb() + " " + containers.size() + " containers");
        }
        return 0;
    }
}
