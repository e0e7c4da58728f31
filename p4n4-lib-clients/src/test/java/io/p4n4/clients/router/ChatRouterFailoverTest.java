package io.p4n4.clients.router;

import static io.p4n4.clients.router.ChatPayloads.OLLAMA_CHAT;
import static io.p4n4.clients.router.ChatPayloads.OPENAI_COMPLETION;
import static io.p4n4.clients.router.ChatPayloads.OPENAI_CONTEXT_TOO_LONG;
import static io.p4n4.clients.router.ChatPayloads.OPENAI_OVERLOADED;
import static io.p4n4.clients.router.ChatPayloads.OPENAI_RATE_LIMITED;
import static io.p4n4.clients.router.ChatPayloads.TAGS_LLAMA;
import static io.p4n4.clients.router.ChatPayloads.error;
import static io.p4n4.clients.router.ChatPayloads.json;
import static io.p4n4.clients.router.RouterFixture.HELLO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.ServiceException;
import java.time.Duration;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which failures send the router to the next provider, and which surface at once. */
@Timeout(20)
class ChatRouterFailoverTest {
    private final RouterFixture f = new RouterFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aRefusedOllamaFailsOverToTheCloudAndTheRecordSaysSo() throws Exception {
        f.cloud.server.enqueue(json(OPENAI_COMPLETION));
        ChatRouter router = f.router().provider(f.refusedLocal()).provider(f.cloud("cloud", f.cloud)).build();

        RoutedAnswer a = router.route(HELLO);

        assertThat(a.response().message().content()).isEqualTo("Hello there, how may I assist you today?");
        assertThat(a.provider()).isEqualTo("cloud");
        assertThat(a.model()).isEqualTo("gpt-4o-mini");
        assertThat(a.attempts()).extracting(Attempt::provider, Attempt::reason, Attempt::code).containsExactly(
                tuple("ollama", FailureReason.REFUSED, ErrorCode.NETWORK),
                tuple("cloud", null, ErrorCode.OK));
        RecordedRequest sent = f.cloud.server.takeRequest();
        assertThat(sent.getPath()).isEqualTo("/v1/chat/completions");
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + RouterFixture.KEY);
        assertThat(sent.getBody().readUtf8()).contains("\"model\":\"gpt-4o-mini\"").contains("\"stream\":false")
                .contains("{\"role\":\"user\",\"content\":\"Hello!\"}");
    }

    @Test
    void aTimeoutFailsOver() {
        f.ollama.server.enqueue(json(TAGS_LLAMA));
        f.ollama.server.enqueue(json(OLLAMA_CHAT).setSocketPolicy(SocketPolicy.NO_RESPONSE));
        f.cloud.server.enqueue(json(OPENAI_COMPLETION));
        OllamaChatProvider slow = OllamaChatProvider.builder(f.ollamaClient(Duration.ofMillis(300))).ticker(f.ticker)
                .build();
        ChatRouter router = f.router().provider(slow).provider(f.cloud("cloud", f.cloud)).build();

        RoutedAnswer a = router.route(HELLO);

        assertThat(a.provider()).isEqualTo("cloud");
        assertThat(a.attempts().get(0).reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(a.attempts().get(0).code()).isEqualTo(ErrorCode.NETWORK);
    }

    @Test
    void a503FailsOver() {
        f.cloud.server.enqueue(error(503, OPENAI_OVERLOADED));
        f.cloud2.server.enqueue(json(OPENAI_COMPLETION));
        ChatRouter router = f.router().provider(f.cloud("first", f.cloud)).provider(f.cloud("second", f.cloud2)).build();

        RoutedAnswer a = router.route(HELLO);

        assertThat(a.provider()).isEqualTo("second");
        assertThat(a.attempts().get(0).reason()).isEqualTo(FailureReason.SERVER_ERROR);
        assertThat(a.attempts().get(0).message()).contains("HTTP 503").contains("Sorry about that!");
    }

    @Test
    void a429FailsOverAndItsRetryAfterKeepsTheProviderSkippedThatLong() {
        f.cloud.server.enqueue(error(429, OPENAI_RATE_LIMITED).setHeader("Retry-After", "120"));
        f.cloud2.server.enqueue(json(OPENAI_COMPLETION));
        f.cloud2.server.enqueue(json(OPENAI_COMPLETION));
        f.cloud.server.enqueue(json(OPENAI_COMPLETION));
        ChatRouter router = f.router().provider(f.cloud("first", f.cloud)).provider(f.cloud("second", f.cloud2)).build();

        RoutedAnswer first = router.route(HELLO);
        assertThat(first.provider()).isEqualTo("second");
        assertThat(first.attempts().get(0).reason()).isEqualTo(FailureReason.RATE_LIMITED);
        assertThat(router.breakerState("first")).as("one 429 with Retry-After opens at once").isEqualTo(BreakerState.OPEN);

        f.ticker.advance(Duration.ofSeconds(119)); // still inside Retry-After (and past nothing else)
        RoutedAnswer second = router.route(HELLO);
        assertThat(second.provider()).isEqualTo("second");
        assertThat(second.attempts().get(0).reason()).isEqualTo(FailureReason.CIRCUIT_OPEN);
        assertThat(f.cloud.server.getRequestCount()).isEqualTo(1);

        f.ticker.advance(Duration.ofSeconds(2));
        RoutedAnswer third = router.route(HELLO);
        assertThat(third.provider()).isEqualTo("first");
        assertThat(router.breakerState("first")).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void a400SurfacesAtOnceWithItsCodeAndTheNextProviderIsNotAsked() {
        f.cloud.server.enqueue(error(400, OPENAI_CONTEXT_TOO_LONG));
        ChatRouter router = f.router().provider(f.cloud("first", f.cloud)).provider(f.cloud("second", f.cloud2)).build();

        RoutingException e = catchThrowableOfType(RoutingException.class, () -> router.route(HELLO));

        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(e.reason()).isEqualTo(FailureReason.REJECTED);
        assertThat(e.getMessage()).contains("HTTP 400").contains("maximum context length is 128000 tokens");
        assertThat(e.getCause()).isInstanceOf(ServiceException.class);
        assertThat(e.attempts()).singleElement().extracting(Attempt::reason).isEqualTo(FailureReason.REJECTED);
        assertThat(f.cloud2.server.getRequestCount()).isZero();
        assertThat(router.breakerState("first")).as("a refused request is no sign of a sick provider")
                .isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void anOllama400DoesNotFailOverEither() {
        f.ollama.server.enqueue(json(TAGS_LLAMA));
        f.ollama.server.enqueue(error(400, "{\"error\":\"invalid format: expected \\\"json\\\" or a JSON schema\"}"));
        ChatRouter router = f.router().provider(f.local().build()).provider(f.cloud("cloud", f.cloud)).build();

        RoutingException e = catchThrowableOfType(RoutingException.class, () -> router.route(HELLO.withFormat("yaml")));

        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(e.getMessage()).contains("invalid format");
        assertThat(f.cloud.server.getRequestCount()).isZero();
    }

    @Test
    void whenEveryProviderFailsTheErrorListsEachAttempt() {
        f.cloud.server.enqueue(error(503, OPENAI_OVERLOADED));
        ChatRouter router = f.router().id("site-7").provider(f.refusedLocal()).provider(f.cloud("cloud", f.cloud))
                .build();

        RoutingException e = catchThrowableOfType(RoutingException.class, () -> router.route(HELLO));

        assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
        assertThat(e.reason()).isEqualTo(FailureReason.ALL_FAILED);
        assertThat(e.attempts()).extracting(Attempt::reason).containsExactly(FailureReason.REFUSED,
                FailureReason.SERVER_ERROR);
        assertThat(e.getMessage()).contains("router 'site-7': every provider failed")
                .contains("1. ollama (llama3.2): REFUSED [NETWORK]").contains("connection refused")
                .contains("2. cloud (gpt-4o-mini): SERVER_ERROR [NETWORK]").contains("HTTP 503");
    }

    @Test
    void aNestedRouterIsOneProviderOfItsParent() {
        f.cloud.server.enqueue(error(502, OPENAI_OVERLOADED));
        f.cloud2.server.enqueue(json(OPENAI_COMPLETION));
        ChatRouter clouds = ChatRouter.builder().id("clouds").provider(f.cloud("a", f.cloud))
                .provider(f.cloud("b", f.cloud2)).build();
        ChatRouter router = f.router().provider(f.refusedLocal()).provider(clouds).build();

        RoutedAnswer a = router.route(HELLO);

        assertThat(a.provider()).isEqualTo("clouds");
        assertThat(a.model()).isEqualTo("gpt-4o-mini");
        assertThat(a.attempts()).extracting(Attempt::provider).containsExactly("ollama", "clouds");
    }

    @Test
    void aNestedRouterWhoseProvidersAllFailedLetsItsParentGoOn() {
        f.cloud.server.enqueue(error(500, OPENAI_OVERLOADED));
        f.cloud2.server.enqueue(json(OPENAI_COMPLETION));
        ChatRouter inner = ChatRouter.builder().id("inner").provider(f.cloud("a", f.cloud)).build();
        ChatRouter router = f.router().provider(inner).provider(f.cloud("b", f.cloud2)).build();

        RoutedAnswer a = router.route(HELLO);

        assertThat(a.provider()).isEqualTo("b");
        assertThat(a.attempts().get(0).reason()).isEqualTo(FailureReason.ALL_FAILED);
    }

    @Test
    void providerIdsMustBeUnique() {
        ChatRouter.Builder b = f.router().provider(f.cloud("cloud", f.cloud));
        P4n4Exception e = catchThrowableOfType(P4n4Exception.class, () -> b.provider(f.cloud("cloud", f.cloud2)));
        assertThat(e.code()).isEqualTo(ErrorCode.USER);
        assertThat(e.getMessage()).contains("two providers have the id 'cloud'");
    }
}
