package io.p4n4.cli.compose;

import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import io.p4n4.cli.progress.ProgressRenderer;
import io.p4n4.cli.progress.ProgressRenderers;
import io.p4n4.cli.run.EngineOptions;
import io.p4n4.compose.exec.ComposeExecutor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 compose pull [SERVICE...]}: docker compose v2's {@code pull}: each service's image once, skipping
 * built services and {@code pull_policy: never}; progress per layer.
 */
@Command(name = "pull", mixinStandardHelpOptions = true, description = "Pull the services' images, like docker compose pull.")
public final class ComposePullCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ComposeProjectOptions projectOptions;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(paramLabel = "SERVICE", description = "Only these services' images (default: all).")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ComposeSession session = ComposeSession.open(spec, projectOptions, engineOptions, services)) {
            ComposeExecutor compose = session.compose();
            List<String> pulled;
            try (ProgressRenderer progress = ProgressRenderers.create(spec)) {
                pulled = compose.pull(session.project(), services, progress);
            }
            if (OutputMode.json(spec)) {
                Json.printLine(out, ComposeJson.result(session, Map.of("pulled", pulled)));
                return 0;
            }
            out.println(session.project().name() + ": pulled " + pulled.size() + " images"
                    + (pulled.isEmpty() ? "" : ": " + String.join(", ", pulled)));
        }
        return 0;
    }
}
