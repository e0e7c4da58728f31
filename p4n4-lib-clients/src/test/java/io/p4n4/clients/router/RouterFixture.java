package io.p4n4.clients.router;

import io.p4n4.api.clients.RetryPolicy;
import io.p4n4.api.clients.ollama.ChatMessage;
import io.p4n4.api.clients.ollama.ChatRequest;
import io.p4n4.api.clients.ollama.OllamaClient;
import io.p4n4.clients.internal.http.HttpService;
import io.p4n4.clients.internal.ollama.HttpOllamaClient;
import io.p4n4.clients.internal.openai.OpenAiChatProvider;
import io.p4n4.clients.testing.LeakCheckedServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

/**
 * A local Ollama and two OpenAI-compatible endpoints on MockWebServers, clients without retries (the
 * router fails over instead), and a clock the test moves. Close it to check no response leaked.
 */
final class RouterFixture implements AutoCloseable {
    static final String KEY = "sk-proj-SECRETabc123xyz";
    static final ChatRequest HELLO = ChatRequest.of("llama3.2", List.of(ChatMessage.user("Hello!")));

    final LeakCheckedServer ollama = new LeakCheckedServer();
    final LeakCheckedServer cloud = new LeakCheckedServer();
    final LeakCheckedServer cloud2 = new LeakCheckedServer();
    final FakeTicker ticker = new FakeTicker();

    OllamaClient ollamaClient(Duration readTimeout) {
        return new HttpOllamaClient(HttpService.builder("ollama", ollama.client).baseUrl(ollama.url())
                .retryPolicy(RetryPolicy.none()).readTimeout(readTimeout).build());
    }

    OllamaChatProvider.Builder local() {
        return OllamaChatProvider.builder(ollamaClient(Duration.ofSeconds(5))).ticker(ticker);
    }

    /** An Ollama provider at a port nothing listens on. */
    OllamaChatProvider refusedLocal() {
        return OllamaChatProvider.builder(new HttpOllamaClient(HttpService.builder("ollama", ollama.client)
                .baseUrl("http://127.0.0.1:" + closedPort()).retryPolicy(RetryPolicy.none()).build()))
                .ticker(ticker).build();
    }

    ChatProvider cloud(String id, LeakCheckedServer server) {
        return new OpenAiChatProvider(id, "gpt-4o-mini", HttpService.builder("openai-compatible", server.client)
                .baseUrl(server.url() + "/v1").retryPolicy(RetryPolicy.none())
                .credentialHeader("Authorization", "Bearer " + KEY, KEY).build());
    }

    ChatRouter.Builder router() {
        return ChatRouter.builder().ticker(ticker);
    }

    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try (ollama; cloud; cloud2) {
            // each checks for leaked responses
        }
    }
}
