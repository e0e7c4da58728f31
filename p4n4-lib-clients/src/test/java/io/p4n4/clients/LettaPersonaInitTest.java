package io.p4n4.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.letta.LettaClient;
import io.p4n4.api.clients.letta.LettaPersona;
import io.p4n4.clients.PersonaInitResult.Outcome;
import io.p4n4.clients.internal.http.Json;
import io.p4n4.clients.testing.LeakCheckedServer;
import io.p4n4.clients.testing.LettaPayloads;
import io.p4n4.clients.testing.LettaSchema;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code init} of a persona against a server answering as Letta's API documents ({@code GET /v1/agents/?name=}
 * a list of {@code AgentState}, {@code POST /v1/agents/} one, {@code DELETE /v1/agents/{id}} an empty object).
 */
@Timeout(20)
class LettaPersonaInitTest {
    /** The persona LettaPayloads.AGENT was created from. */
    private static final LettaPersona SITE_MONITOR = new LettaPersona("site-monitor", "Site Monitor",
            "Receives all sensor events; tracks device uptime", "llama3.2:latest", "I watch sensors.",
            "The operator is Ana.", 8192, "nomic-embed-text:latest", 5000);
    private static final String AGENT = LettaPayloads.AGENT;
    private static final String ID = "agent-9c1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b";

    private final LeakCheckedServer mock = new LeakCheckedServer();
    private final ClientFactory clients = ClientFactory.of(ProjectEndpointConfig.of(Map.of("P4N4_LETTA_URL", mock.url())));

    @AfterEach
    void close() {
        clients.close();
        mock.close();
    }

    private LettaClient letta() {
        return clients.letta().build();
    }

    private RecordedRequest next() throws InterruptedException {
        return mock.server.takeRequest(1, TimeUnit.SECONDS);
    }

    @Test
    void createsTheAgentWhenNoneHasTheName() throws Exception {
        mock.server.enqueue(new MockResponse().setBody("[]"));
        mock.server.enqueue(new MockResponse().setBody(AGENT));
        PersonaInitResult r = LettaPersonaInit.init(letta(), SITE_MONITOR, false);
        assertThat(r.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(r.agent().id()).isEqualTo(ID);
        assertThat(next().getRequestUrl().queryParameter("name")).isEqualTo("site-monitor");
        RecordedRequest post = next();
        assertThat(post.getMethod()).isEqualTo("POST");
        var body = Json.MAPPER.readTree(post.getBody().readUtf8());
        LettaSchema.assertConforms("CreateAgentRequest", body);
        assertThat(body.get("model").asText()).isEqualTo("ollama/llama3.2:latest");
    }

    @Test
    void anAgentLikeTheFileIsLeftAloneAndNotCreatedTwice() throws Exception {
        mock.server.enqueue(new MockResponse().setBody("[" + AGENT + "]"));
        PersonaInitResult r = LettaPersonaInit.init(letta(), SITE_MONITOR, false);
        assertThat(r.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(r.differences()).isEmpty();
        assertThat(r.memoryDifferences()).isEmpty();
        next();
        assertThat(next()).as("nothing sent after the lookup").isNull();
    }

    @Test
    void anAgentConfiguredOtherwiseIsReportedWithEachDifferenceAndLeftAlone() throws Exception {
        mock.server.enqueue(new MockResponse().setBody("[" + AGENT.replace("\"model\":\"ollama/llama3.2:latest\"",
                "\"model\":\"ollama/mistral:7b\"").replace("\"context_window\":8192", "\"context_window\":4096") + "]"));
        PersonaInitResult r = LettaPersonaInit.init(letta(), SITE_MONITOR, false);
        assertThat(r.outcome()).isEqualTo(Outcome.DIFFERS);
        assertThat(r.differences()).containsExactly("model: ollama/mistral:7b -> ollama/llama3.2:latest",
                "context_window: 4096 -> 8192");
        next();
        assertThat(next()).as("no create, no delete").isNull();
    }

    @Test
    void memoryTheAgentRewroteIsReportedButIsNoConflict() throws Exception {
        mock.server.enqueue(new MockResponse().setBody("[" + AGENT.replace("\"value\":\"The operator is Ana.\"",
                "\"value\":\"The operator is Ana. She prefers Celsius.\"") + "]"));
        PersonaInitResult r = LettaPersonaInit.init(letta(), SITE_MONITOR, false);
        assertThat(r.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(r.memoryDifferences()).containsExactly("human");
    }

    @Test
    void recreateDeletesTheExistingAgentThenCreatesItFromTheFile() throws Exception {
        mock.server.enqueue(new MockResponse().setBody("[" + AGENT + "]"));
        mock.server.enqueue(new MockResponse().setBody(LettaPayloads.DELETED));
        mock.server.enqueue(new MockResponse().setBody(AGENT.replace(ID, "agent-new")));
        PersonaInitResult r = LettaPersonaInit.init(letta(), SITE_MONITOR, true);
        assertThat(r.outcome()).isEqualTo(Outcome.RECREATED);
        assertThat(r.agent().id()).isEqualTo("agent-new");
        next();
        RecordedRequest delete = next();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getPath()).isEqualTo("/v1/agents/" + ID);
        assertThat(next().getMethod()).isEqualTo("POST");
    }

    @Test
    void severalAgentsWithTheNameAreAUserErrorNamingTheirIds() {
        mock.server.enqueue(new MockResponse().setBody("[" + AGENT + "," + AGENT.replace(ID, "agent-twin") + "]"));
        assertThatThrownBy(() -> LettaPersonaInit.init(letta(), SITE_MONITOR, false))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USER);
                    assertThat(e.getMessage()).contains(ID).contains("agent-twin").contains("'site-monitor'");
                });
    }
}
