package io.p4n4.cli.ei;

import io.p4n4.api.clients.edgeimpulse.RunnerInfo;
import io.p4n4.cli.ai.ServiceOptions;
import io.p4n4.clients.EdgeImpulseClientBuilder;
import io.p4n4.clients.ClientFactory;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code p4n4 ei info}: the runner, its project and model. */
@Command(name = "info", description = "Print the runner's project, model and health.", mixinStandardHelpOptions = true)
public final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions options;

    @Override
    public Integer call() {
        try (ClientFactory clients = ServiceOptions.clients(spec)) {
            EdgeImpulseClientBuilder b = options.applyTo(clients.edgeImpulse());
            RunnerInfo info = b.build().info();
            if (ServiceOptions.json(spec)) {
                ServiceOptions.printJson(spec, info);
                return 0;
            }
            PrintWriter out = spec.commandLine().getOut();
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
    }

    private static void line(PrintWriter out, String key, String value) {
        if (value != null) {
            out.printf("%-11s %s%n", key + ":", value);
        }
    }
}
