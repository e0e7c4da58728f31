package io.p4n4.cli.run;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.project.StackId;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import io.p4n4.cli.progress.ProgressRenderer;
import io.p4n4.cli.progress.ProgressRenderers;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.compose.exec.UpResult;
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

/**
 * {@code p4n4 up [STACK] [--wait] [--timeout S]}: one stack, or all in order iot, ai, edge (each waited on
 * before the next). Progress shows live on a terminal, as plain lines otherwise, as JSON lines with
 * {@code --json} (then a last {@code "type":"result"} line). Exit 3 when the engine fails, an image is missing or a service is not ready; 4 when
 * {@code p4n4-net} is missing.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Create and start a stack's containers (all stacks in order iot, ai, edge without STACK).")
public final class UpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(arity = "0..1", paramLabel = "STACK", description = "iot, ai or edge (default: every stack).")
    String stack;

    @Option(names = "--wait", description = "Wait until every service is healthy (or running without a healthcheck).")
    boolean waitReady;

    @Option(names = "--build", description = "Build the services with build: again even when their image exists.")
    boolean build;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "300",
            description = "Seconds up may take per stack, waiting included (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean json = OutputMode.json(spec);
        try (ContainerEngine engine = engineOptions.connect()) {
            Platform platform = EngineOptions.platform(spec, engine);
            List<StackId> stacks = stack == null ? List.of() : List.of(StackId.of(stack));
            if (!json) {
                out.println("engine " + engine.id() + " at " + engine.endpoint());
            }
            Map<StackId, UpResult> results;
            try (ProgressRenderer progress = ProgressRenderers.create(spec)) {
                results = platform.up(stacks, UpOptions.builder().waitReady(waitReady).build(build)
                        .timeout(Duration.ofSeconds(timeoutSeconds)).progress(progress).build());
            }
            if (json) {
                Json.printLine(out, RunJson.up(engine, results));
                return 0;
            }
            for (Map.Entry<StackId, UpResult> e : results.entrySet()) {
                UpResult r = e.getValue();
                out.println(e.getKey().value() + ": " + r.created().size() + " created, " + r.recreated().size()
                        + " recreated, " + r.started().size() + " started, " + r.unchanged().size() + " unchanged"
                        + (r.scaledDown().isEmpty() ? "" : ", " + r.scaledDown().size() + " scaled down") + " in "
                        + r.elapsed().toMillis() + " ms");
            }
        }
        return 0;
    }
}
