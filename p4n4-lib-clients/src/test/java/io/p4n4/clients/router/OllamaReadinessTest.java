package io.p4n4.clients.router;

import static io.p4n4.clients.router.ChatPayloads.OLLAMA_CHAT;
import static io.p4n4.clients.router.ChatPayloads.OLLAMA_PULL;
import static io.p4n4.clients.router.ChatPayloads.OPENAI_COMPLETION;
import static io.p4n4.clients.router.ChatPayloads.TAGS_EMPTY;
import static io.p4n4.clients.router.ChatPayloads.TAGS_LLAMA;
import static io.p4n4.clients.router.ChatPayloads.error;
import static io.p4n4.clients.router.ChatPayloads.json;
import static io.p4n4.clients.router.ChatPayloads.ndjson;
import static io.p4n4.clients.router.RouterFixture.HELLO;
import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.clients.ollama.ChatMessage;
import io.p4n4.api.clients.ollama.ChatRequest;
import io.p4n4.api.clients.ollama.PullProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Before a local call: the server answered its health check recently, and the model is there (or pulled). */
@Timeout(20)
class OllamaReadinessTest {
    private final RouterFixture f = new RouterFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private List<String> paths() throws InterruptedException {
        List<String> out = new ArrayList<>();
        RecordedRequest r;
        while ((r = f.ollama.server.takeRequest(0, java.util.concurrent.TimeUnit.SECONDS)) != null) {
            out.add(r.getMethod() + " " + r.getPath());
        }
        return out;
    }

