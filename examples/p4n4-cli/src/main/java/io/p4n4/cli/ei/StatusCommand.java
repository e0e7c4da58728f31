package io.p4n4.cli.ei;

import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.edgeimpulse.RunnerInfo;
import io.p4n4.cli.ai.ServiceOptions;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import io.p4n4.cli.run.EngineOptions;
import io.p4n4.core.edge.RunnerStatus;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 ei status}: the runner container's state, image and mounted model, and what the runner's HTTP API
 * answers ({@code /api/info}, else the spec's {@code /api/v1/info}, else {@code /health}). Exit 4 when the edge stack
 * is not running; a runner that does not answer is shown, not an error (the container part is the status).
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the runner container (state, image, mounted model) and what its HTTP API answers.")
public final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    ServiceOptions serviceOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (EdgeSession session = EdgeSession.open(spec, engineOptions)) {
            RunnerStatus status = session.runner().requireRunning();
            RunnerInfo info = null;
            String problem = null;
            try {
                info = RunnerQuery.info(spec, serviceOptions, status);
            } catch (P4n4Exception e) {
                problem = e.getMessage();
            }
            if (OutputMode.json(spec)) {
                Map<String, Object> doc = EiJson.container(session.engine().id(), status);
                doc.put("runner", info);
                doc.put("runner_problem", problem);
                Json.printDocument(out, doc);
                return 0;
            }
            EdgeSession.printContainer(out, status);
            EdgeSession.line(out, "runner", info == null ? "no answer: " + problem
                    : info.endpoint() + " answered" + (info.status() == null ? "" : ", status " + info.status())
                    + (info.modelFile() == null ? "" : ", model " + info.modelFile()));
        }
        return 0;
    }
}
