package io.p4n4.cli.run;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.project.StackId;
import io.p4n4.cli.JsonOutput;
import io.p4n4.compose.exec.ImageChange;
import io.p4n4.compose.exec.ProgressListener;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.compose.exec.UpgradeResult;
import io.p4n4.core.platform.Platform;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
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
        boolean json = EngineOptions.json(spec);
        try (ContainerEngine engine = engineOptions.connect()) {
            Platform platform = EngineOptions.platform(spec, engine);
            ProgressListener progress = json ? ProgressListener.NONE : new PullProgressLines(out);
            UpOptions options = UpOptions.builder().timeout(Duration.ofSeconds(timeoutSeconds)).progress(progress)
                    .build();
            if (!json) {
                out.println("engine " + engine.id() + " at " + engine.endpoint());
            }
            List<Map<String, Object>> stacks = new ArrayList<>();
            for (StackId id : EngineOptions.stacks(platform, stack)) {
                UpgradeResult r = platform.compose().upgrade(platform.load(id), options);
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("stack", id.value());
                    m.put("changed", r.changed().stream().map(UpgradeCommand::change).toList());
                    m.put("recreated", r.up().recreated());
                    stacks.add(m);
                    continue;
                }
                if (r.nothingChanged()) {
                    out.println(id.value() + ": no image changed");
                }
                for (ImageChange c : r.changed()) {
                    out.println(id.value() + ": " + c.service() + " upgraded: " + c.image() + " " + shortId(c.oldImageId())
                            + " -> " + shortId(c.newImageId()));
                }
            }
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("engine", engine.id());
                doc.put("stacks", stacks);
                JsonOutput.print(out, doc);
            }
        }
        return 0;
    }

    private static Map<String, Object> change(ImageChange c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", c.service());
        m.put("image", c.image());
        m.put("old_image_id", c.oldImageId());
        m.put("new_image_id", c.newImageId());
        return m;
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
