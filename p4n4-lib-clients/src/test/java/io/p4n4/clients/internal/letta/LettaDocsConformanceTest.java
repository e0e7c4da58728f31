package io.p4n4.clients.internal.letta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.ServiceException;
import io.p4n4.api.clients.Cancellation;
import io.p4n4.api.clients.letta.LettaClient;
import io.p4n4.api.clients.letta.LettaMessage;
import io.p4n4.api.clients.letta.LettaResponse;
import io.p4n4.clients.ClientFactory;
import io.p4n4.clients.ProjectEndpointConfig;
import io.p4n4.clients.testing.DocExamples;
import io.p4n4.clients.testing.LeakCheckedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Serves the example outputs of Letta's streaming guide (kept under {@code conformance/letta/}) and
 * the error events its server writes mid-stream ({@code letta/agents/letta_agent_v3.py}: a
 * {@code stop_reason} then {@code event: error} with a {@code LettaErrorMessage};
 * {@code letta/server/rest_api/streaming_response.py}: {@code event: error} with
 * {@code {"error", "code"}}), and checks what the client makes of them.
 */
@Timeout(20)
class LettaDocsConformanceTest {
    private static final DocExamples GUIDE = DocExamples.load("/conformance/letta/streaming.mdx");
    /** As letta_agent_v3.py writes them after a failed LLM call, once the answer has started. */
    private static final String LLM_ERROR_STOP = "data: {\"message_type\":\"stop_reason\",\"stop_reason\":\"llm_api_error\"}\n\n";
    private static final String AGENT_ERROR_EVENT = "event: error\ndata: {\"message_type\":\"error_message\","
            + "\"run_id\":\"run-5f1c\",\"error_type\":\"internal_error\",\"message\":\"An error occurred during agent"
            + " execution.\",\"detail\":\"Rate limit reached for model\",\"seq_id\":null}\n\n";

    private final LeakCheckedServer mock = new LeakCheckedServer();
    private final ClientFactory clients = ClientFactory.of(ProjectEndpointConfig.of(Map.of("P4N4_LETTA_URL", mock.url())));

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

    /** The guide's example output as the server sends it: each {@code data:} line its own event. */
    private static String events(String within) {
        return GUIDE.blocks(within, "Example Output", "").get(0).lines().filter(l -> l.startsWith("data: "))
                .map(l -> l + "\n\n").collect(Collectors.joining());
    }

    private void serve(String body) {
        mock.server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream").setChunkedBody(body, 29));
    }

    @Test
    void tokenStreamingExampleIsAssembledByMessageId() {
        serve(events("Token Streaming"));
        List<String> chunks = new ArrayList<>();
        LettaResponse r = client().send("agent-1", "Tell me a joke", m -> chunks.add(m.text()), Cancellation.create());
        assertThat(chunks).containsExactly("Why", " did", " the", " scarecrow", " win");
        assertThat(r.messages()).containsExactly(new LettaMessage("msg-abc", "assistant_message",
                "Why did the scarecrow win", null));
        assertThat(r.assistantText()).isEqualTo("Why did the scarecrow win");
    }

    @Test
    void stepStreamingExampleKeepsEachMessageAndReadsUsage() {
        serve(events("Step Streaming (Default)"));
        LettaResponse r = client().send("agent-1", "What is 2+2?", m -> { }, Cancellation.create());
        assertThat(r.messages()).extracting(LettaMessage::id, LettaMessage::messageType, LettaMessage::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("msg-123", "reasoning_message",
                        "User is asking a simple math question."),
                        org.assertj.core.groups.Tuple.tuple("msg-456", "assistant_message", "2 + 2 equals 4!"));
        assertThat(r.completionTokens()).isEqualTo(50);
    }

    @Test
    void reasoningAndAssistantChunksSharingAnIdStayApart() {
        serve("data: {\"id\":\"message-7\",\"message_type\":\"reasoning_message\",\"reasoning\":\"Joke \"}\n\n"
                + "data: {\"id\":\"message-7\",\"message_type\":\"reasoning_message\",\"reasoning\":\"time.\"}\n\n"
                + "data: {\"id\":\"message-7\",\"message_type\":\"assistant_message\",\"content\":\"Knock\"}\n\n"
                + "data: {\"id\":\"message-7\",\"message_type\":\"assistant_message\",\"content\":\" knock\"}\n\n"
                + "data: [DONE]\n\n");
        LettaResponse r = client().send("agent-1", "joke", m -> { }, Cancellation.create());
        assertThat(r.messages()).extracting(LettaMessage::text).containsExactly("Joke time.", "Knock knock");
    }

