package io.p4n4.clients.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.ServiceException;
import io.p4n4.api.clients.Cancellation;
import io.p4n4.api.clients.RetryPolicy;
import io.p4n4.clients.testing.LeakCheckedServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class HttpServiceTest {
    private static final String TOKEN = "s3cr3t-token-value";

    private final LeakCheckedServer mock = new LeakCheckedServer();
    private final List<Duration> sleeps = new ArrayList<>();

    @AfterEach
    void close() {
        mock.close();
    }

    private HttpService service(RetryPolicy policy) {
        return HttpService.builder("demo", mock.client).baseUrl(mock.url())
                .credentialHeader("Authorization", "Bearer " + TOKEN, TOKEN)
                .retryPolicy(policy).sleeper(sleeps::add).readTimeout(Duration.ofMillis(500)).build();
    }

    @Test
    void getReturnsJsonAndSendsCredentialAndQuery() throws Exception {
        mock.server.enqueue(new MockResponse().setBody("{\"a\":1}"));
        JsonNode node = service(RetryPolicy.none()).get("/api/x").query("limit", 5).json();
        assertThat(node.get("a").asInt()).isEqualTo(1);
        RecordedRequest r = mock.server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getPath()).isEqualTo("/api/x?limit=5");
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void postSendsJsonBody() throws Exception {
        mock.server.enqueue(new MockResponse().setBody("{}"));
        service(RetryPolicy.none()).post("api/y").json(Json.object().put("k", "v")).discard();
        RecordedRequest r = mock.server.takeRequest();
        assertThat(r.getBody().readUtf8()).isEqualTo("{\"k\":\"v\"}");
        assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    }

    @Test
    void notFoundIsUserErrorWithServerMessageServiceAndPath() {
        mock.server.enqueue(new MockResponse().setResponseCode(404).setBody("{\"error\":\"model 'x' not found\"}"));
        assertThatThrownBy(() -> service(RetryPolicy.defaults()).get("/api/show").query("token", TOKEN).json())
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USER);
                    assertThat(e.service()).isEqualTo("demo");
                    assertThat(e.method()).isEqualTo("GET");
                    assertThat(e.path()).isEqualTo("/api/show");
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.serverMessage()).hasValue("model 'x' not found");
                    assertThat(e.getMessage()).contains("demo GET http://").contains("/api/show")
                            .contains("model 'x' not found").doesNotContain("?").doesNotContain(TOKEN);
                });
        assertThat(sleeps).as("4xx is not retried").isEmpty();
    }

    @Test
    void badRequestAndUnprocessableAreValidationErrors() {
        mock.server.enqueue(new MockResponse().setResponseCode(400).setBody("features length mismatch"));
        mock.server.enqueue(new MockResponse().setResponseCode(422)
                .setBody("{\"detail\":[{\"loc\":[\"body\",\"name\"],\"msg\":\"field required\",\"type\":\"missing\"}]}"));
        HttpService s = service(RetryPolicy.none());
        assertThatThrownBy(() -> s.post("/a").discard()).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(e.serverMessage()).hasValue("features length mismatch");
        });
        assertThatThrownBy(() -> s.post("/b").discard()).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(e.serverMessage().orElseThrow()).contains("field required").contains("name");
        });
    }

    @Test
    void unauthorizedNeverShowsTheTokenEvenWhenTheServerEchoesIt() {
        mock.server.enqueue(new MockResponse().setResponseCode(401)
                .setBody("{\"detail\":\"Invalid password: " + TOKEN + "\"}"));
        assertThatThrownBy(() -> service(RetryPolicy.defaults()).get("/v1/agents").json())
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USER);
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("credentials").doesNotContain(TOKEN);
                    assertThat(e.toString()).doesNotContain(TOKEN);
                    assertThat(e.serverMessage().orElseThrow()).contains("***").doesNotContain(TOKEN);
                });
    }

    @Test
    void serviceUnavailableIsRetriedHonouringRetryAfter() throws Exception {
        mock.server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "2")
                .setBody("{\"error\":\"busy\"}"));
        mock.server.enqueue(new MockResponse().setBody("{\"ok\":true}"));
        JsonNode node = service(RetryPolicy.of(3, Duration.ofMillis(10), Duration.ofSeconds(5))).get("/h").json();
        assertThat(node.get("ok").asBoolean()).isTrue();
        assertThat(mock.server.getRequestCount()).isEqualTo(2);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void retryAfterIsCappedByMaxDelay() {
        mock.server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600"));
        mock.server.enqueue(new MockResponse().setBody("{}"));
        service(RetryPolicy.of(2, Duration.ofMillis(10), Duration.ofSeconds(1))).get("/h").json();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void persistentServerErrorsEndAsNetworkErrorAfterAllAttempts() {
        for (int i = 0; i < 3; i++) {
            mock.server.enqueue(new MockResponse().setResponseCode(500).setBody("{\"error\":\"boom\"}"));
        }
        assertThatThrownBy(() -> service(RetryPolicy.of(3, Duration.ofMillis(100), Duration.ofSeconds(1)))
                .get("/h").json()).isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.serverMessage()).hasValue("boom");
                });
        assertThat(mock.server.getRequestCount()).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(80), Duration.ofMillis(100));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(160), Duration.ofMillis(200));
    }

    @Test
    void nonIdempotentPostIsNotRetriedOnServerError() {
        mock.server.enqueue(new MockResponse().setResponseCode(503));
        assertThatThrownBy(() -> service(RetryPolicy.defaults()).post("/gen").discard())
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NETWORK));
        assertThat(mock.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void connectionRefusedIsNetworkErrorNamingServiceAndUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        HttpService s = HttpService.builder("ollama", mock.client).baseUrl("http://user:pw@127.0.0.1:" + port)
                .retryPolicy(RetryPolicy.of(2, Duration.ZERO, Duration.ZERO)).sleeper(sleeps::add).build();
        assertThatThrownBy(() -> s.post("/api/generate").query("key", "hidden").discard())
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
                    assertThat(e.status()).isZero();
                    assertThat(e.getMessage()).contains("ollama POST http://127.0.0.1:" + port + "/api/generate")
                            .contains("connection refused").doesNotContain("pw").doesNotContain("hidden");
                });
        assertThat(sleeps).as("refused connections are retried even for POST").hasSize(1);
    }

    @Test
    void slowServerTimesOutAsNetworkError() {
        for (int i = 0; i < 2; i++) {
            mock.server.enqueue(new MockResponse().setBody("{}").setHeadersDelay(2, TimeUnit.SECONDS));
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> service(RetryPolicy.of(2, Duration.ZERO, Duration.ZERO)).get("/slow").json())
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
                    assertThat(e.getMessage()).contains("timed out");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(mock.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void malformedJsonIsNetworkErrorSayingSo() {
        mock.server.enqueue(new MockResponse().setBody("<html>not json</html>"));
        assertThatThrownBy(() -> service(RetryPolicy.none()).get("/api/tags").json())
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
                    assertThat(e.status()).isEqualTo(200);
                    assertThat(e.getMessage()).contains("not the JSON demo sends");
                });
    }

    @Test
    void ndjsonStreamsLineByLineAndReusesTheConnection() {
        mock.server.enqueue(new MockResponse().setChunkedBody("{\"n\":1}\n{\"n\":2}\n\n{\"n\":3}\n", 5));
        mock.server.enqueue(new MockResponse().setBody("{}"));
        HttpService s = service(RetryPolicy.none());
        try (Stream<Integer> items = s.post("/s").ndjson().stream(n -> n.get("n").asInt())) {
            assertThat(items.collect(Collectors.toList())).containsExactly(1, 2, 3);
        }
        s.get("/again").json();
        assertThat(mock.server.getRequestCount()).isEqualTo(2);
        assertThat(mock.pool.connectionCount()).isEqualTo(1);
    }

    @Test
    void closingAStreamEarlyClosesItsConnection() {
        mock.server.enqueue(new MockResponse().setChunkedBody("{\"n\":1}\n{\"n\":2}\n", 64)
                .setSocketPolicy(SocketPolicy.KEEP_OPEN));
        try (HttpStream<JsonNode> stream = service(RetryPolicy.none()).post("/s").ndjson()) {
            assertThat(stream.next().get("n").asInt()).isEqualTo(1);
        }
        mock.assertNoLeakedConnections();
    }

    @Test
    void cancellingFromAnotherThreadUnblocksTheReader() throws Exception {
        // after the first line the body stalls for 10 s: only cancellation can stop the reader quickly
        mock.server.enqueue(new MockResponse().setChunkedBody("{\"n\":1}\n{\"n\":2}\n", 64)
                .throttleBody(8, 10, TimeUnit.SECONDS));
        HttpService s = HttpService.builder("demo", mock.client).baseUrl(mock.url())
                .retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofSeconds(30)).build();
        Cancellation cancel = Cancellation.create();
        new Thread(() -> {
            sleepQuietly(300);
            cancel.cancel();
        }).start();
        long start = System.nanoTime();
        assertThatThrownBy(() -> {
            try (HttpStream<JsonNode> stream = s.post("/s").cancellation(cancel).ndjson()) {
                while (stream.next() != null) {
                    // drain until cancelled
                }
            }
        }).isInstanceOf(CancellationException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void disconnectMidStreamIsNetworkError() {
        mock.server.enqueue(new MockResponse().setChunkedBody("{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n", 4)
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        List<Integer> seen = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (HttpStream<JsonNode> stream = service(RetryPolicy.none()).post("/s").ndjson()) {
                JsonNode n;
                while ((n = stream.next()) != null) {
                    seen.add(n.get("n").asInt());
                }
            }
        }).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
            assertThat(e.getMessage()).contains("demo POST");
        });
        assertThat(seen.size()).isLessThan(3);
    }

    @Test
    void streamThatFallsSilentTimesOutAsNetworkErrorWithoutLeak() {
        // first line at once, then 3 s of silence: longer than the 500 ms read timeout
        mock.server.enqueue(new MockResponse().setChunkedBody("{\"n\":1}\n{\"n\":2}\n", 64)
                .throttleBody(8, 3, TimeUnit.SECONDS));
        long start = System.nanoTime();
        assertThatThrownBy(() -> {
            try (HttpStream<JsonNode> stream = service(RetryPolicy.none()).post("/s").ndjson()) {
                while (stream.next() != null) {
                    // read until the silence
                }
            }
        }).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.getMessage()).contains("demo POST").contains("timeout");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void serverSentEventsAreParsedSkippingPings() {
        String body = ": ping\n\nevent: update\ndata: {\"a\":1}\n\ndata: line1\ndata: line2\nid: 7\n\ndata: [DONE]\n\n";
        mock.server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream").setChunkedBody(body, 7));
        List<SseEvent> events;
        try (HttpStream<SseEvent> stream = service(RetryPolicy.none()).post("/sse").sse()) {
            events = stream.stream(e -> e).collect(Collectors.toList());
        }
        assertThat(events).containsExactly(new SseEvent("update", "{\"a\":1}", null),
                new SseEvent("message", "line1\nline2", "7"), new SseEvent("message", "[DONE]", null));
    }

    @Test
    void malformedBaseUrlIsUserError() {
        assertThatThrownBy(() -> HttpService.builder("letta", mock.client).baseUrl("localhost:8283?password=x").build())
                .isInstanceOfSatisfying(io.p4n4.api.P4n4Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USER);
                    assertThat(e.getMessage()).contains("letta").doesNotContain("password=x");
                });
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
