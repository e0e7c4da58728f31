package io.p4n4.clients.router;

import static io.p4n4.clients.router.ChatPayloads.error;
import static io.p4n4.clients.router.RouterFixture.HELLO;
import static io.p4n4.clients.router.RouterFixture.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.p4n4.api.clients.Cancellation;
import io.p4n4.clients.ClientFactory;
import io.p4n4.clients.OpenAiChatBuilder;
import io.p4n4.testkit.logging.CapturedLogs;
import io.p4n4.testkit.logging.CapturingServiceProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** The API key reaches the endpoint and nothing else: not a message, not a log line (all at TRACE), not toString(). */
@Timeout(20)
class ApiKeyNeverShownTest {
    /** A compatible server that echoes the key it refused, as some do. */
    private static final String ECHOED_KEY = """
            {"error":{"message":"Incorrect API key provided: %s. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"""
            .formatted(KEY);
    private final RouterFixture f = new RouterFixture();

    @AfterEach
    void close() {
        CapturedLogs.stop();
        f.close();
    }

    @Test
    void theKeyIsInNoExceptionNoLogLineAndNoToString() {
        assertThat(LoggerFactory.getILoggerFactory().getClass().getName())
                .as("the capturing SLF4J binding is the one in use").startsWith(CapturingServiceProvider.class.getName());
        CapturedLogs.start();
        f.cloud.server.enqueue(error(401, ECHOED_KEY));
        f.cloud.server.enqueue(error(401, ECHOED_KEY));
        f.cloud2.server.enqueue(error(503, ECHOED_KEY));
        f.cloud2.server.enqueue(error(401, ECHOED_KEY));
        ChatProvider a = f.cloud("a", f.cloud);
        ChatProvider b = f.cloud("b", f.cloud2);
        ChatRouter router = f.router().provider(f.refusedLocal()).provider(a).provider(b).build();

        RoutingException whole = catchThrowableOfType(RoutingException.class, () -> router.route(HELLO));
        RoutingException streamed = catchThrowableOfType(RoutingException.class,
                () -> router.route(HELLO, c -> { }, Cancellation.create()));
        List<String> lines = CapturedLogs.stop();

        assertThat(whole.attempts()).extracting(Attempt::reason).containsExactly(FailureReason.REFUSED,
                FailureReason.AUTH_REJECTED, FailureReason.SERVER_ERROR);
        assertThat(streamed.attempts()).extracting(Attempt::reason).containsExactly(FailureReason.REFUSED,
                FailureReason.AUTH_REJECTED, FailureReason.AUTH_REJECTED);
        assertThat(whole.getMessage()).contains("Incorrect API key provided: ***");
        assertThat(lines).as("the router and HTTP layer did log").isNotEmpty()
                .anyMatch(l -> l.contains("/v1/chat/completions"));
        assertThat(lines).noneMatch(l -> l.contains(KEY));
        assertThat(trace(whole)).doesNotContain(KEY);
        assertThat(trace(streamed)).doesNotContain(KEY);
        assertThat(a.toString()).doesNotContain(KEY).contains("a").contains("gpt-4o-mini");
    }

    @Test
    void theBuildersToStringMasksTheKey() {
        try (ClientFactory clients = ClientFactory.create()) {
            OpenAiChatBuilder b = clients.openAiCompatible().baseUrl(f.cloud.url() + "/v1").model("gpt-4o-mini")
                    .apiKey(KEY);
            assertThat(b.toString()).doesNotContain(KEY).contains("apiKey=***");
            assertThat(b.build().toString()).doesNotContain(KEY);
        }
    }

    private static String trace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
