package io.p4n4.benchmarks.ollama;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server answering {@code POST /api/generate}, {@code POST /api/chat}, {@code GET /api/tags}
 * and {@code GET /api/version} with fixed bodies shaped like Ollama's, and {@code POST /v1/chat/completions}
 * like OpenAI's, so the benchmarks measure the clients, not a model.
 */
final class OllamaStub implements AutoCloseable {
    static final byte[] GENERATE = ("{\"model\":\"llama3.2\",\"created_at\":\"2023-08-04T19:22:45.499127Z\","
            + "\"response\":\"ok\",\"done\":true,\"done_reason\":\"stop\",\"context\":[1,2,3],"
            + "\"total_duration\":5043500667,\"load_duration\":5025959,\"prompt_eval_count\":26,"
            + "\"prompt_eval_duration\":325953000,\"eval_count\":1,\"eval_duration\":4709213000}")
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] VERSION = "{\"version\":\"0.5.1\"}".getBytes(StandardCharsets.UTF_8);
    static final byte[] CHAT = ("{\"model\":\"llama3.2\",\"created_at\":\"2023-12-12T14:13:43.416799Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"done\":true,\"total_duration\":5191566416,"
            + "\"load_duration\":2154458,\"prompt_eval_count\":26,\"prompt_eval_duration\":383809000,"
            + "\"eval_count\":1,\"eval_duration\":4799921000}").getBytes(StandardCharsets.UTF_8);
    static final byte[] TAGS = ("{\"models\":[{\"name\":\"llama3.2:latest\",\"model\":\"llama3.2:latest\","
            + "\"modified_at\":\"2025-05-04T17:37:44.706015396-07:00\",\"size\":2019393189,\"digest\":\"a80c4f17\","
            + "\"details\":{\"parent_model\":\"\",\"format\":\"gguf\",\"family\":\"llama\",\"families\":[\"llama\"],"
            + "\"parameter_size\":\"3.2B\",\"quantization_level\":\"Q4_K_M\"}}]}").getBytes(StandardCharsets.UTF_8);
    /** An OpenAI chat-completions answer, served at {@code /v1/chat/completions}. */
    static final byte[] COMPLETION = ("{\"id\":\"chatcmpl-123\",\"object\":\"chat.completion\",\"created\":1677652288,"
            + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
            + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":1,"
            + "\"total_tokens\":10}}").getBytes(StandardCharsets.UTF_8);

    static {
        // like Ollama's Go server, answer without Nagle's delay: the JDK server writes headers and
        // body separately, and Nagle plus the client's delayed ACK would add ~40 ms to every call
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    OllamaStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/api/generate", ex -> answer(ex, GENERATE));
        server.createContext("/api/version", ex -> answer(ex, VERSION));
        server.createContext("/api/chat", ex -> answer(ex, CHAT));
        server.createContext("/api/tags", ex -> answer(ex, TAGS));
        server.createContext("/v1/chat/completions", ex -> answer(ex, COMPLETION));
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange ex, byte[] body) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            in.readAllBytes(); // drain the request so the connection can be reused
        }
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
