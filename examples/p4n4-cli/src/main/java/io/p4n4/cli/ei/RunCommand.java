package io.p4n4.cli.ei;

import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import io.p4n4.cli.progress.ProgressRenderer;
import io.p4n4.cli.progress.ProgressRenderers;
import io.p4n4.cli.run.EngineOptions;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.compose.exec.UpResult;
import io.p4n4.core.edge.ModelDeployer;
import io.p4n4.core.edge.RunnerStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 ei run [--model FILE.eim]}: brings the edge stack's runner up, with the given model (copied into
 * {@code models/} and made active first) or the one {@code EI_MODEL_FILE} names. Exit 5 for a model that cannot be
 * deployed, 4 when {@code p4n4-net} is missing (start the iot stack first).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start the Edge Impulse runner (the edge stack), optionally with a given .eim model.")
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    RestartOptions restart;

    @Option(names = "--model", paramLabel = "FILE.eim",
            description = "Make this model active first (a path, or the name of a file in models/); a running"
                    + " runner is recreated to load it.")
    Path model;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (EdgeSession session = EdgeSession.open(spec, engineOptions)) {
            ModelDeployer deployer = ModelDeployer.of(session.runner());
            UpResult r;
            try (ProgressRenderer progress = ProgressRenderers.create(spec)) {
                UpOptions options = restart.upOptions(progress);
                r = model == null ? deployer.start(options) : deployer.start(model, options);
            }
            RunnerStatus status = session.runner().requireRunning();
            if (OutputMode.json(spec)) {
                Map<String, Object> doc = EiJson.container(session.engine().id(), status);
                doc.put("type", "result");
                doc.put("created", r.created());
                doc.put("recreated", r.recreated());
                doc.put("started", r.started());
                doc.put("unchanged", r.unchanged());
                Json.printLine(out, doc);
                return 0;
            }
            out.println("edge: " + r.created().size() + " created, " + r.recreated().size() + " recreated, "
                    + r.started().size() + " started, " + r.unchanged().size() + " unchanged");
            EdgeSession.printContainer(out, status);
        }
        return 0;
    }
}
