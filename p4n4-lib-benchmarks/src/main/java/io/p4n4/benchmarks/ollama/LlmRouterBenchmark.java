package io.p4n4.benchmarks.ollama;

import io.p4n4.api.clients.RetryPolicy;
import io.p4n4.api.clients.ollama.ChatMessage;
import io.p4n4.api.clients.ollama.ChatRequest;
import io.p4n4.api.clients.ollama.ChatResponse;
import io.p4n4.api.clients.ollama.OllamaClient;
import io.p4n4.api.clients.ollama.Stats;
import io.p4n4.clients.ClientFactory;
import io.p4n4.clients.router.BreakerPolicy;
import io.p4n4.clients.router.ChatCall;
import io.p4n4.clients.router.ChatProvider;
import io.p4n4.clients.router.ChatRouter;
import io.p4n4.clients.router.OllamaChatProvider;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the LLM router costs, side by side with the direct clients in the same run, against one loopback stub:
 * <ul>
 *   <li>{@code directOllamaChat} vs {@code routedOllamaChat}: the router's overhead when Ollama answers
 *       (health check amortized: one {@code /api/tags} per 10 s interval);</li>
 *   <li>{@code directInMemory} vs {@code routedInMemory}: the same without HTTP (a provider answering from
 *       memory), the router's own cost free of the network's noise;</li>
 *   <li>{@code directCloudChat} vs {@code failoverAfterRefused}: what a failover to the second provider adds
 *       when the first (an Ollama on a port nothing listens on) refuses the connection. Its breaker never opens
 *       here, so every call pays the refusal.</li>
 * </ul>
 * Run: {@code java -jar p4n4-lib-benchmarks/target/benchmarks.jar LlmRouterBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 1)
@Fork(1)
public class LlmRouterBenchmark {
    private OllamaStub stub;
    private ClientFactory clients;
    private OllamaClient ollama;
    private ChatProvider cloud;
    private ChatRouter localFirst;
    private ChatRouter refusedFirst;
    private ChatRequest request;
    private ChatProvider inMemory;
    private ChatRouter inMemoryRouter;

    /** Starts the stub, the clients and both routers, and checks who answers. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        stub = new OllamaStub();
        clients = ClientFactory.create();
        ollama = clients.ollama().baseUrl(stub.url()).retryPolicy(RetryPolicy.none()).build();
        cloud = clients.openAiCompatible().id("cloud").baseUrl(stub.url() + "/v1").model("gpt-4o-mini")
                .apiKey("sk-bench").build();
        request = ChatRequest.of("llama3.2", List.of(ChatMessage.user("Say ok.")));
        localFirst = ChatRouter.builder().provider(OllamaChatProvider.builder(ollama).build()).provider(cloud).build();
        OllamaClient refused = clients.ollama().baseUrl("http://127.0.0.1:" + closedPort())
                .retryPolicy(RetryPolicy.none()).build();
        refusedFirst = ChatRouter.builder().breaker(BreakerPolicy.of(Integer.MAX_VALUE, Duration.ZERO))
                .provider(OllamaChatProvider.builder(refused).build()).provider(cloud).build();
        ChatResponse fixed = new ChatResponse("llama3.2", "2023-12-12T14:13:43Z", ChatMessage.assistant("ok"), true,
                "stop", Stats.NONE);
        inMemory = new ChatProvider() {
            @Override
            public String id() {
                return "memory";
            }

            @Override
            public String model(ChatRequest r) {
                return r.model();
            }

            @Override
            public ChatResponse chat(ChatRequest r, ChatCall call) {
                return fixed;
            }
        };
        inMemoryRouter = ChatRouter.builder().provider(inMemory).provider(cloud).build();
        if (!"ollama".equals(localFirst.route(request).provider()) || !"cloud".equals(refusedFirst.route(request).provider())
                || !"ok".equals(directOllamaChat()) || !"ok".equals(directCloudChat())) {
            throw new IllegalStateException("a client or router did not answer as expected");
        }
    }

    /** Stops everything. */
    @TearDown(Level.Trial)
    public void tearDown() {
        clients.close();
        stub.close();
    }

    /** The Ollama client alone: {@code POST /api/chat}. */
    @Benchmark
    public String directOllamaChat() {
        return ollama.chat(request).message().content();
    }

    /** The same call through the router, Ollama answering. */
    @Benchmark
    public String routedOllamaChat() {
        return localFirst.route(request).response().message().content();
    }

    /** A provider answering from memory, alone. */
    @Benchmark
    public String directInMemory() {
        return inMemory.chat(request, ChatCall.whole()).message().content();
    }

    /** The same provider first in a router. */
    @Benchmark
    public String routedInMemory() {
        return inMemoryRouter.route(request).response().message().content();
    }

    /** The OpenAI-compatible provider alone: {@code POST /v1/chat/completions}. */
    @Benchmark
    public String directCloudChat() {
        return cloud.chat(request, ChatCall.whole()).message().content();
    }

    /** The router, the first provider refusing the connection, the second answering. */
    @Benchmark
    public String failoverAfterRefused() {
        return refusedFirst.route(request).response().message().content();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
