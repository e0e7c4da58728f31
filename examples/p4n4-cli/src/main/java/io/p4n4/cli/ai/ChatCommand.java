package io.p4n4.cli.ai;

import io.p4n4.api.clients.RetryPolicy;
import io.p4n4.api.clients.ollama.ChatMessage;
import io.p4n4.api.clients.ollama.ChatRequest;
import io.p4n4.api.clients.ollama.ChatResponse;
import io.p4n4.api.clients.ollama.OllamaClient;
import io.p4n4.cli.output.Json;
import io.p4n4.clients.ClientFactory;
import io.p4n4.clients.router.ChatProvider;
import io.p4n4.clients.router.ChatRouter;
import io.p4n4.clients.router.OllamaChatProvider;
import io.p4n4.clients.router.RoutedAnswer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 ai chat MESSAGE [--model M] [--stream] [--providers FILE]}. With fallback providers declared
 * ({@code P4N4_LLM_FALLBACK_URL}/{@code _MODEL}/{@code _API_KEY} in the project's {@code .env}, or
 * {@code --providers FILE}) the local-first router answers: Ollama first, then the fallbacks; without them,
 * Ollama directly. {@code --json} prints the answer with its routing record.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Chat with the local model; falls back to the declared cloud providers when Ollama cannot answer.")
public final class ChatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions options;

    @Parameters(index = "0", paramLabel = "MESSAGE", description = "The message.")
    String message;

    @Option(names = {"-m", "--model"}, paramLabel = "M", description = "Local model (default: ${DEFAULT-VALUE}).",
            defaultValue = GenerateCommand.DEFAULT_MODEL)
    String model;

    @Option(names = "--stream", description = "Print tokens as they arrive.")
    boolean stream;

    @Option(names = "--providers", paramLabel = "FILE",
            description = "TOML file of more fallback providers ([[provider]] id, url, model, api_key_env).")
    Path providers;

    @Override
    public Integer call() {
        try (ClientFactory clients = ServiceOptions.clients(spec)) {
            ChatRequest request = ChatRequest.of(model, List.of(ChatMessage.user(message)));
            List<ChatProvider> fallbacks = providers == null ? clients.fallbackProviders()
                    : clients.fallbackProviders(providers);
            if (fallbacks.isEmpty()) {
                OllamaClient ollama = options.applyTo(clients.ollama()).build();
                ChatResponse answer = stream
                        ? CtrlC.cancellable("chat", cancel -> ollama.chat(request, printer(), cancel))
                        : ollama.chat(request);
                finish(answer, null);
                return 0;
            }
            // no retries under the router: it fails over instead, and a retried refusal would only delay that
            OllamaClient ollama = options.applyTo(clients.ollama()).retryPolicy(RetryPolicy.none()).build();
            ChatRouter router = ChatRouter.builder().provider(OllamaChatProvider.builder(ollama).build())
                    .providers(fallbacks).build();
            RoutedAnswer routed = stream
                    ? CtrlC.cancellable("chat", cancel -> router.route(request, printer(), cancel))
                    : router.route(request);
            finish(routed.response(), routed);
            return 0;
        }
    }

    private Consumer<ChatResponse> printer() {
        PrintWriter out = spec.commandLine().getOut();
        boolean json = ServiceOptions.json(spec);
        return chunk -> {
            if (json) {
                Json.printLine(out, chunk);
            } else {
                out.print(chunk.message().content());
                out.flush();
            }
        };
    }

    private void finish(ChatResponse answer, RoutedAnswer routed) {
        PrintWriter out = spec.commandLine().getOut();
        if (ServiceOptions.json(spec)) {
            Map<String, Object> doc = new LinkedHashMap<>();
            if (stream) {
                doc.put("type", "result");
            }
            doc.put("response", answer);
            doc.put("routing", routed == null ? null : RoutingRecord.of(routed));
            if (stream) {
                Json.printLine(out, doc);
            } else {
                ServiceOptions.printJson(spec, doc);
            }
            return;
        }
        if (stream) {
            out.println();
        } else {
            out.println(answer.message().content());
        }
        if (routed != null && routed.attempts().size() > 1) {
            spec.commandLine().getErr().println(RoutingRecord.note(routed));
        }
    }
}