    @Test
    void anErrorEventAfterTokensFailsTheCallbackFormWithTheServersMessageAndStopReason() {
        String tokens = events("Token Streaming").lines().limit(4).collect(Collectors.joining("\n", "", "\n"));
        serve(tokens + LLM_ERROR_STOP + AGENT_ERROR_EVENT);
        List<String> chunks = new ArrayList<>();
        assertThatThrownBy(() -> client().send("agent-1", "joke", m -> chunks.add(m.text()), Cancellation.create()))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
                    assertThat(e.serverMessage()).hasValue("An error occurred during agent execution.: Rate limit"
                            + " reached for model (stop_reason llm_api_error)");
                    assertThat(e.getMessage()).contains("mid-stream").contains("stop_reason llm_api_error");
                });
        assertThat(chunks).containsExactly("Why", " did");
        mock.assertNoLeakedConnections();
    }

    @Test
    void anErrorEventFailsTheStreamFormAfterTheParts() {
        String tokens = events("Token Streaming").lines().limit(4).collect(Collectors.joining("\n", "", "\n"));
        serve(tokens + LLM_ERROR_STOP + AGENT_ERROR_EVENT);
        List<String> chunks = new ArrayList<>();
        try (Stream<LettaMessage> s = client().sendStream("agent-1", "joke")) {
            assertThatThrownBy(() -> s.forEach(m -> chunks.add(m.text())))
                    .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.serverMessage().orElseThrow())
                            .startsWith("An error occurred during agent execution."));
        }
        assertThat(chunks).containsExactly("Why", " did");
    }

    @Test
    void theStreamingResponsesOwnErrorEventIsRecognisedToo() {
        serve(events("Token Streaming").lines().limit(2).collect(Collectors.joining("\n", "", "\n"))
                + "event: error\ndata: {\"error\": \"Connection to the model endpoint was lost\","
                + " \"code\": \"INTERNAL_SERVER_ERROR\"}\n\n");
        assertThatThrownBy(() -> client().send("agent-1", "joke", m -> { }, Cancellation.create()))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.serverMessage())
                        .hasValue("Connection to the model endpoint was lost"));
    }

    @Test
    void anErrorMessageWithoutTheEventNameIsAnErrorToo() {
        serve("data: {\"message_type\":\"stop_reason\",\"stop_reason\":\"error\"}\n\n"
                + "data: {\"message_type\":\"error_message\",\"run_id\":\"run-1\",\"error_type\":\"internal_error\","
                + "\"message\":\"An error occurred during stream finalization.\",\"detail\":null}\n\n");
        assertThatThrownBy(() -> client().send("agent-1", "x", m -> { }, Cancellation.create()))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.serverMessage())
                        .hasValue("An error occurred during stream finalization. (stop_reason error)"));
    }

    @Test
    void aFailingStopReasonAtTheEndIsAnErrorEvenWithoutAnErrorEvent() {
        serve("data: {\"id\":\"m-1\",\"message_type\":\"assistant_message\",\"content\":\"Half an ans\"}\n\n"
                + "data: {\"message_type\":\"stop_reason\",\"stop_reason\":\"max_tokens_exceeded\"}\n\n"
                + "data: [DONE]\n\n");
        List<String> chunks = new ArrayList<>();
        try (Stream<LettaMessage> s = client().sendStream("agent-1", "x")) {
            assertThatThrownBy(() -> s.forEach(m -> chunks.add(m.text())))
                    .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.serverMessage())
                            .hasValue("the agent stopped with stop_reason max_tokens_exceeded"));
        }
        assertThat(chunks).containsExactly("Half an ans");
    }

    @Test
    void aCompletedRunStopReasonIsNoError() {
        serve("data: {\"id\":\"m-1\",\"message_type\":\"assistant_message\",\"content\":\"Done.\"}\n\n"
                + "data: {\"message_type\":\"stop_reason\",\"stop_reason\":\"max_steps\"}\n\n"
                + "data: [DONE]\n\n");
        assertThat(client().send("agent-1", "x", m -> { }, Cancellation.create()).assistantText()).isEqualTo("Done.");
    }
}
