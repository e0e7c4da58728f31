package io.p4n4.cli.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import io.p4n4.cli.MockServiceCliTest;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AiCommandTest extends MockServiceCliTest {
    @TempDir
    Path project;

    @Test
    void modelsPrintsATableFromTheUrlGiven() throws Exception {
        server.enqueue(new MockResponse().setBody("""
                {"models":[{"name":"llama3.2:latest","model":"llama3.2:latest","modified_at":"2025-05-04T17:37:44-07:00","size":2019393189,"digest":"a80c","details":{"parent_model":"","format":"gguf","family":"llama","families":["llama"],"parameter_size":"3.2B","quantization_level":"Q4_K_M"}}]}"""));
        int code = run("ai", "models", "--url", server.url("/").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("NAME").contains("llama3.2:latest").contains("2.0 GB").contains("3.2B")
                .contains("Q4_K_M");
        assertThat(server.takeRequest().getPath()).isEqualTo("/api/tags");
    }

    @Test
    void generateUsesTheProjectsEnvAndTheModelOption() throws Exception {
        Files.writeString(project.resolve(".p4n4.json"), "{}"); // a project: its root .env is read
        Files.writeString(project.resolve(".env"), "P4N4_OLLAMA_URL=" + server.url("/") + "\n");
        server.enqueue(new MockResponse().setBody("""
                {"model":"mistral:7b","created_at":"2023-08-04T19:22:45.499127Z","response":"Because of Rayleigh scattering.","done":true,"done_reason":"stop","context":[1],"total_duration":5043500667,"load_duration":5025959,"prompt_eval_count":26,"prompt_eval_duration":325953000,"eval_count":290,"eval_duration":4709213000}"""));
        int code = run("--project", project.toString(), "ai", "generate", "Why is the sky blue?", "--model", "mistral:7b");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("Because of Rayleigh scattering." + System.lineSeparator());
        RecordedRequest r = server.takeRequest();
        assertThat(r.getBody().readUtf8()).contains("\"model\":\"mistral:7b\"").contains("\"stream\":false");
    }

    @Test
    void generateStreamPrintsTokensAsTheyCome() throws Exception {
        server.enqueue(new MockResponse().setChunkedBody("""
                {"model":"llama3.2","created_at":"2023-08-04T08:52:19Z","response":"Ray","done":false}
                {"model":"llama3.2","created_at":"2023-08-04T08:52:19Z","response":"leigh","done":false}
                {"model":"llama3.2","created_at":"2023-08-04T08:52:19Z","response":"","done":true,"done_reason":"stop","total_duration":1,"eval_count":2,"eval_duration":1}
                """, 40));
        int code = run("ai", "generate", "why?", "--stream", "--url", server.url("/").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("Rayleigh" + System.lineSeparator());
        assertThat(server.takeRequest().getBody().readUtf8()).contains("\"model\":\"llama3.2\"").contains("\"stream\":true");
    }

    @Test
    void unreachableOllamaExitsWithNetworkCode() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int code = run("ai", "models", "--url", "http://127.0.0.1:" + port);
        assertThat(code).isEqualTo(4);
        assertThat(err.toString()).contains("ollama GET http://127.0.0.1:" + port + "/api/tags")
                .contains("connection refused");
    }

    @Test
    void unknownModelExitsWithUserCode() {
        server.enqueue(new MockResponse().setResponseCode(404).setBody("{\"error\":\"model \\\"nope\\\" not found, try pulling it first\"}"));
        int code = run("ai", "generate", "hi", "-m", "nope", "--url", server.url("/").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("try pulling it first");
    }

    @Test
    void modelsAndGenerateWithJsonPrintDocuments() throws Exception {
        server.enqueue(new MockResponse().setBody("""
                {"models":[{"name":"llama3.2:latest","model":"llama3.2:latest","modified_at":"2025-05-04T17:37:44-07:00","size":2019393189,"digest":"a80c","details":{"parent_model":"","format":"gguf","family":"llama","families":["llama"],"parameter_size":"3.2B","quantization_level":"Q4_K_M"}}]}"""));
        server.enqueue(new MockResponse().setBody("""
                {"model":"llama3.2","created_at":"2023-08-04T19:22:45Z","response":"Rayleigh ✓","done":true,"done_reason":"stop"}"""));

        assertThat(run("--json", "ai", "models", "--url", server.url("/").toString())).as(err.toString()).isZero();
        JsonNode models = new ObjectMapper().readTree(out.toString());
        assertThat(models.get(0).get("name").asText()).isEqualTo("llama3.2:latest");
        assertThat(models.get(0).get("size").asLong()).isEqualTo(2019393189L);

        out.getBuffer().setLength(0);
        assertThat(run("--json", "ai", "generate", "why?", "--url", server.url("/").toString())).as(err.toString())
                .isZero();
        JsonNode answer = new ObjectMapper().readTree(out.toString());
        assertThat(answer.get("response").asText()).isEqualTo("Rayleigh ✓");
        assertThat(answer.get("done").asBoolean()).isTrue();
    }

    @Test
    void generateStreamWithJsonPrintsOneLinePerChunk() throws Exception {
        server.enqueue(new MockResponse().setChunkedBody("""
                {"model":"llama3.2","created_at":"2023-08-04T08:52:19Z","response":"Ray","done":false}
                {"model":"llama3.2","created_at":"2023-08-04T08:52:19Z","response":"leigh","done":false}
                {"model":"llama3.2","created_at":"2023-08-04T08:52:19Z","response":"","done":true,"done_reason":"stop","total_duration":1,"eval_count":2,"eval_duration":1}
                """, 40));
        int code = run("--json", "ai", "generate", "why?", "--stream", "--url", server.url("/").toString());
        assertThat(code).as(err.toString()).isZero();
        List<JsonNode> chunks = new ArrayList<>();
        for (String line : out.toString().split("\\R")) {
            chunks.add(new ObjectMapper().readTree(line));
        }
        assertThat(chunks).extracting(c -> c.get("response").asText()).containsExactly("Ray", "leigh", "");
        assertThat(chunks).extracting(c -> c.get("done").asBoolean()).containsExactly(false, false, true);
    }
}
