package io.p4n4.clients.internal.letta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.ServiceException;
import io.p4n4.api.clients.Cancellation;
import io.p4n4.api.clients.letta.CreateAgentRequest;
import io.p4n4.api.clients.letta.LettaClient;
import io.p4n4.api.clients.letta.LettaMessage;
import io.p4n4.api.clients.letta.LettaResponse;
import io.p4n4.clients.ProjectEndpointConfig;
import io.p4n4.clients.ClientFactory;
import io.p4n4.clients.internal.http.Json;
import io.p4n4.clients.testing.LeakCheckedServer;
import io.p4n4.clients.testing.LettaPayloads;
import io.p4n4.clients.testing.LettaSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Payloads follow Letta's REST API reference (agents, messages, core memory, archival memory). */
@Timeout(20)
class LettaClientTest {
    private static final String PASSWORD = "c0ffee-letta-pass";
    static final String AGENT = LettaPayloads.AGENT;
    static final String RESPONSE = """
            {"messages":[{"id":"message-1","date":"2025-01-15T10:01:00Z","message_type":"reasoning_message","reasoning":"The user greets me."},{"id":"message-2","date":"2025-01-15T10:01:01Z","message_type":"assistant_message","content":"All 12 sensors are online."}],"usage":{"message_type":"usage_statistics","completion_tokens":42,"prompt_tokens":2100,"total_tokens":2142,"step_count":1},"stop_reason":{"message_type":"stop_reason","stop_reason":"end_turn"}}""";
    static final String STREAM = "data: {\"id\":\"message-1\",\"date\":\"2025-01-15T10:01:00Z\",\"message_type\":\"reasoning_message\",\"reasoning\":\"Checking.\"}\n\n"
            + ": keep-alive\n\n"
            + "data: {\"id\":\"message-2\",\"date\":\"2025-01-15T10:01:01Z\",\"message_type\":\"assistant_message\",\"content\":\"All \"}\n\n"
            + "data: {\"id\":\"message-2\",\"date\":\"2025-01-15T10:01:01Z\",\"message_type\":\"assistant_message\",\"content\":\"online.\"}\n\n"
            + "data: {\"message_type\":\"stop_reason\",\"stop_reason\":\"end_turn\"}\n\n"
            + "data: {\"message_type\":\"usage_statistics\",\"completion_tokens\":7,\"prompt_tokens\":900,\"total_tokens\":907,\"step_count\":1}\n\n"
            + "data: [DONE]\n\n";

    private final LeakCheckedServer mock = new LeakCheckedServer();
    private final ClientFactory clients = ClientFactory.of(ProjectEndpointConfig.of(Map.of(
            "P4N4_LETTA_URL", mock.url(), "LETTA_SERVER_PASSWORD", PASSWORD)));

    @AfterEach
    void close() {
        try {
            assertThat(clients.connectionCount()).as("connections in use").isEqualTo(clients.idleConnectionCount());
        } finally {
            clients.close();
            mock.close();
        }
    }

    private LettaClient client() {
        return clients.letta().readTimeout(Duration.ofSeconds(2)).build();
    }

    private static JsonNode body(RecordedRequest r) throws Exception {
        return Json.MAPPER.readTree(r.getBody().readUtf8());
    }

