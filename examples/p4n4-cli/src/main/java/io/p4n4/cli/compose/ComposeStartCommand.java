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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code p4n4 compose start [SERVICE...]}: docker compose v2's {@code start}. {@code --json}: progress lines, then the result. */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Start the services' existing, stopped containers, like docker compose start.")
public final class ComposeStartCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ComposeProjectOptions projectOptions;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(paramLabel = "SERVICE", description = "Only these services (default: all).")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ComposeSession session = ComposeSession.open(spec, projectOptions, engineOptions, services)) {
            List<String> containers;
            try (ProgressRenderer progress = ProgressRenderers.create(spec)) {
                containers = session.compose().start(session.project(), services, progress);
            }
            if (OutputMode.json(spec)) {
                Json.printLine(out, ComposeJson.result(session, Map.of("started", containers)));
                return 0;
            }
            out.println(session.project().name() + ": started " + containers.size() + " containers");
        }
        return 0;
    }
}
