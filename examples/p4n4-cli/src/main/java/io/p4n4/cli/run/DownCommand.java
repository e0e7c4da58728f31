package io.p4n4.cli.run;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.project.StackId;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import io.p4n4.cli.progress.ProgressRenderer;
import io.p4n4.cli.progress.ProgressRenderers;
import io.p4n4.compose.exec.DownOptions;
import io.p4n4.compose.exec.DownResult;
import io.p4n4.core.platform.Platform;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code p4n4 down [STACK] [--volumes]}: stop and remove a stack (or all, edge first, iot last). */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop and remove a stack's containers and networks (all stacks, iot last, without STACK).")
public final class DownCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(arity = "0..1", paramLabel = "STACK", description = "iot, ai or edge (default: every stack).")
    String stack;

    @Option(names = "--volumes", description = "Also remove the named volumes (their data is lost).")
    boolean volumes;

    @Mixin
    StopTimeoutOption timeout;

    @Override
    public Integer call() {
        Duration stopTimeout = timeout.orNull(); // a usage error before any engine is contacted
        PrintWriter out = spec.commandLine().getOut();
        try (ContainerEngine engine = engineOptions.connect()) {
            Platform platform = EngineOptions.platform(spec, engine);
            List<StackId> stacks = stack == null ? List.of() : List.of(StackId.of(stack));
            Map<StackId, DownResult> results;
            try (ProgressRenderer progress = ProgressRenderers.create(spec)) {
                DownOptions options = DownOptions.defaults().withVolumes(volumes).withProgress(progress);
                if (stopTimeout != null) {
                    options = options.withStopTimeout(stopTimeout);
                }
                results = platform.down(stacks, options);
            }
            if (OutputMode.json(spec)) {
                Json.printLine(out, RunJson.down(engine, results));
                return 0;
            }
            for (Map.Entry<StackId, DownResult> e : results.entrySet()) {
                DownResult r = e.getValue();
                out.println(e.getKey().value() + ": removed " + r.containers().size() + " containers, "
                        + r.networks().size() + " networks, " + r.volumes().size() + " volumes");
            }
        }
        return 0;
    }
}
