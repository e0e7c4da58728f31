package io.p4n4.clients.router;

import static io.p4n4.clients.router.ChatPayloads.OPENAI_COMPLETION;
import static io.p4n4.clients.router.ChatPayloads.json;
import static io.p4n4.clients.router.RouterFixture.HELLO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.ErrorCode;
import io.p4n4.clients.internal.http.Json;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What of a chat request reaches a chat-completions endpoint: applied under its OpenAI name, or refused by name. */
@Timeout(20)
class OpenAiRequestMappingTest {
    private final RouterFixture f = new RouterFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void optionsWithAnEquivalentAreSentUnderItsNameAndTheFormatAsResponseFormat() throws Exception {
        f.cloud.server.enqueue(json(OPENAI_COMPLETION));
        ChatRouter router = f.router().provider(f.cloud("cloud", f.cloud)).build();

        RoutedAnswer a = router.route(HELLO.withOptions(Map.of("temperature", 0.2, "num_predict", 64, "seed", 7))
                .withFormat("json"));

        assertThat(a.response().stats().promptEvalCount()).isEqualTo(9);
        assertThat(a.response().stats().evalCount()).isEqualTo(12);
        JsonNode body = Json.MAPPER.readTree(f.cloud.server.takeRequest().getBody().readUtf8());
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.get("seed").asInt()).isEqualTo(7);
        assertThat(body.has("num_predict")).isFalse();
        assertThat(body.at("/response_format/type").asText()).isEqualTo("json_object");
    }

    @Test
    void aJsonSchemaFormatIsSentAsAJsonSchemaResponseFormat() throws Exception {
        f.cloud.server.enqueue(json(OPENAI_COMPLETION));
        ChatRouter router = f.router().provider(f.cloud("cloud", f.cloud)).build();

        router.route(HELLO.withFormat("{\"type\":\"object\",\"properties\":{\"age\":{\"type\":\"integer\"}}}"));

        JsonNode body = Json.MAPPER.readTree(f.cloud.server.takeRequest().getBody().readUtf8());
        assertThat(body.at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(body.at("/response_format/json_schema/schema/properties/age/type").asText()).isEqualTo("integer");
    }

    @Test
    void anOptionWithoutEquivalentIsRefusedByNameAndNothingIsSent() {
        ChatRouter router = f.router().provider(f.cloud("cloud", f.cloud)).provider(f.cloud("other", f.cloud2)).build();

        RoutingException e = catchThrowableOfType(RoutingException.class,
                () -> router.route(HELLO.withOptions(Map.of("num_ctx", 8192))));

        assertThat(e.code()).isEqualTo(ErrorCode.USER);
        assertThat(e.reason()).isEqualTo(FailureReason.OTHER);
        assertThat(e.getMessage()).contains("cloud: option 'num_ctx' has no chat-completions equivalent")
                .contains("those that have: [frequency_penalty, num_predict,").doesNotContain(RouterFixture.KEY);
        assertThat(f.cloud.server.getRequestCount()).isZero();
        assertThat(f.cloud2.server.getRequestCount()).as("it would fail there too").isZero();
    }
}
