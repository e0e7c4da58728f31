package io.p4n4.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The palette on a real Node-RED (4.x, from npm) against stand-in Ollama, Letta and InfluxDB answering as
 * their APIs document: Node-RED imports and starts the iot flows.json with the six subflows and the smoke
 * flow; each subflow turns its service's answer into {@code msg.payload}, an HTTP error into
 * {@code msg.error} with a null payload (nothing thrown), and leaves none of the HTTP node's fields on the
 * message; the smoke flow's inject reports a non-empty answer (spec T-0.2.2).
 */
class NodeRedPaletteOnNodeRedTest {
    private static StandInAiServices services;
    private static LocalNodeRed nodeRed;
    private static Path userDir;

    @BeforeAll
    static void start() throws Exception {
        userDir = Files.createTempDirectory("p4n4-node-red");
        services = new StandInAiServices();
        try {
            nodeRed = LocalNodeRed.start(userDir, PaletteHarness.flows(), Map.of("OLLAMA_URL", services.url(),
                    "LETTA_URL", services.url() + "/", "INFLUXDB_URL", services.url(), "INFLUXDB_ORG", "p4n4 site",
                    "INFLUXDB_TOKEN", StandInAiServices.INFLUX_TOKEN, "LETTA_SERVER_PASSWORD", "letta-secret"));
        } catch (org.opentest4j.TestAbortedException | AssertionError e) {
            services.close();
            throw e;
        }
    }

    @AfterAll
    static void stop() throws Exception {
        LocalNodeRed.stopAll(nodeRed, services, userDir);
    }

    private static JsonNode call(String subflow, String request) throws Exception {
        HttpResponse<String> r = nodeRed.post("/t/" + subflow, request);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = BundledContent.JSON.readTree(r.body());
        assertThat(answer.path("leaked")).as("HTTP fields left on msg").isEmpty();
        return answer;
    }

    @Test
    void nodeRedServesTheImportedSubflowsAndTheSmokeFlow() throws Exception {
        JsonNode flows = BundledContent.JSON.readTree(nodeRed.get("/flows").body());
        assertThat(flows.findValuesAsText("id")).containsAll(BundledContent.SUBFLOW_IDS)
                .contains("p4n4-smoke-inject", "p4n4-sensors-in");
    }

    @Test
    void ollamaGenerateReturnsTheResponseTextOfApiGenerate() throws Exception {
        JsonNode answer = call("ollama-generate", "{\"payload\":\"Why is the sky blue?\"}");
        assertThat(answer.path("payload").asText()).isEqualTo(StandInAiServices.GENERATED);
        assertThat(answer.path("error").isNull()).isTrue();
        JsonNode sent = services.last("/api/generate").json();
        assertThat(sent.path("prompt").asText()).isEqualTo("Why is the sky blue?");
        assertThat(sent.path("model").asText()).isEqualTo("llama3.2");
        assertThat(sent.path("stream").asBoolean(true)).isFalse();
    }

    @Test
    void anHttpErrorSetsMsgErrorAndANullPayload() throws Exception {
        JsonNode answer = call("ollama-generate", "{\"payload\":\"hi\",\"model\":\"missing\"}");
        assertThat(answer.path("payload").isNull()).isTrue();
        assertThat(answer.path("error").path("status").asInt()).isEqualTo(404);
        assertThat(answer.path("error").path("message").asText()).startsWith("ollama-generate: ")
                .contains("answered HTTP 404").contains("not found, try pulling it first");
    }

    @Test
    void aMissingInputIsAnErrorWithoutACall() throws Exception {
        int before = services.requests().size();
        JsonNode answer = call("letta-send-event", "{\"payload\":\"pump-3 vibrates\"}");
        assertThat(answer.path("payload").isNull()).isTrue();
        assertThat(answer.path("error").path("message").asText()).contains("needs msg.agent_id");
        assertThat(services.requests()).hasSize(before);
    }

