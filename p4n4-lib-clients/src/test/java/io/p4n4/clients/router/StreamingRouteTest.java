package io.p4n4.clients.router;

import static io.p4n4.clients.router.ChatPayloads.OLLAMA_CHAT_STREAM;
import static io.p4n4.clients.router.ChatPayloads.OLLAMA_CHAT_STREAM_BROKEN;
import static io.p4n4.clients.router.ChatPayloads.OPENAI_STREAM;
import static io.p4n4.clients.router.ChatPayloads.TAGS_LLAMA;
import static io.p4n4.clients.router.ChatPayloads.json;
import static io.p4n4.clients.router.ChatPayloads.ndjson;
import static io.p4n4.clients.router.ChatPayloads.sse;
import static io.p4n4.clients.router.RouterFixture.HELLO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.clients.Cancellation;
import io.p4n4.api.clients.ollama.ChatResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Tokens stream from whichever provider answers; a stream broken mid-answer fails, or switches when asked. */
@Timeout(20)
class StreamingRouteTest {
    private final RouterFixture f = new RouterFixture();
    private final List<String> texts = new ArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final RouterListener listener = new RouterListener() {
        @Override
        public void firstToken(String provider, Duration sinceStart) {
            events.add("first token from " + provider + " after " + sinceStart.toMillis() + " ms");
        }

        @Override
        public void switchedMidAnswer(String provider, String partialText) {
            events.add("switched from " + provider + " after '" + partialText + "'");
        }

        @Override
        public void answered(RoutedAnswer answer) {
            events.add("answered by " + answer.provider());
        }
    };

    @AfterEach
    void close() {
        f.close();
    }

    /** Records each chunk's text and moves the clock 40 ms per chunk, so time to first token is known. */
    private void chunk(ChatResponse c) {
        texts.add(c.message().content());
        f.ticker.advance(Duration.ofMillis(40));
    }

    @Test
    void tokensStreamFromTheCloudWhenOllamaIsDownWithTimeToFirstToken() {
        f.cloud.server.enqueue(sse(OPENAI_STREAM));
        ChatRouter router = f.router().listener(listener).provider(f.refusedLocal()).provider(f.cloud("cloud", f.cloud))
                .build();

        RoutedAnswer a = router.route(HELLO, this::chunk, Cancellation.create());

        assertThat(texts).containsExactly("Hello", " there", "");
        assertThat(a.response().message().content()).isEqualTo("Hello there");
        assertThat(a.response().done()).isTrue();
        assertThat(a.response().doneReason()).isEqualTo("stop");
        assertThat(a.provider()).isEqualTo("cloud");
        assertThat(a.timeToFirstToken()).as("the fake clock stood still until the first chunk")
                .isEqualTo(Duration.ZERO);
        assertThat(a.switchedMidAnswer()).isFalse();
        assertThat(events).containsExactly("first token from cloud after 0 ms", "answered by cloud");
    }

    @Test
    void tokensStreamFromOllamaWhenItIsUp() {
        f.ollama.server.enqueue(json(TAGS_LLAMA));
        f.ollama.server.enqueue(ndjson(OLLAMA_CHAT_STREAM));
        ChatRouter router = f.router().provider(f.local().build()).provider(f.cloud("cloud", f.cloud)).build();

        RoutedAnswer a = router.route(HELLO, this::chunk, Cancellation.create());

        assertThat(texts).containsExactly("Hel", "lo!", "");
        assertThat(a.response().message().content()).isEqualTo("Hello!");
        assertThat(a.provider()).isEqualTo("ollama");
        assertThat(a.response().stats().evalCount()).isEqualTo(282);
    }

    @Test
    void aStreamBrokenMidAnswerSurfacesWithWhatWasReceivedByDefault() {
        f.ollama.server.enqueue(json(TAGS_LLAMA));
        f.ollama.server.enqueue(ndjson(OLLAMA_CHAT_STREAM_BROKEN));
        ChatRouter router = f.router().provider(f.local().build()).provider(f.cloud("cloud", f.cloud)).build();

        RoutingException e = catchThrowableOfType(RoutingException.class,
                () -> router.route(HELLO, this::chunk, Cancellation.create()));

        assertThat(e.reason()).isEqualTo(FailureReason.BROKEN_STREAM);
        assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
        assertThat(e.partialText()).contains("Hello!");
        assertThat(e.getMessage()).contains("the answer broke off after 6 characters")
                .contains("ended before a chunk with \"done\": true");
        assertThat(texts).containsExactly("Hel", "lo!");
        assertThat(f.cloud.server.getRequestCount()).as("no switch unless asked").isZero();
    }

    @Test
    void switchingProvidersMidAnswerIsOptInAndMarked() {
        f.ollama.server.enqueue(json(TAGS_LLAMA));
        f.ollama.server.enqueue(ndjson(OLLAMA_CHAT_STREAM_BROKEN));
        f.cloud.server.enqueue(sse(OPENAI_STREAM));
        ChatRouter router = f.router().midStream(MidStreamPolicy.SWITCH_PROVIDER).listener(listener)
                .provider(f.local().build()).provider(f.cloud("cloud", f.cloud)).build();

        RoutedAnswer a = router.route(HELLO, this::chunk, Cancellation.create());

        assertThat(a.switchedMidAnswer()).isTrue();
        assertThat(a.provider()).isEqualTo("cloud");
        assertThat(a.response().message().content()).isEqualTo("Hello there");
        assertThat(a.attempts()).extracting(Attempt::reason).containsExactly(FailureReason.BROKEN_STREAM, null);
        assertThat(texts).containsExactly("Hel", "lo!", "Hello", " there", "");
        assertThat(a.timeToFirstToken()).as("to the answering provider's first text").isEqualTo(Duration.ofMillis(80));
        assertThat(events).containsExactly("first token from ollama after 0 ms", "switched from ollama after 'Hello!'",
                "first token from cloud after 80 ms", "answered by cloud");
    }

    @Test
    void aCloudStreamWithoutDoneIsBrokenToo() {
        String cut = OPENAI_STREAM.substring(0, OPENAI_STREAM.indexOf("data: [DONE]"));
        f.cloud.server.enqueue(sse(cut));
        ChatRouter router = f.router().provider(f.cloud("cloud", f.cloud)).build();

        RoutingException e = catchThrowableOfType(RoutingException.class,
                () -> router.route(HELLO, this::chunk, Cancellation.create()));

        assertThat(e.reason()).isEqualTo(FailureReason.BROKEN_STREAM);
        assertThat(e.partialText()).contains("Hello there");
        assertThat(e.getMessage()).contains("the stream ended before \"data: [DONE]\"");
    }

    @Test
    void anErrorEventInTheCloudStreamIsBroken() {
        String withError = OPENAI_STREAM.substring(0, OPENAI_STREAM.indexOf("data: {", 10))
                + "data: {\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}\n\n"
                + "data: {\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\",\"param\":null,\"code\":null}}\n\n";
        f.cloud.server.enqueue(sse(withError));
        ChatRouter router = f.router().provider(f.cloud("cloud", f.cloud)).build();

        RoutingException e = catchThrowableOfType(RoutingException.class,
                () -> router.route(HELLO, this::chunk, Cancellation.create()));

        assertThat(e.reason()).isEqualTo(FailureReason.BROKEN_STREAM);
        assertThat(e.partialText()).contains("Hel");
        assertThat(e.getMessage()).contains("The server had an error while processing your request.");
    }
}
