package io.p4n4.cli.ai;

import io.p4n4.api.clients.ollama.GenerateRequest;
import io.p4n4.api.clients.ollama.GenerateResponse;
import io.p4n4.api.clients.ollama.OllamaClient;
import io.p4n4.clients.OllamaClientBuilder;
import io.p4n4.clients.ClientFactory;
import io.p4n4.cli.output.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 ai generate PROMPT [--model M] [--stream]}. With {@code --json}: the answer as one document, or
 * with {@code --stream} one JSON line per chunk as Ollama sends them.
 */
@Command(name = "generate", description = "Generate text with an Ollama model.", mixinStandardHelpOptions = true)
public final class GenerateCommand implements Callable<Integer> {
    /** The model of the p4n4 AI stack's flows and pull script. */
    static final String DEFAULT_MODEL = "llama3.2";

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions options;

    @Parameters(index = "0", paramLabel = "PROMPT", description = "The prompt.")
    String prompt;

    @Option(names = {"-m", "--model"}, paramLabel = "M", description = "Model (default: ${DEFAULT-VALUE}).",
            defaultValue = DEFAULT_MODEL)
    String model;

    @Option(names = "--stream", description = "Print tokens as they are generated.")
    boolean stream;

    @Override
    public Integer call() {
        try (ClientFactory clients = ServiceOptions.clients(spec)) {
            OllamaClientBuilder b = options.applyTo(clients.ollama());
            OllamaClient ollama = b.build();
            GenerateRequest request = GenerateRequest.of(model, prompt);
            PrintWriter out = spec.commandLine().getOut();
            GenerateResponse answer;
            if (stream) {
                boolean json = ServiceOptions.json(spec);
                answer = CtrlC.cancellable("generate", cancel -> ollama.generate(request, chunk -> {
                    if (json) {
                        Json.printLine(out, chunk); // Ollama's own stream shape: the last chunk has "done": true
                    } else {
                        out.print(chunk.response());
                        out.flush();
                    }
                }, cancel));
                if (!json) {
                    out.println();
                }
            } else {
                answer = ollama.generate(request);
                if (!ServiceOptions.json(spec)) {
                    out.println(answer.response());
                }
            }
            if (ServiceOptions.json(spec) && !stream) {
                ServiceOptions.printJson(spec, answer);
            }
            return 0;
        }
    }
}