    @Test
    void ollamaChatReturnsTheReplyOfApiChat() throws Exception {
        JsonNode answer = call("ollama-chat", "{\"messages\":[{\"role\":\"user\",\"content\":\"How is it?\"}]}");
        assertThat(answer.path("payload").asText()).isEqualTo("Hello! The greenhouse looks fine.");
        assertThat(services.last("/api/chat").json().path("messages").path(0).path("content").asText())
                .isEqualTo("How is it?");
    }

    @Test
    void ollamaEmbeddingsReturnsOneVectorForAStringAndOnePerStringForAnArray() throws Exception {
        assertThat(call("ollama-embeddings", "{\"payload\":\"soil is dry\"}").path("payload").toString())
                .isEqualTo("[0.010071029,-0.0017594862,0.05007221]");
        assertThat(services.last("/api/embed").json().path("model").asText()).isEqualTo("nomic-embed-text");
        assertThat(call("ollama-embeddings", "{\"payload\":[\"a\",\"b\"]}").path("payload")).hasSize(2);
    }

    @Test
    void lettaSendEventPostsTheEventAsAUserMessageWithThePassword() throws Exception {
        JsonNode answer = call("letta-send-event", "{\"agent_id\":\"" + StandInAiServices.AGENT
                + "\",\"payload\":{\"device\":\"pump-3\",\"rms\":4.2}}");
        assertThat(answer.path("payload").path("messages").path(1).path("content").asText()).contains("pump-3");
        StandInAiServices.Request sent = services.last("/v1/agents/" + StandInAiServices.AGENT + "/messages");
        assertThat(sent.authorization()).isEqualTo("Bearer letta-secret");
        assertThat(sent.json().path("messages").path(0).path("role").asText()).isEqualTo("user");
        assertThat(sent.json().path("messages").path(0).path("content").asText())
                .isEqualTo("{\"device\":\"pump-3\",\"rms\":4.2}");
    }

    @Test
    void lettaGetMemoryReturnsTheCoreMemoryBlocks() throws Exception {
        JsonNode answer = call("letta-get-memory", "{\"agent_id\":\"" + StandInAiServices.AGENT + "\"}");
        assertThat(answer.path("payload").path("blocks").findValuesAsText("label")).containsExactly("persona", "human");
        assertThat(call("letta-get-memory", "{\"agent_id\":\"agent-unknown\"}").path("error").path("status").asInt())
                .isEqualTo(404);
    }

    @Test
    void influxFluxQueryTurnsTheCsvAnswerIntoRows() throws Exception {
        String flux = "from(bucket: \"raw_telemetry\") |> range(start: -1h) |> last()";
        JsonNode rows = call("influx-flux-query", BundledContent.JSON.createObjectNode().put("payload", flux)
                .toString()).path("payload");
        assertThat(rows).hasSize(2);
        assertThat(rows.path(0).path("_value").asDouble()).isEqualTo(21.5);
        assertThat(rows.path(0).path("device").asText()).isEqualTo("gh,1");
        assertThat(rows.path(1).path("_measurement").asText()).isEqualTo("humidity");
        StandInAiServices.Request sent = services.last("/api/v2/query");
        assertThat(sent.pathAndQuery()).isEqualTo("/api/v2/query?org=p4n4%20site");
        assertThat(sent.contentType()).isEqualTo("application/vnd.flux");
        assertThat(sent.body()).isEqualTo(flux);
    }

    @Test
    void theSmokeFlowReportsANonEmptyAnswer() throws Exception {
        assertThat(nodeRed.post("/inject/p4n4-smoke-inject", "{}").statusCode()).isEqualTo(200);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!nodeRed.log().contains("ai-integration-smoke: ") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(nodeRed.log()).contains("ai-integration-smoke: OK: " + StandInAiServices.GENERATED);
    }

    @Test
    void noSubflowLoggedAnErrorOrThrew() throws Exception {
        call("ollama-generate", "{\"payload\":\"hi\",\"model\":\"missing\"}");
        assertThat(nodeRed.errors()).isEmpty();
    }
}
