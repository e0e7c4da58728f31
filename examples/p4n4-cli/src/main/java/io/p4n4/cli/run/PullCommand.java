package io.p4n4.cli.run;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.project.StackId;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import io.p4n4.cli.progress.ProgressRenderer;
import io.p4n4.cli.progress.ProgressRenderers;
import io.p4n4.core.platform.Platform;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 pull [STACK]}: pulls the images of one stack or of every stack, as {@code docker compose pull}
 * does (each service's {@code pull_policy} decides). Each layer's progress shows live on a terminal, as plain
 * lines otherwise, as JSON lines with {@code --json} (then a last {@code "type":"result"} line naming the
 * images pulled per stack; docs/cli-json.md). Exit 3 when a pull fails, 2 when registry credentials are
 * missing or refused.
 */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = "Pull the images of a stack's services (every stack without STACK), with progress.")
public final class PullCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(arity = "0..1", paramLabel = "STACK", description = "iot, ai or edge (default: every stack).")
    String stack;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean json = OutputMode.json(spec);
        try (ContainerEngine engine = engineOptions.connect()) {
            Platform platform = EngineOptions.platform(spec, engine);
            if (!json) {
                out.println("engine " + engine.id() + " at " + engine.endpoint());
            }
            Map<StackId, List<String>> pulled = new LinkedHashMap<>();
            try (ProgressRenderer progress = ProgressRenderers.create(spec)) {
                for (StackId id : EngineOptions.stacks(platform, stack)) {
                    pulled.put(id, platform.compose().pull(platform.load(id), progress));
                }
            }
            if (json) {
                Json.printLine(out, RunJson.pull(engine, pulled));
                return 0;
            }
            pulled.forEach((id, images) -> out.println(id.value() + ": " + images.size() + " image"
                    + (images.size() == 1 ? "" : "s") + " pulled" + (images.isEmpty() ? "" : ": "
                    + String.join(", ", images))));
        }
        return 0;
    }
}