    @Test
    void sendsTheServerPasswordBothWaysLettaAccepts() throws Exception {
        mock.server.enqueue(new MockResponse().setBody("{\"version\":\"0.6.7\",\"status\":\"ok\"}"));
        var health = client().health();
        assertThat(health.status()).isEqualTo("ok");
        assertThat(health.version()).isEqualTo("0.6.7");
        RecordedRequest r = mock.server.takeRequest();
        assertThat(r.getPath()).isEqualTo("/v1/health/");
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + PASSWORD);
        assertThat(r.getHeader("X-BARE-PASSWORD")).isEqualTo("password " + PASSWORD);
    }

    @Test
    void wrongPasswordIsUserErrorThatNeverShowsThePassword() {
        mock.server.enqueue(new MockResponse().setResponseCode(401)
                .setBody("{\"detail\":\"Invalid password " + PASSWORD + "\"}"));
        assertThatThrownBy(() -> client().agents()).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.USER);
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.service()).isEqualTo("letta");
            assertThat(e.getMessage()).doesNotContain(PASSWORD);
            assertThat(e.toString()).doesNotContain(PASSWORD);
            assertThat(e.serverMessage().orElseThrow()).doesNotContain(PASSWORD);
        });
        assertThat(clients.letta().toString()).doesNotContain(PASSWORD);
        assertThat(clients.endpoints().toString()).doesNotContain(PASSWORD);
    }

    @Test
    void theAgentPayloadIsAnAgentStateOfLettasSchema() throws Exception {
        LettaSchema.assertConforms("AgentState", Json.MAPPER.readTree(AGENT));
        assertThat(LettaSchema.stopReasons()).contains("end_turn");
    }

    @Test
    void createAgentSendsLettasCreateAgentRequest() throws Exception {
        mock.server.enqueue(new MockResponse().setBody(AGENT));
        var agent = client().createAgent(CreateAgentRequest.builder("site-monitor", "ollama/llama3.2:latest")
                .embedding("ollama/nomic-embed-text:latest").contextWindowLimit(8192)
                .description("Receives all sensor events; tracks device uptime")
                .memoryBlock("persona", "I watch sensors.", 5000).memoryBlock("human", "The operator is Ana.", 0)
                .tag("p4n4").build());
        assertThat(agent.id()).startsWith("agent-");
        assertThat(agent.name()).isEqualTo("site-monitor");
        assertThat(agent.model()).as("the handle names provider and model").isEqualTo("ollama/llama3.2:latest");
        assertThat(agent.embedding()).isEqualTo("ollama/nomic-embed-text:latest");
        assertThat(agent.contextWindow()).isEqualTo(8192);
        assertThat(agent.lastStopReason()).isEqualTo("end_turn");
        assertThat(agent.findBlock("human").orElseThrow().value()).isEqualTo("The operator is Ana.");
        RecordedRequest r = mock.server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getPath()).isEqualTo("/v1/agents/");
        JsonNode b = body(r);
        LettaSchema.assertConforms("CreateAgentRequest", b);
        assertThat(b.get("name").asText()).isEqualTo("site-monitor");
        assertThat(b.get("model").asText()).isEqualTo("ollama/llama3.2:latest");
        assertThat(b.get("embedding").asText()).isEqualTo("ollama/nomic-embed-text:latest");
        assertThat(b.get("context_window_limit").asInt()).isEqualTo(8192);
        assertThat(b.get("description").asText()).isEqualTo("Receives all sensor events; tracks device uptime");
        assertThat(b.has("system")).as("Letta's default system prompt is kept").isFalse();
        assertThat(b.get("memory_blocks").get(0).get("label").asText()).isEqualTo("persona");
        assertThat(b.get("memory_blocks").get(0).get("limit").asInt()).isEqualTo(5000);
        assertThat(b.get("memory_blocks").get(1).get("value").asText()).isEqualTo("The operator is Ana.");
        assertThat(b.get("memory_blocks").get(1).has("limit")).as("0 leaves the server's default").isFalse();
        assertThat(b.get("tags").get(0).asText()).isEqualTo("p4n4");
    }

    @Test
    void anOlderAgentStateWithoutHandlesReportsTheConfigsModels() {
        var agent = LettaJson.agent(Json.MAPPER.createObjectNode().put("id", "agent-1").put("name", "old")
                .set("llm_config", Json.object().put("model", "llama3.2:latest").put("model_endpoint_type", "ollama")
                        .put("context_window", 4096)));
        assertThat(agent.model()).isEqualTo("llama3.2:latest");
        assertThat(agent.embedding()).isNull();
        assertThat(agent.blocks()).isEmpty();
        assertThat(agent.lastStopReason()).as("never ran").isNull();
    }

    @Test
    void invalidAgentIsValidationErrorWithFastApiDetail() {
        mock.server.enqueue(new MockResponse().setResponseCode(422).setBody(
                "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"name\"],\"msg\":\"Field required\",\"input\":{}}]}"));
        assertThatThrownBy(() -> client().createAgent(CreateAgentRequest.builder("x", "ollama/m").build()))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.serverMessage().orElseThrow()).contains("Field required");
                });
    }

    @Test
    void listGetFindAndDeleteAgents() throws Exception {
        mock.server.enqueue(new MockResponse().setBody("[" + AGENT + "]"));
        mock.server.enqueue(new MockResponse().setBody(AGENT));
        mock.server.enqueue(new MockResponse().setResponseCode(404).setBody("{\"detail\":\"Agent agent-x not found\"}"));
        mock.server.enqueue(new MockResponse().setBody(LettaPayloads.DELETED));
        LettaClient c = client();
        assertThat(c.agents()).extracting(a -> a.name()).containsExactly("site-monitor");
        assertThat(c.agent("agent-9c1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b").agentType()).isEqualTo("memgpt_v2_agent");
        assertThat(c.findAgent("agent-x")).isEmpty();
        c.deleteAgent("agent-9c1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b");
        assertThat(mock.server.takeRequest().getPath()).isEqualTo("/v1/agents/?limit=100&order=asc");
        assertThat(mock.server.takeRequest().getPath()).isEqualTo("/v1/agents/agent-9c1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b");
        assertThat(mock.server.takeRequest().getPath()).isEqualTo("/v1/agents/agent-x");
        RecordedRequest del = mock.server.takeRequest();
        assertThat(del.getMethod()).isEqualTo("DELETE");
        assertThat(del.getPath()).isEqualTo("/v1/agents/agent-9c1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b");
    }

    @Test
    void listingFollowsTheAfterCursorUntilAShortPage() throws Exception {
        StringBuilder full = new StringBuilder("[");
        for (int i = 0; i < HttpLettaClient.PAGE; i++) {
            full.append(i == 0 ? "" : ",").append(AGENT.replace("agent-9c1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b",
                    "agent-" + i).replace("\"site-monitor\"", "\"a" + i + "\""));
        }
        mock.server.enqueue(new MockResponse().setBody(full.append("]").toString()));
        mock.server.enqueue(new MockResponse().setBody("[" + AGENT + "]"));
        var agents = client().agents();
        assertThat(agents).hasSize(HttpLettaClient.PAGE + 1);
        assertThat(agents.get(HttpLettaClient.PAGE).name()).isEqualTo("site-monitor");
        assertThat(mock.server.takeRequest().getRequestUrl().queryParameter("after")).isNull();
        RecordedRequest second = mock.server.takeRequest();
        assertThat(second.getRequestUrl().queryParameter("after")).isEqualTo("agent-" + (HttpLettaClient.PAGE - 1));
        assertThat(second.getRequestUrl().queryParameter("order")).isEqualTo("asc");
        assertThat(LettaSchema.listAgentsQuery()).containsAll(second.getRequestUrl().queryParameterNames());
    }

    @Test
    void aServerThatIgnoresTheCursorIsAnErrorNotAnEndlessListing() {
        StringBuilder full = new StringBuilder("[");
        for (int i = 0; i < HttpLettaClient.PAGE; i++) {
            full.append(i == 0 ? "" : ",").append(AGENT.replace("agent-9c1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b",
                    "agent-" + i));
        }
        String page = full.append("]").toString();
        mock.server.enqueue(new MockResponse().setBody(page));
        mock.server.enqueue(new MockResponse().setBody(page));
        assertThatThrownBy(() -> client().agents()).isInstanceOfSatisfying(P4n4Exception.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
            assertThat(e.getMessage()).contains("after=agent-" + (HttpLettaClient.PAGE - 1));
        });
    }

    @Test
    void agentsNamedAsksForTheNameWithTheBlocks() throws Exception {
        mock.server.enqueue(new MockResponse().setBody("[" + AGENT + "]"));
        mock.server.enqueue(new MockResponse().setBody("[]"));
        assertThat(client().agentsNamed("site-monitor")).extracting(a -> a.findBlock("persona").orElseThrow().value())
                .containsExactly("I watch sensors.");
        assertThat(client().agentsNamed("nobody here")).isEmpty();
        RecordedRequest r = mock.server.takeRequest();
        assertThat(r.getRequestUrl().queryParameter("name")).isEqualTo("site-monitor");
        assertThat(r.getRequestUrl().queryParameter("include")).isEqualTo("agent.blocks");
        assertThat(LettaSchema.listAgentsQuery()).containsAll(r.getRequestUrl().queryParameterNames());
        assertThat(LettaSchema.listAgentsInclude()).contains("agent.blocks");
        assertThat(mock.server.takeRequest().getRequestUrl().queryParameter("name")).isEqualTo("nobody here");
    }

    @Test
    void sendMessageReturnsTheAnswerParts() throws Exception {
        mock.server.enqueue(new MockResponse().setBody(RESPONSE));
        LettaResponse r = client().send("agent-1", "Status?");
        assertThat(r.messages()).extracting(LettaMessage::messageType).containsExactly("reasoning_message",
                "assistant_message");
        assertThat(r.assistantText()).isEqualTo("All 12 sensors are online.");
        assertThat(r.messages().get(0).text()).isEqualTo("The user greets me.");
        assertThat(r.promptTokens()).isEqualTo(2100);
        assertThat(r.stepCount()).isEqualTo(1);
        RecordedRequest req = mock.server.takeRequest();
        assertThat(req.getPath()).isEqualTo("/v1/agents/agent-1/messages");
        JsonNode b = body(req);
        assertThat(b.get("messages").get(0).get("role").asText()).isEqualTo("user");
        assertThat(b.get("messages").get(0).get("content").asText()).isEqualTo("Status?");
    }

    @Test
    void streamingMessageDeliversEventsAndUsage() throws Exception {
        mock.server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream").setChunkedBody(STREAM, 33));
        List<LettaMessage> seen = new ArrayList<>();
        LettaResponse r = client().send("agent-1", "Status?", seen::add, Cancellation.create());
        assertThat(seen).extracting(LettaMessage::text).containsExactly("Checking.", "All ", "online.");
        assertThat(r.assistantText()).isEqualTo("All online."); // the two chunks of message-2 joined
        assertThat(r.completionTokens()).isEqualTo(7);
        RecordedRequest req = mock.server.takeRequest();
        assertThat(req.getPath()).isEqualTo("/v1/agents/agent-1/messages/stream");
        assertThat(req.getHeader("Accept")).isEqualTo("text/event-stream");
        assertThat(body(req).get("stream_tokens").asBoolean()).isTrue();
    }

    @Test
    void streamingAsJavaStreamStopsAtDone() {
        mock.server.enqueue(new MockResponse().setChunkedBody(STREAM, 64));
        try (Stream<LettaMessage> s = client().sendStream("agent-1", "Status?")) {
            assertThat(s.filter(LettaMessage::isAssistant).map(LettaMessage::text).collect(Collectors.joining()))
                    .isEqualTo("All online.");
        }
    }

    @Test
    void cancellingAStreamingMessageClosesTheConnection() {
        mock.server.enqueue(new MockResponse().setChunkedBody(STREAM, 200).throttleBody(200, 3, TimeUnit.SECONDS));
        Cancellation cancel = Cancellation.create();
        List<LettaMessage> seen = new ArrayList<>();
        assertThatThrownBy(() -> client().send("agent-1", "Status?", m -> {
            seen.add(m);
            cancel.cancel();
        }, cancel)).isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(seen).hasSize(1);
    }

    @Test
    void malformedEventIsNetworkError() {
        mock.server.enqueue(new MockResponse().setChunkedBody("data: {\"message_type\":\n\n", 64));
        assertThatThrownBy(() -> client().send("agent-1", "x", m -> { }, Cancellation.create()))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NETWORK));
    }

    @Test
    void readsCoreMemoryAndArchivalMemory() throws Exception {
        mock.server.enqueue(new MockResponse().setBody("""
                {"blocks":[{"id":"block-1","label":"persona","value":"I watch sensors.","limit":5000},{"id":"block-2","label":"human","value":"Ana","limit":5000}],"prompt_template":"{% for block in blocks %}..."}"""));
        mock.server.enqueue(new MockResponse().setBody("""
                [{"id":"passage-1","text":"temp sensor 4 drifted on 2025-01-10","created_at":"2025-01-15T10:02:00Z","agent_id":"agent-1","embedding":null}]"""));
        mock.server.enqueue(new MockResponse().setBody("""
                [{"id":"passage-1","text":"temp sensor 4 drifted on 2025-01-10","created_at":"2025-01-15T10:02:00Z"},{"id":"passage-0","text":"older","created_at":"2025-01-14T10:02:00Z"}]"""));
        LettaClient c = client();
        assertThat(c.memory("agent-1")).extracting(b -> b.label() + "=" + b.value()).containsExactly(
                "persona=I watch sensors.", "human=Ana");
        assertThat(c.insertArchival("agent-1", "temp sensor 4 drifted on 2025-01-10"))
                .extracting(p -> p.id()).containsExactly("passage-1");
        assertThat(c.archival("agent-1", 10)).hasSize(2);
        assertThat(mock.server.takeRequest().getPath()).isEqualTo("/v1/agents/agent-1/core-memory");
        RecordedRequest insert = mock.server.takeRequest();
        assertThat(insert.getMethod()).isEqualTo("POST");
        assertThat(insert.getPath()).isEqualTo("/v1/agents/agent-1/archival-memory");
        assertThat(body(insert).get("text").asText()).isEqualTo("temp sensor 4 drifted on 2025-01-10");
        assertThat(mock.server.takeRequest().getPath()).isEqualTo("/v1/agents/agent-1/archival-memory?limit=10");
    }

    @Test
    void agentIdsAreEncodedAsOnePathSegment() throws Exception {
        mock.server.enqueue(new MockResponse().setResponseCode(404).setBody("{\"detail\":\"not found\"}"));
        assertThat(client().findAgent("a/../b?c")).isEmpty();
        assertThat(mock.server.takeRequest().getPath()).isEqualTo("/v1/agents/a%2F..%2Fb%3Fc");
    }
}
