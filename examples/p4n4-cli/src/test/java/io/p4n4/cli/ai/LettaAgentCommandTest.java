package io.p4n4.cli.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.p4n4.api.clients.letta.LettaPersona;
import io.p4n4.cli.CliRun;
import io.p4n4.clients.LettaPersonas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code p4n4 ai agent list|init|delete|chat} on a project made by {@code p4n4 init} (its shipped persona files),
 * against a server answering as Letta's API documents: {@code AgentState} with the required fields of
 * {@code fern/openapi.json} (letta-ai/letta at 56ba9c2; the same shape the client's tests check field by field
 * against that document), {@code DELETE} as {@code delete_agent} in {@code routers/v1/agents.py} answers, and
 * the token stream of Letta's streaming guide ({@code fern/pages/agents/streaming.mdx}).
 */
@Timeout(30)
class LettaAgentCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "agent-9c1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    private static final String STREAM = "data: {\"id\":\"message-1\",\"date\":\"2026-11-30T10:01:00Z\",\"message_type\":\"reasoning_message\",\"reasoning\":\"Checking the devices.\"}\n\n"
            + "data: {\"id\":\"message-2\",\"date\":\"2026-11-30T10:01:01Z\",\"message_type\":\"assistant_message\",\"content\":\"All 12 sensors \"}\n\n"
            + "data: {\"id\":\"message-2\",\"date\":\"2026-11-30T10:01:01Z\",\"message_type\":\"assistant_message\",\"content\":\"are online.\"}\n\n"
            + "data: {\"message_type\":\"stop_reason\",\"stop_reason\":\"end_turn\"}\n\n"
            + "data: {\"message_type\":\"usage_statistics\",\"completion_tokens\":7,\"prompt_tokens\":900,\"total_tokens\":907,\"step_count\":1}\n\n"
            + "data: [DONE]\n\n";

    private final MockWebServer letta = new MockWebServer();
    @TempDir
    Path tmp;
    private Path project;
    private String password;

    @BeforeEach
    void projectWithTheAiStack() throws Exception {
        letta.start();
        project = tmp.resolve("site");
        CliRun init = CliRun.of("init", project.toString(), "--stacks", "ai");
        assertThat(init.code()).as(init.err()).isZero();
        Path env = project.resolve(".env");
        password = Files.readAllLines(env).stream().filter(l -> l.startsWith("LETTA_SERVER_PASSWORD="))
                .findFirst().orElseThrow().substring("LETTA_SERVER_PASSWORD=".length());
        Files.writeString(env, Files.readString(env) + "P4N4_LETTA_URL=" + letta.url("/") + "\n");
    }

    @AfterEach
    void stop() throws Exception {
        letta.shutdown();
    }

