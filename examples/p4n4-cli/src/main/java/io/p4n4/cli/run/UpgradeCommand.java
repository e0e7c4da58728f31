package io.p4n4.cli.run;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.project.StackId;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import io.p4n4.cli.progress.ProgressRenderer;
import io.p4n4.cli.progress.ProgressRenderers;
import io.p4n4.compose.exec.ImageChange;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.compose.exec.UpgradeResult;
import io.p4n4.core.platform.Platform;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
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
 * {@code p4n4 upgrade [STACK]}: pulls newer images and recreates only the services whose image changed, then
 * prints what changed (service, image, old and new image id); with {@code --json}, one document:
 * {@code {"engine": ..., "stacks": [{"stack": "iot", "changed": [{"service", "image", "old_image_id",
 * "new_image_id"}], "recreated": [SERVICE...]}]}}.
 */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = "Pull newer images and recreate only the services whose image changed (every stack without STACK).")
public final class UpgradeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(arity = "0..1", paramLabel = "STACK", description = "iot, ai or edge (default: every stack).")
    String stack;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "300",
            description = "Seconds the recreation may take per stack (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean json = OutputMode.json(spec);
        try (ContainerEngine engine = engineOptions.connect()) {
            Platform platform = EngineOptions.platform(spec, engine);
            if (!json) {
                out.println("engine " + engine.id() + " at " + engine.endpoint());
            }
            Map<StackId, UpgradeResult> results = new LinkedHashMap<>();
            try (ProgressRenderer progress = ProgressRenderers.create(spec)) {
                UpOptions options = UpOptions.builder().timeout(Duration.ofSeconds(timeoutSeconds))
                        .progress(progress).build();
                for (StackId id : EngineOptions.stacks(platform, stack)) {
                    results.put(id, platform.compose().upgrade(platform.load(id), options));
                }
            }
            if (json) {
                Json.printLine(out, RunJson.upgrade(engine, results));
                return 0;
            }
            results.forEach((id, r) -> {
                if (r.nothingChanged()) {
                    out.println(id.value() + ": no image changed");
                }
                for (ImageChange c : r.changed()) {
                    out.println(id.value() + ": " + c.service() + " upgraded: " + c.image() + " "
                            + shortId(c.oldImageId()) + " -> " + shortId(c.newImageId()));
                }
            });
        }
        return 0;
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