    @Test
    void aMissingModelFailsOverWhenPullingIsNotAllowed() throws Exception {
        f.ollama.server.enqueue(json(TAGS_EMPTY));
        f.cloud.server.enqueue(json(OPENAI_COMPLETION));
        ChatRouter router = f.router().provider(f.local().build()).provider(f.cloud("cloud", f.cloud)).build();

        RoutedAnswer a = router.route(HELLO);

        assertThat(a.provider()).isEqualTo("cloud");
        Attempt local = a.attempts().get(0);
        assertThat(local.reason()).isEqualTo(FailureReason.MODEL_MISSING);
        assertThat(local.code()).isEqualTo(ErrorCode.USER);
        assertThat(local.message()).contains("model 'llama3.2' is not present").contains("p4n4 ai pull llama3.2");
        assertThat(paths()).containsExactly("GET /api/tags");
        assertThat(router.breakerState("ollama")).as("a missing model is no sign of a sick server")
                .isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void aMissingModelIsPulledFirstWhenAllowedWithProgressEvents() throws Exception {
        f.ollama.server.enqueue(json(TAGS_EMPTY));
        f.ollama.server.enqueue(ndjson(OLLAMA_PULL));
        f.ollama.server.enqueue(json(OLLAMA_CHAT));
        List<String> events = new ArrayList<>();
        ChatRouter router = f.router().provider(f.local().pullPolicy(ModelPullPolicy.PULL).build())
                .provider(f.cloud("cloud", f.cloud)).listener(new RouterListener() {
                    @Override
                    public void pullProgress(String provider, String model, PullProgress p) {
                        events.add(provider + " " + model + " " + p.status() + " " + p.completed());
                    }
                }).build();

        RoutedAnswer a = router.route(HELLO);

        assertThat(a.provider()).isEqualTo("ollama");
        assertThat(a.response().message().content()).isEqualTo("Hello! How are you today?");
        assertThat(events).containsExactly("ollama llama3.2 pulling manifest 0",
                "ollama llama3.2 pulling 6a0746a1ec1a 1000000", "ollama llama3.2 pulling 6a0746a1ec1a 4661211424",
                "ollama llama3.2 verifying sha256 digest 0", "ollama llama3.2 writing manifest 0",
                "ollama llama3.2 success 0");
        assertThat(paths()).containsExactly("GET /api/tags", "POST /api/pull", "POST /api/chat");
        assertThat(f.cloud.server.getRequestCount()).isZero();
    }

    @Test
    void theHealthCheckIsSkippedWhileTheServerAnsweredRecently() throws Exception {
        f.ollama.server.enqueue(json(TAGS_LLAMA));
        f.ollama.server.enqueue(json(OLLAMA_CHAT));
        f.ollama.server.enqueue(json(OLLAMA_CHAT));
        f.ollama.server.enqueue(json(TAGS_LLAMA));
        f.ollama.server.enqueue(json(OLLAMA_CHAT));
        ChatRouter router = f.router().provider(f.local().healthInterval(Duration.ofSeconds(10)).build()).build();

        router.route(HELLO);
        f.ticker.advance(Duration.ofSeconds(9));
        router.route(HELLO); // the last answer was 9 s ago
        f.ticker.advance(Duration.ofSeconds(10));
        RoutedAnswer a = router.route(HELLO);

        assertThat(a.provider()).isEqualTo("ollama");
        assertThat(a.model()).isEqualTo("llama3.2");
        assertThat(paths()).containsExactly("GET /api/tags", "POST /api/chat", "POST /api/chat", "GET /api/tags",
                "POST /api/chat");
    }

    @Test
    void aModelRemovedSinceTheLastLookFailsOverAndIsLookedForAgainNextTime() throws Exception {
        f.ollama.server.enqueue(json(TAGS_LLAMA));
        f.ollama.server.enqueue(json(OLLAMA_CHAT));
        f.ollama.server.enqueue(error(404, "{\"error\":\"model \\\"llama3.2\\\" not found, try pulling it first\"}"));
        f.ollama.server.enqueue(json(TAGS_EMPTY));
        f.cloud.server.enqueue(json(OPENAI_COMPLETION));
        f.cloud.server.enqueue(json(OPENAI_COMPLETION));
        ChatRouter router = f.router().provider(f.local().build()).provider(f.cloud("cloud", f.cloud)).build();

        assertThat(router.route(HELLO).provider()).isEqualTo("ollama");
        RoutedAnswer second = router.route(HELLO);
        RoutedAnswer third = router.route(HELLO);

        assertThat(second.attempts().get(0).reason()).isEqualTo(FailureReason.MODEL_MISSING);
        assertThat(third.attempts().get(0).reason()).isEqualTo(FailureReason.MODEL_MISSING);
        assertThat(paths()).containsExactly("GET /api/tags", "POST /api/chat", "POST /api/chat", "GET /api/tags");
    }

    @Test
    void anUnhealthyServerFailsOverBeforeAnyChat() throws Exception {
        f.ollama.server.enqueue(error(500, "{\"error\":\"llama runner process has terminated: signal: killed\"}"));
        f.cloud.server.enqueue(json(OPENAI_COMPLETION));
        ChatRouter router = f.router().provider(f.local().build()).provider(f.cloud("cloud", f.cloud)).build();

        RoutedAnswer a = router.route(HELLO);

        assertThat(a.provider()).isEqualTo("cloud");
        assertThat(a.attempts().get(0).reason()).isEqualTo(FailureReason.SERVER_ERROR);
        assertThat(a.attempts().get(0).message()).contains("llama runner process has terminated");
        assertThat(paths()).containsExactly("GET /api/tags");
    }

    @Test
    void aModelSetOnTheProviderReplacesTheRequestsAndATaglessNameMeansLatest() throws Exception {
        f.ollama.server.enqueue(json(TAGS_LLAMA));
        f.ollama.server.enqueue(json(OLLAMA_CHAT));
        ChatRouter router = f.router().provider(f.local().model("llama3.2").build()).build();

        router.route(ChatRequest.of("whatever-the-caller-said", List.of(ChatMessage.user("Hi"))));

        f.ollama.server.takeRequest();
        assertThat(f.ollama.server.takeRequest().getBody().readUtf8()).contains("\"model\":\"llama3.2\"");
    }
}