    private CliRun p4n4(String... args) {
        List<String> all = new ArrayList<>(List.of("--project", project.toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private Path personaFile(String name) {
        return project.resolve("stacks/ai/letta/agents/" + name + ".toml");
    }

    /** The AgentState Letta answers for an agent created from the shipped persona file {@code name}. */
    private ObjectNode agentState(String name) {
        LettaPersona p = LettaPersonas.read(personaFile(name));
        ObjectNode a = JSON.createObjectNode().put("id", ID).put("name", name)
                .put("system", "You are Letta, the latest version of Limnal Corporation's digital companion.")
                .put("agent_type", "memgpt_v2_agent").put("created_at", "2026-11-30T10:00:00Z")
                .put("description", p.description()).put("model", p.modelHandle()).put("embedding", p.embeddingHandle());
        a.putObject("llm_config").put("model", p.model()).put("model_endpoint_type", "openai")
                .put("model_endpoint", "http://ollama:11434/v1").put("provider_name", "ollama")
                .put("context_window", p.contextWindow()).put("handle", p.modelHandle());
        a.putObject("embedding_config").put("embedding_endpoint_type", "openai")
                .put("embedding_endpoint", "http://ollama:11434/v1").put("embedding_model", p.embeddingModel())
                .put("embedding_dim", 768).put("handle", p.embeddingHandle());
        ArrayNode blocks = a.putArray("blocks");
        blocks.addObject().put("id", "block-1").put("label", "persona").put("value", p.systemPrompt())
                .put("limit", p.blockLimit());
        blocks.addObject().put("id", "block-2").put("label", "human").put("value", p.human()).put("limit", p.blockLimit());
        a.putObject("memory").put("agent_type", "memgpt_v2_agent").set("blocks", blocks.deepCopy());
        a.putArray("tools");
        a.putArray("sources");
        a.putArray("tags");
        a.putNull("last_stop_reason");
        a.putNull("last_run_completion");
        return a;
    }

    private void answer(Object json) {
        letta.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(json.toString()));
    }

    private RecordedRequest next() throws InterruptedException {
        return letta.takeRequest(1, TimeUnit.SECONDS);
    }

    @Test
    void initCreatesTheShippedPersonaThroughLettasRestApi() throws Exception {
        answer("[]");
        answer(agentState("site-monitor"));
        CliRun r = p4n4("ai", "agent", "init", "site-monitor");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("Created agent site-monitor (" + ID + ") on ollama/llama3.2:latest."
                + System.lineSeparator());
        RecordedRequest lookup = next();
        assertThat(lookup.getRequestUrl().queryParameter("name")).isEqualTo("site-monitor");
        assertThat(lookup.getHeader("Authorization")).isEqualTo("Bearer " + password);
        RecordedRequest create = next();
        assertThat(create.getMethod()).isEqualTo("POST");
        assertThat(create.getPath()).isEqualTo("/v1/agents/");
        JsonNode body = JSON.readTree(create.getBody().readUtf8());
        assertThat(body.get("name").asText()).isEqualTo("site-monitor");
        assertThat(body.get("model").asText()).isEqualTo("ollama/llama3.2:latest");
        assertThat(body.get("embedding").asText()).isEqualTo("ollama/nomic-embed-text:latest");
        assertThat(body.get("context_window_limit").asInt()).isEqualTo(8192);
        assertThat(body.get("description").asText()).isEqualTo("Receives all sensor events; tracks device uptime");
        assertThat(body.at("/memory_blocks/0/label").asText()).isEqualTo("persona");
        assertThat(body.at("/memory_blocks/0/value").asText()).startsWith("I am Site Monitor");
        assertThat(body.at("/memory_blocks/1/label").asText()).isEqualTo("human");
        assertThat(body.at("/memory_blocks/1/limit").asInt()).isEqualTo(5000);
        assertThat(r.out() + r.err()).doesNotContain(password);
        // --offline: the files are what this test is about; the shared engine's state (other tests' ports) is not
        CliRun validate = CliRun.of("--project", project.toString(), "validate", "--offline");
        assertThat(validate.code()).as("the project stays valid: " + validate.out() + validate.err()).isZero();
    }

    @Test
    void initOfAnExistingAgentLikeTheFileCreatesNoSecond() throws Exception {
        answer("[" + agentState("site-monitor") + "]");
        CliRun r = p4n4("--json", "ai", "agent", "init", "site-monitor");
        assertThat(r.code()).as(r.out()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("outcome").asText()).isEqualTo("unchanged");
        assertThat(doc.at("/agent/id").asText()).isEqualTo(ID);
        assertThat(doc.get("memoryDifferences")).isEmpty();
        assertThat(doc.get("personaFile").asText()).isEqualTo(personaFile("site-monitor").toString());
        next();
        assertThat(next()).as("no POST").isNull();
    }

    @Test
    void initOfAnAgentConfiguredOtherwiseFailsListingTheDifferencesUnlessRecreate() throws Exception {
        ObjectNode other = agentState("site-monitor").put("model", "ollama/mistral:7b");
        answer("[" + other + "]");
        CliRun r = p4n4("ai", "agent", "init", "site-monitor");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("model: ollama/mistral:7b -> ollama/llama3.2:latest").contains("--recreate")
                .contains(personaFile("site-monitor").toString());
        next();
        assertThat(next()).as("left as it was").isNull();

        answer("[" + other + "]");
        answer("{\"message\":\"Agent id=" + ID + " successfully deleted\"}");
        answer(agentState("site-monitor").put("id", "agent-new"));
        r = p4n4("ai", "agent", "init", "site-monitor", "--recreate");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Deleted and created agent site-monitor (agent-new)");
        next();
        assertThat(next().getMethod()).isEqualTo("DELETE");
        assertThat(next().getMethod()).isEqualTo("POST");
    }

    @Test
    void aPersonaFileWithAMissingFieldIsValidationNamingFileAndFieldBeforeAnyCall() throws Exception {
        Path file = personaFile("anomaly-analyst");
        Files.writeString(file, Files.readString(file).replaceFirst("(?m)^model = .*$", ""));
        CliRun r = p4n4("--json", "ai", "agent", "init", "anomaly-analyst");
        assertThat(r.code()).isEqualTo(5);
        JsonNode error = JSON.readTree(r.out()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("VALIDATION");
        assertThat(error.get("file").asText()).isEqualTo(file.toString());
        assertThat(error.get("key").asText()).isEqualTo("model");
        assertThat(error.get("message").asText()).contains("missing; add it");
        assertThat(letta.getRequestCount()).isZero();

        CliRun text = p4n4("ai", "agent", "init", "anomaly-analyst");
        assertThat(text.code()).isEqualTo(5);
        assertThat(text.err()).contains(file + " [model]: missing");
    }

    @Test
    void validateNamesAMissingPersonaFile() throws Exception {
        Files.delete(personaFile("operator-assistant"));
        CliRun validate = CliRun.of("--project", project.toString(), "validate", "--offline");
        assertThat(validate.code()).as(validate.out() + validate.err()).isEqualTo(5);
        assertThat(validate.out() + validate.err()).contains("operator-assistant.toml");
    }

    @Test
    void aPersonaFileOutsideTheProjectIsGivenByItsPath() throws Exception {
        Path own = Files.writeString(tmp.resolve("night-watch.toml"), Files.readString(personaFile("site-monitor")));
        answer("[]");
        answer(agentState("site-monitor").put("name", "night-watch"));
        CliRun r = CliRun.of("ai", "agent", "init", own.toString(), "--url", letta.url("/").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(next().getRequestUrl().queryParameter("name")).isEqualTo("night-watch");
        assertThat(JSON.readTree(next().getBody().readUtf8()).get("name").asText()).isEqualTo("night-watch");
    }

    @Test
    void anUnknownPersonaNamesTheOnesThere() {
        CliRun r = p4n4("ai", "agent", "init", "night-watch");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no persona 'night-watch'")
                .contains("anomaly-analyst, operator-assistant, site-monitor");
    }

    @Test
    void listShowsTheAgentsAndThePersonasNotCreatedYet() throws Exception {
        answer("[" + agentState("site-monitor").put("last_stop_reason", "end_turn")
                .put("last_run_completion", "2026-11-30T10:05:00Z") + "]");
        CliRun r = p4n4("ai", "agent", "list");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).matches("NAME +STATUS +MODEL +AGENT ID");
        assertThat(lines.get(2)).matches("site-monitor +completed \\(end_turn\\) +ollama/llama3\\.2:latest +" + ID);
        assertThat(lines.get(3)).matches("anomaly-analyst +not created +ollama/llama3\\.2:latest");
        assertThat(lines.get(4)).matches("operator-assistant +not created +ollama/llama3\\.2:latest");
        RecordedRequest page = next();
        assertThat(page.getRequestUrl().queryParameter("limit")).isEqualTo("100");

        answer("[" + agentState("site-monitor").put("last_stop_reason", "llm_api_error") + "]");
        CliRun json = p4n4("--json", "ai", "agent", "list");
        JsonNode rows = JSON.readTree(json.out());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("status").asText()).isEqualTo("failed (llm_api_error)");
        assertThat(rows.get(0).get("agentId").asText()).isEqualTo(ID);
        assertThat(rows.get(0).get("personaFile").asText()).isEqualTo(personaFile("site-monitor").toString());
        assertThat(rows.get(1).get("agentId").isNull()).isTrue();
    }

    @Test
    void deleteRemovesTheAgentWithTheNameAndRefusesAnUnknownName() throws Exception {
        answer("[" + agentState("site-monitor") + "]");
        answer("{\"message\":\"Agent id=" + ID + " successfully deleted\"}");
        CliRun r = p4n4("--json", "ai", "agent", "delete", "site-monitor");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(JSON.readTree(r.out()).at("/deleted/0/agentId").asText()).isEqualTo(ID);
        next();
        RecordedRequest delete = next();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getPath()).isEqualTo("/v1/agents/" + ID);
        assertThat(personaFile("site-monitor")).as("the persona file stays").isRegularFile();

        answer("[]");
        CliRun unknown = p4n4("ai", "agent", "delete", "site-monitor");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no Letta agent is named 'site-monitor'");
    }

    @Test
    void deleteOfANameSeveralAgentsShareNeedsAll() throws Exception {
        String twins = "[" + agentState("site-monitor") + "," + agentState("site-monitor").put("id", "agent-twin") + "]";
        answer(twins);
        CliRun r = p4n4("ai", "agent", "delete", "site-monitor");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(ID).contains("agent-twin").contains("--all");
        answer(twins);
        answer("{\"message\":\"Agent id=" + ID + " successfully deleted\"}");
        answer("{\"message\":\"Agent id=agent-twin successfully deleted\"}");
        CliRun all = p4n4("ai", "agent", "delete", "site-monitor", "--all");
        assertThat(all.code()).as(all.err()).isZero();
        assertThat(all.out().lines()).hasSize(2);
    }

    @Test
    void chatStreamsTheAgentsWordsAsTheyArrive() throws Exception {
        answer("[" + agentState("site-monitor") + "]");
        letta.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream").setChunkedBody(STREAM, 40));
        CliRun r = p4n4("ai", "agent", "chat", "site-monitor", "Status?");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("All 12 sensors are online." + System.lineSeparator());
        next();
        RecordedRequest send = next();
        assertThat(send.getPath()).isEqualTo("/v1/agents/" + ID + "/messages/stream");
        JsonNode body = JSON.readTree(send.getBody().readUtf8());
        assertThat(body.at("/messages/0/content").asText()).isEqualTo("Status?");
        assertThat(body.get("stream_tokens").asBoolean()).isTrue();
    }

    @Test
    void chatInJsonPrintsEveryPartThenTheResult() throws Exception {
        answer("[" + agentState("site-monitor") + "]");
        letta.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream").setChunkedBody(STREAM, 40));
        CliRun r = p4n4("--json", "ai", "agent", "chat", "site-monitor", "Status?");
        assertThat(r.code()).as(r.out()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.out().split("\\R")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).extracting(l -> l.get("type").asText()).containsExactly("message", "message", "message",
                "result");
        assertThat(lines.get(0).get("messageType").asText()).isEqualTo("reasoning_message");
        assertThat(lines.get(3).get("text").asText()).isEqualTo("All 12 sensors are online.");
        assertThat(lines.get(3).get("completionTokens").asInt()).isEqualTo(7);
    }

    @Test
    void chatWithAnUnknownAgentSaysHowToCreateIt() {
        answer("[]");
        CliRun r = p4n4("ai", "agent", "chat", "site-monitor", "Status?");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("p4n4 ai agent init site-monitor");
    }
}
