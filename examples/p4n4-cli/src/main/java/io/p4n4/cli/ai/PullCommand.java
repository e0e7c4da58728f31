package io.p4n4.cli.ai;

import io.p4n4.api.clients.ollama.OllamaClient;
import io.p4n4.api.engine.PullProgress;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.progress.ProgressRenderer;
import io.p4n4.cli.progress.ProgressRenderers;
import io.p4n4.clients.ClientFactory;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 ai pull MODEL}: has Ollama download a model, showing each layer's progress as the image pulls
 * of {@code p4n4 pull} do: a live bar per layer on a terminal, plain lines otherwise, and with {@code --json}
 * {@code "type":"pull"} lines ({@code image} is the model, {@code layer} the blob digest, {@code status}
 * Ollama's own) then one {@code "type":"result"} line. Ctrl-C stops the download.
 */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = "Download a model into Ollama, with progress.")
public final class PullCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions options;

    @Parameters(paramLabel = "MODEL", description = "The model to pull, e.g. llama3.2 or qwen2.5:0.5b.")
    String model;

    @Override
    public Integer call() {
        try (ClientFactory clients = ServiceOptions.clients(spec)) {
            OllamaClient ollama = options.applyTo(clients.ollama()).build();
            try (ProgressRenderer progress = ProgressRenderers.create(spec)) {
                CtrlC.cancellable("pull", cancel -> {
                    ollama.pull(model, p -> progress.onProgress(new PullProgress(model,
                            p.digest() == null ? "" : p.digest(), p.status(), p.completed(), p.total())), cancel);
                    return model;
                });
            }
            PrintWriter out = spec.commandLine().getOut();
            if (ServiceOptions.json(spec)) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("type", "result");
                result.put("model", model);
                result.put("status", "success");
                Json.printLine(out, result);
            } else {
                out.println("Pulled " + model + ". Try: p4n4 ai generate --model " + model + " \"Hello\"");
            }
            return 0;
        }
    }
}
