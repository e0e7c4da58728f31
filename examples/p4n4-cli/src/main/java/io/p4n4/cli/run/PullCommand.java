package io.p4n4.cli.run;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.project.StackId;
import io.p4n4.cli.JsonOutput;
import io.p4n4.compose.exec.ProgressListener;
import io.p4n4.core.platform.Platform;
import java.io.PrintWriter;
import java.util.ArrayList;
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
 * does (each service's {@code pull_policy} decides), printing each layer's progress; with {@code --json}, one
 * document: {@code {"engine": ..., "stacks": [{"stack": "iot", "pulled": [IMAGE...]}]}}. Exit 3 when a pull
 * fails, 2 when registry credentials are missing or refused.
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
        boolean json = EngineOptions.json(spec);
        try (ContainerEngine engine = engineOptions.connect()) {
            Platform platform = EngineOptions.platform(spec, engine);
            ProgressListener progress = json ? ProgressListener.NONE : new PullProgressLines(out);
            if (!json) {
                out.println("engine " + engine.id() + " at " + engine.endpoint());
            }
            List<Map<String, Object>> stacks = new ArrayList<>();
            for (StackId id : EngineOptions.stacks(platform, stack)) {
                List<String> pulled = platform.compose().pull(platform.load(id), progress);
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("stack", id.value());
                    m.put("pulled", pulled);
                    stacks.add(m);
                } else {
                    out.println(id.value() + ": " + pulled.size() + " image" + (pulled.size() == 1 ? "" : "s")
                            + " pulled" + (pulled.isEmpty() ? "" : ": " + String.join(", ", pulled)));
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
}
