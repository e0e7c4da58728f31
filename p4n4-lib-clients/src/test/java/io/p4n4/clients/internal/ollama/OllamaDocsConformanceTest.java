package io.p4n4.clients.internal.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.ServiceException;
import io.p4n4.api.clients.Cancellation;
import io.p4n4.api.clients.RetryPolicy;
import io.p4n4.api.clients.ollama.ChatMessage;
import io.p4n4.api.clients.ollama.ChatRequest;
import io.p4n4.api.clients.ollama.ChatResponse;
import io.p4n4.api.clients.ollama.EmbedResponse;
import io.p4n4.api.clients.ollama.GenerateRequest;
import io.p4n4.api.clients.ollama.GenerateResponse;
import io.p4n4.api.clients.ollama.OllamaClient;
import io.p4n4.api.clients.ollama.PullProgress;
import io.p4n4.clients.internal.http.HttpService;
import io.p4n4.clients.testing.DocExamples;
import io.p4n4.clients.testing.LeakCheckedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Serves the examples of Ollama's own documentation (docs/api.md, docs/api/streaming.mdx,
 * docs/api/errors.mdx, kept under {@code conformance/ollama/}) exactly as written, one JSON value
 * per NDJSON line, and checks what the client makes of them.
 */
@Timeout(20)
class OllamaDocsConformanceTest {
    private static final DocExamples API = DocExamples.load("/conformance/ollama/api.md");
    private static final DocExamples STREAMING = DocExamples.load("/conformance/ollama/streaming.mdx");
    private static final DocExamples ERRORS = DocExamples.load("/conformance/ollama/errors.mdx");

    private final LeakCheckedServer mock = new LeakCheckedServer();

    @AfterEach
    void close() {
        mock.close();
    }

    private OllamaClient client() {
        return new HttpOllamaClient(HttpService.builder("ollama", mock.client).baseUrl(mock.url())
                .retryPolicy(RetryPolicy.of(1, Duration.ZERO, Duration.ZERO)).readTimeout(Duration.ofSeconds(2)).build());
    }

    private void serveNdjson(List<String> values) {
        mock.server.enqueue(new MockResponse().setHeader("Content-Type", "application/x-ndjson")
                .setChunkedBody(String.join("\n", values) + "\n", 40));
    }

