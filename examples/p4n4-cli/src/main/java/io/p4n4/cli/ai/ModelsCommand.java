package io.p4n4.cli.ai;

import io.p4n4.api.clients.ollama.ModelInfo;
import io.p4n4.clients.OllamaClientBuilder;
import io.p4n4.clients.ClientFactory;
import io.p4n4.cli.output.Sizes;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code p4n4 ai models}: the models Ollama has locally. */
@Command(name = "models", description = "List the models available in Ollama.", mixinStandardHelpOptions = true)
public final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions options;

    @Override
    public Integer call() {
        try (ClientFactory clients = ServiceOptions.clients(spec)) {
            OllamaClientBuilder b = options.applyTo(clients.ollama());
            List<ModelInfo> models = b.build().models();
            if (ServiceOptions.json(spec)) {
                ServiceOptions.printJson(spec, models);
                return 0;
            }
            PrintWriter out = spec.commandLine().getOut();
            if (models.isEmpty()) {
                out.println("No models yet. Pull one: p4n4 ai pull " + GenerateCommand.DEFAULT_MODEL
                        + (options.url() == null ? "" : " --url " + options.url()));
                return 0;
            }
            String format = "%-32s %10s %8s %-8s %s%n";
            out.printf(format, "NAME", "SIZE", "PARAMS", "QUANT", "MODIFIED");
            for (ModelInfo m : models) {
                out.printf(format, m.name(), Sizes.human(m.size()), nz(m.details().parameterSize()),
                        nz(m.details().quantizationLevel()), nz(m.modifiedAt()));
            }
            return 0;
        }
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }
}
