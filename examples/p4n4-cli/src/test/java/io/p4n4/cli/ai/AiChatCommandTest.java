package io.p4n4.cli.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.cli.MockServiceCliTest;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code p4n4 ai chat}: Ollama directly without fallbacks; the local-first router with them. */
class AiChatCommandTest extends MockServiceCliTest {
    private static final String KEY = "sk-proj-cli-SECRET-42";
    private static final String OLLAMA_CHAT = """
            {"model":"llama3.2","created_at":"2023-12-12T14:13:43.416799Z","message":{"role":"assistant","content":"Hello! How are you today?"},"done":true,"total_duration":5191566416,"load_duration":2154458,"prompt_eval_count":26,"prompt_eval_duration":383809000,"eval_count":298,"eval_duration":4799921000}""";
    private static final String OPENAI_COMPLETION = """
            {"id":"chatcmpl-123","object":"chat.completion","created":1677652288,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"message":{"role":"assistant","content":"Hello there!"},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}""";
    private static final String OPENAI_STREAM = """
            data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}

            data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}]}

            data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":" there!"},"logprobs":null,"finish_reason":null}]}

            data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}

            data: [DONE]

            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MockWebServer cloud = new MockWebServer();

    @TempDir
    Path project;

    @AfterEach
    void stopCloud() throws Exception {
        cloud.shutdown();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A project whose Ollama refuses connections and whose .env declares the cloud as fallback. */
    private void projectWithFallback() throws Exception {
        Files.writeString(project.resolve(".p4n4.json"), "{}");
        Files.writeString(project.resolve(".env"), "P4N4_OLLAMA_URL=http://127.0.0.1:" + closedPort() + "\n"
                + "P4N4_LLM_FALLBACK_URL=" + cloud.url("/v1") + "\nP4N4_LLM_FALLBACK_MODEL=gpt-4o-mini\n"
                + "P4N4_LLM_FALLBACK_API_KEY=" + KEY + "\n");
    }

    @Test
    void withoutFallbacksItTalksToOllamaDirectly() throws Exception {
        server.enqueue(new MockResponse().setBody(OLLAMA_CHAT));
        int code = run("ai", "chat", "Hello!", "--url", server.url("/").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("Hello! How are you today?" + System.lineSeparator());
        RecordedRequest r = server.takeRequest();
        assertThat(r.getPath()).as("no health check, no router").isEqualTo("/api/chat");
        assertThat(r.getBody().readUtf8()).contains("\"model\":\"llama3.2\"")
                .contains("{\"role\":\"user\",\"content\":\"Hello!\"}");
    }

    @Test
    void withAFallbackInTheEnvTheCloudAnswersWhenOllamaIsDownAndTheRecordSaysSo() throws Exception {
        projectWithFallback();
        cloud.enqueue(new MockResponse().setBody(OPENAI_COMPLETION));
        int code = run("--project", project.toString(), "--json", "ai", "chat", "Hello!");
        assertThat(code).as(out.toString()).isZero();
        JsonNode doc = JSON.readTree(out.toString());
        assertThat(doc.at("/response/message/content").asText()).isEqualTo("Hello there!");
        JsonNode routing = doc.get("routing");
        assertThat(routing.get("provider").asText()).as("the URL's host").isEqualTo(cloud.getHostName());
        assertThat(routing.get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(routing.get("attempts").get(0).get("provider").asText()).isEqualTo("ollama");
        assertThat(routing.get("attempts").get(0).get("reason").asText()).isEqualTo("refused");
        assertThat(routing.get("attempts").get(0).get("code").asText()).isEqualTo("NETWORK");
        assertThat(routing.get("attempts").get(1).get("code").asText()).isEqualTo("OK");
        assertThat(routing.get("attempts").get(1).get("reason").isNull()).isTrue();
        assertThat(cloud.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(out.toString()).doesNotContain(KEY);
    }

    @Test
    void textModeNotesTheFailoverOnStandardError() throws Exception {
        projectWithFallback();
        cloud.enqueue(new MockResponse().setBody(OPENAI_COMPLETION));
        int code = run("--project", project.toString(), "ai", "chat", "Hello!");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("Hello there!" + System.lineSeparator());
        assertThat(err.toString()).contains("answered by " + cloud.getHostName() + " gpt-4o-mini; ollama refused");
    }

    @Test
    void streamingThroughTheRouterPrintsChunkLinesThenTheResultWithItsRecord() throws Exception {
        projectWithFallback();
        cloud.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream").setChunkedBody(OPENAI_STREAM, 50));
        int code = run("--project", project.toString(), "--json", "ai", "chat", "Hello!", "--stream");
        assertThat(code).as(out.toString()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\\R")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(0, 3)).extracting(l -> l.at("/message/content").asText()).containsExactly("Hello",
                " there!", "");
        JsonNode result = lines.get(3);
        assertThat(result.get("type").asText()).isEqualTo("result");
        assertThat(result.at("/response/message/content").asText()).isEqualTo("Hello there!");
        assertThat(result.at("/routing/attempts/0/reason").asText()).isEqualTo("refused");
        assertThat(cloud.takeRequest().getBody().readUtf8()).contains("\"stream\":true");
    }

    @Test
    void aProvidersFileAddsFallbacksAndWhenAllFailTheErrorListsEachAttempt() throws Exception {
        Path toml = Files.writeString(project.resolve("llm.toml"), """
                [[provider]]
                id = "lan"
                url = "%s"
                model = "qwen2.5-7b-instruct"
                """.formatted(cloud.url("/v1")));
        cloud.enqueue(new MockResponse().setResponseCode(503).setBody(
                "{\"error\":{\"message\":\"The engine is currently overloaded, please try again later\",\"type\":\"server_error\",\"param\":null,\"code\":null}}"));
        int code = run("ai", "chat", "Hello!", "--url", "http://127.0.0.1:" + closedPort(), "--providers",
                toml.toString());
        assertThat(code).isEqualTo(4);
        assertThat(err.toString()).contains("every provider failed").contains("1. ollama (llama3.2): REFUSED [NETWORK]")
                .contains("2. lan (qwen2.5-7b-instruct): SERVER_ERROR [NETWORK]").contains("currently overloaded");
    }

    @Test
    void aHalfDeclaredFallbackIsAValidationError() throws Exception {
        Files.writeString(project.resolve(".p4n4.json"), "{}");
        Files.writeString(project.resolve(".env"), "P4N4_LLM_FALLBACK_URL=https://host/v1\n");
        int code = run("--project", project.toString(), "ai", "chat", "Hello!");
        assertThat(code).isEqualTo(5);
        assertThat(err.toString()).contains("P4N4_LLM_FALLBACK_MODEL is not");
    }
}