    private void serveJson(int status, String value) {
        mock.server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(value));
    }

    @Test
    void generateStreamingExampleOfApiMd() {
        List<String> chunks = API.jsonValues(null, "Generate request (Streaming)");
        assertThat(chunks).hasSize(2);
        serveNdjson(chunks);
        List<String> tokens = new ArrayList<>();
        GenerateResponse whole = client().generate(GenerateRequest.of("llama3.2", "Why is the sky blue?"),
                c -> tokens.add(c.response()), Cancellation.create());
        assertThat(tokens).containsExactly("The", "");
        assertThat(whole.response()).isEqualTo("The");
        assertThat(whole.done()).isTrue();
        assertThat(whole.context()).containsExactly(1, 2, 3);
        assertThat(whole.stats().evalCount()).isEqualTo(259);
        assertThat(whole.stats().evalDuration()).isEqualTo(4232710000L);
    }

    @Test
    void generateNonStreamingExampleOfApiMd() {
        serveJson(200, API.jsonValues(null, "Request (No streaming)").get(0));
        GenerateResponse r = client().generate(GenerateRequest.of("llama3.2", "Why is the sky blue?"));
        assertThat(r.response()).isEqualTo("The sky is blue because it is the color of the sky.");
        assertThat(r.stats().promptEvalCount()).isEqualTo(26);
        assertThat(r.stats().evalCount()).isEqualTo(290);
    }

    @Test
    void streamingPageExampleAsAJavaStream() {
        List<String> chunks = STREAMING.jsonValues(null, null);
        serveNdjson(chunks.subList(0, 7));
        try (Stream<GenerateResponse> s = client().generateStream(GenerateRequest.of("gemma4", "Is it?"))) {
            List<GenerateResponse> got = s.toList();
            assertThat(got).extracting(GenerateResponse::response)
                    .containsExactly("That", "'", "s", " a", " fantastic", " question", "!");
            assertThat(got.get(6).done()).isTrue();
            assertThat(got.get(6).doneReason()).isEqualTo("stop");
        }
    }

    @Test
    void midStreamErrorOfErrorsPageFailsTheCallbackFormWithTheServersMessage() {
        List<String> lines = ERRORS.jsonValues(null, "Errors that occur while streaming");
        assertThat(lines).last().asString().contains("\"error\"");
        serveNdjson(lines);
        List<String> tokens = new ArrayList<>();
        assertThatThrownBy(() -> client().generate(GenerateRequest.of("gemma4", "Yes?"), c -> tokens.add(c.response()),
                Cancellation.create())).isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
                    assertThat(e.status()).isEqualTo(200);
                    assertThat(e.serverMessage()).hasValue("an error was encountered while running the model");
                    assertThat(e.getMessage()).contains("mid-stream: an error was encountered while running the model")
                            .contains("incomplete");
                });
        assertThat(tokens).containsExactly(" Yes", ".", "I", "can");
        mock.assertNoLeakedConnections();
    }

    @Test
    void midStreamErrorOfErrorsPageFailsTheStreamFormAfterTheChunksThatArrived() {
        serveNdjson(ERRORS.jsonValues(null, "Errors that occur while streaming"));
        List<String> tokens = new ArrayList<>();
        try (Stream<GenerateResponse> s = client().generateStream(GenerateRequest.of("gemma4", "Yes?"))) {
            assertThatThrownBy(() -> s.forEach(c -> tokens.add(c.response())))
                    .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.serverMessage())
                            .hasValue("an error was encountered while running the model"));
        }
        assertThat(tokens).containsExactly(" Yes", ".", "I", "can");
        mock.assertNoLeakedConnections();
    }

    @Test
    void midStreamErrorFailsTheChatStreamFormToo() {
        List<String> chat = API.jsonValues(null, "Chat request (Streaming)");
        serveNdjson(List.of(chat.get(0), ERRORS.jsonValues(null, "Errors that occur while streaming").get(4)));
        List<String> parts = new ArrayList<>();
        try (Stream<ChatResponse> s = client().chatStream(ChatRequest.of("llama3.2", List.of(ChatMessage.user("hi"))))) {
            assertThatThrownBy(() -> s.forEach(c -> parts.add(c.message().content())))
                    .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.serverMessage())
                            .hasValue("an error was encountered while running the model"));
        }
        assertThat(parts).containsExactly("The");
    }

    @Test
    void aStreamClosedBeforeDoneFailsTheStreamFormInsteadOfEndingNormally() {
        List<String> chunks = STREAMING.jsonValues(null, null);
        serveNdjson(chunks.subList(0, 3));
        List<String> tokens = new ArrayList<>();
        try (Stream<GenerateResponse> s = client().generateStream(GenerateRequest.of("gemma4", "Is it?"))) {
            assertThatThrownBy(() -> s.forEach(c -> tokens.add(c.response())))
                    .isInstanceOfSatisfying(ServiceException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
                        assertThat(e.getMessage()).contains("ended before a chunk with \"done\": true");
                    });
        }
        assertThat(tokens).containsExactly("That", "'", "s");
    }

    @Test
    void aChatStreamClosedBeforeDoneFailsToo() {
        serveNdjson(API.jsonValues(null, "Chat request (Streaming)").subList(0, 1));
        try (Stream<ChatResponse> s = client().chatStream(ChatRequest.of("llama3.2", List.of(ChatMessage.user("hi"))))) {
            assertThatThrownBy(s::toList).isInstanceOf(ServiceException.class).hasMessageContaining("\"done\": true");
        }
    }

    @Test
    void chatStreamingAndNonStreamingExamplesOfApiMd() {
        serveNdjson(API.jsonValues(null, "Chat request (Streaming)"));
        ChatResponse streamed = client().chat(ChatRequest.of("llama3.2", List.of(ChatMessage.user("why?"))), c -> { },
                Cancellation.create());
        assertThat(streamed.message().content()).isEqualTo("The");
        assertThat(streamed.stats().evalCount()).isEqualTo(282);
        serveJson(200, API.jsonValues(null, "Chat request (No streaming)").get(0));
        ChatResponse whole = client().chat(ChatRequest.of("llama3.2", List.of(ChatMessage.user("why?"))));
        assertThat(whole.message().role()).isEqualTo("assistant");
        assertThat(whole.message().content()).isEqualTo("Hello! How are you today?");
        assertThat(whole.done()).isTrue();
    }

    @Test
    void listRunningShowEmbedAndVersionExamplesOfApiMd() {
        serveJson(200, API.jsonValues("List Local Models", "Response").get(0));
        assertThat(client().models()).extracting(m -> m.name()).containsExactly("deepseek-r1:latest", "llama3.2:latest");
        serveJson(200, API.jsonValues("List Running Models", "Response").get(0));
        assertThat(client().runningModels()).extracting(m -> m.name()).containsExactly("mistral:latest");
        serveJson(200, API.jsonValues("Show Model Information", "Response").get(0));
        assertThat(client().show("llava").details().family()).isEqualTo("llama");
        serveJson(200, API.jsonValues("Generate Embeddings", "Response").get(0));
        EmbedResponse e = client().embed("all-minilm", List.of("Why is the sky blue?"));
        assertThat(e.embeddings()).hasSize(1);
        assertThat(e.embeddings().get(0)).hasSize(10).startsWith(0.010071029, -0.0017594862);
        assertThat(e.promptEvalCount()).isEqualTo(8);
        serveJson(200, API.jsonValues("Version", "Response").get(0));
        assertThat(client().version()).isEqualTo("0.5.1");
    }

    @Test
    void pullExampleOfApiMdReportsEveryStatusUntilSuccess() {
        List<String> values = API.jsonValues("Pull a Model", "Response");
        // the last block is the non-streaming answer; the stream ends with the first "success"
        serveNdjson(values.subList(0, values.size() - 1));
        List<PullProgress> progress = new ArrayList<>();
        client().pull("llama3.2", progress::add, Cancellation.create());
        assertThat(progress).extracting(PullProgress::status).containsExactly("pulling manifest", "pulling digestname",
                "verifying sha256 digest", "writing manifest", "removing any unused layers", "success");
        assertThat(progress.get(1).total()).isEqualTo(2142590208L);
    }

    @Test
    void errorObjectOfErrorsPageIsTheServerMessageOfAnErrorStatus() {
        String error = ERRORS.jsonValues(null, "Error messages").get(0);
        serveJson(400, error);
        assertThatThrownBy(() -> client().generate(GenerateRequest.of("gemma4", "x")))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.serverMessage()).hasValue("the model failed to generate a response");
                });
    }
}
