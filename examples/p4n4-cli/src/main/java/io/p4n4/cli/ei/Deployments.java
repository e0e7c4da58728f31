package io.p4n4.cli.ei;

import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import io.p4n4.cli.progress.ProgressRenderer;
import io.p4n4.cli.progress.ProgressRenderers;
import io.p4n4.cli.run.EngineOptions;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.core.edge.DeployResult;
import io.p4n4.core.edge.ModelDeployer;
import java.io.PrintWriter;
import java.util.function.BiFunction;
import picocli.CommandLine.Model.CommandSpec;

/** Runs one of {@link ModelDeployer}'s operations for {@code ei deploy}, {@code ei update} and {@code ei rollback}. */
final class Deployments {
    private Deployments() {
    }

    static int run(CommandSpec spec, EngineOptions engineOptions, RestartOptions restart,
            BiFunction<ModelDeployer, UpOptions, DeployResult> operation) {
        PrintWriter out = spec.commandLine().getOut();
        try (EdgeSession session = EdgeSession.open(spec, engineOptions)) {
            DeployResult r;
            try (ProgressRenderer progress = ProgressRenderers.create(spec)) {
                r = operation.apply(ModelDeployer.of(session.runner()), restart.upOptions(progress));
            }
            if (OutputMode.json(spec)) {
                Json.printLine(out, EiJson.deployed(session.engine(), r));
                return 0;
            }
            out.println("model " + r.model() + " is active; runner " + r.container() + " restarted on "
                    + session.engine().id() + (r.previous() == null ? "" : " (was " + r.previous() + ")"));
            r.findKeptForRollback().ifPresent(k -> out.println(k + " is kept for p4n4 ei rollback"));
        }
        return 0;
    }
}
