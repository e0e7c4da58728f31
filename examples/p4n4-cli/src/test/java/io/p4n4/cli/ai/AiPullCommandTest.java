package io.p4n4.cli.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.cli.MockServiceCliTest;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * {@code p4n4 ai pull MODEL} against a stand-in serving Ollama's {@code POST /api/pull} stream as its API
 * documentation shows it (docs/api.md, "Pull a Model"), and the empty {@code ai models} hint that names it.
 */
class AiPullCommandTest extends MockServiceCliTest {
    static final String PULL_STREAM = """
            {"status":"pulling manifest"}
            {"status":"pulling 970aa74c0a90","digest":"sha256:970aa74c0a90","total":2142590208,"completed":241970}
            {"status":"pulling 970aa74c0a90","digest":"sha256:970aa74c0a90","total":2142590208,"completed":1071295104}
            {"status":"pulling 970aa74c0a90","digest":"sha256:970aa74c0a90","total":2142590208,"completed":2142590208}
            {"status":"verifying sha256 digest"}
            {"status":"writing manifest"}
            {"status":"removing any unused layers"}
            {"status":"success"}
            """;

    @Test
    void pullShowsEachPhaseAndSaysWhatToDoNext() throws Exception {
        server.enqueue(new MockResponse().setChunkedBody(PULL_STREAM, 64));
        int code = run("ai", "pull", "llama3.2", "--url", server.url("/").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("pull llama3.2: pulling manifest")
                .contains("pull llama3.2 layer sha256:970aa74c0a90: pulling 970aa74c0a90 (2.1 GB)")
                .contains("pull llama3.2: verifying sha256 digest")
                .contains("pull llama3.2: success")
                .contains("Pulled llama3.2. Try: p4n4 ai generate --model llama3.2");
        assertThat(out.toString().lines().filter(l -> l.contains("pulling 970aa74c0a90")))
                .as("one line per phase, not one per byte count").hasSize(1);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getPath()).isEqualTo("/api/pull");
        assertThat(request.getBody().readUtf8()).contains("\"model\":\"llama3.2\"").contains("\"stream\":true");
    }

    @Test
    void pullWithJsonPrintsPullEventsThenAResult() throws Exception {
        server.enqueue(new MockResponse().setChunkedBody(PULL_STREAM, 64));
        int code = run("--json", "ai", "pull", "qwen2.5:0.5b", "--url", server.url("/").toString());
        assertThat(code).as(err.toString()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\\R")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        JsonNode layer = lines.stream().filter(l -> l.path("layer").asText().equals("sha256:970aa74c0a90"))
                .findFirst().orElseThrow();
        assertThat(layer.get("type").asText()).isEqualTo("pull");
        assertThat(layer.get("image").asText()).isEqualTo("qwen2.5:0.5b");
        assertThat(layer.get("total").asLong()).isEqualTo(2142590208L);
        assertThat(lines).extracting(l -> l.path("status").asText()).contains("pulling manifest", "success");
        JsonNode result = lines.get(lines.size() - 1);
        assertThat(result.get("type").asText()).isEqualTo("result");
        assertThat(result.get("model").asText()).isEqualTo("qwen2.5:0.5b");
        assertThat(result.get("status").asText()).isEqualTo("success");
    }

    @Test
    void aFailureInsideTheStreamIsReportedAndNothingClaimsSuccess() {
        server.enqueue(new MockResponse().setChunkedBody("""
                {"status":"pulling manifest"}
                {"error":"pull model manifest: file does not exist"}
                """, 64));
        int code = run("ai", "pull", "no-such-model", "--url", server.url("/").toString());
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("pull model manifest: file does not exist");
        assertThat(out.toString()).doesNotContain("Pulled");
    }

    @Test
    void anEmptyOllamaPointsAtAiPull() {
        server.enqueue(new MockResponse().setBody("{\"models\":[]}"));
        String url = server.url("/").toString();
        int code = run("ai", "models", "--url", url);
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("No models yet. Pull one: p4n4 ai pull llama3.2 --url " + url)
                .doesNotContain("docker exec");
    }
}
