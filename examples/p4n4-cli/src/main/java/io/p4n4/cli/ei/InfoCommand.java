package io.p4n4.cli.ei;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.edgeimpulse.RunnerInfo;
import io.p4n4.cli.ai.ServiceOptions;
import io.p4n4.cli.run.EngineOptions;
import io.p4n4.core.edge.RunnerStatus;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 ei info}: the runner container's image tag and mounted model, and the runner's project, model and
 * health from its HTTP API. Exit 4 when the edge stack is not running or the runner does not answer. With
 * {@code --url} only the runner at that address is asked (a runner on another machine), and the container part is
 * left out; {@code --engine} and {@code --host} are refused then.
 */
@Command(name = "info", description = "Print the runner's image, mounted model, project, labels and health.",
        mixinStandardHelpOptions = true)
public final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions options;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        RunnerStatus status = null;
        String engineId = null;
        if (options.url() == null) {
            try (EdgeSession session = EdgeSession.open(spec, engineOptions)) {
                status = session.runner().requireRunning();
                engineId = session.engine().id();
            }
        } else if (spec.findOption("--engine").getValue() != null || spec.findOption("--host").getValue() != null) {
            throw new P4n4Exception(ErrorCode.USER, "--url asks the runner at that address only, so --engine and"
                    + " --host would not be used; leave them out, or leave out --url to look at the edge stack's"
                    + " container too");
        }
        RunnerInfo info = RunnerQuery.info(spec, options, status);
        if (ServiceOptions.json(spec)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> doc = new LinkedHashMap<>(new ObjectMapper().convertValue(info, Map.class));
            doc.put("container", status == null ? null : EiJson.container(engineId, status));
            ServiceOptions.printJson(spec, doc);
            return 0;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (status != null) {
            EdgeSession.printContainer(out, status);
        }
        line(out, "endpoint", info.endpoint());
        line(out, "status", info.status());
        line(out, "project", info.projectName() == null ? null
                : info.projectName() + " (id " + info.projectId() + ", owner " + info.projectOwner()
                        + ", deploy v" + info.deployVersion() + ")");
        line(out, "model type", info.modelType());
        line(out, "model file", info.modelFile());
        line(out, "labels", info.labels().isEmpty() ? null : String.join(", ", info.labels()));
        line(out, "features", info.inputFeaturesCount() == 0 ? null : String.valueOf(info.inputFeaturesCount()));
        line(out, "anomaly", info.endpoint().equals("/health") ? null : info.hasAnomaly() ? "yes" : "no");
        return 0;
    }

    private static void line(PrintWriter out, String key, String value) {
        if (value != null) {
            out.printf("%-11s %s%n", key + ":", value);
        }
    }
}
