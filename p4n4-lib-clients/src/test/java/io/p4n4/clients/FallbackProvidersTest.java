package io.p4n4.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.ollama.ChatMessage;
import io.p4n4.api.clients.ollama.ChatRequest;
import io.p4n4.clients.router.ChatCall;
import io.p4n4.clients.router.ChatProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fallback providers declared in the project's .env (P4N4_LLM_FALLBACK_*) and in a TOML file. */
class FallbackProvidersTest {
    private static final String COMPLETION = """
            {"id":"chatcmpl-123","object":"chat.completion","created":1677652288,"model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"Hi!"},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}""";
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        server.shutdown();
    }

    private static ChatRequest hello() {
        return ChatRequest.of("llama3.2", List.of(ChatMessage.user("Hi")));
    }

    @Test
    void theEnvDeclaresOneProviderThatSendsItsKeyAndModel() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(COMPLETION));
        Files.writeString(dir.resolve(".p4n4.json"), "{}");
        Files.writeString(dir.resolve(".env"), "P4N4_LLM_FALLBACK_URL=" + server.url("/v1") + "\n"
                + "P4N4_LLM_FALLBACK_MODEL=gpt-4o-mini\nP4N4_LLM_FALLBACK_API_KEY=sk-test-123\n");
        try (ClientFactory clients = ClientFactory.fromProject(dir)) {
            List<ChatProvider> providers = clients.fallbackProviders();

            assertThat(providers).singleElement().satisfies(p -> {
                assertThat(p.id()).isEqualTo(server.getHostName());
                assertThat(p.model(hello())).isEqualTo("gpt-4o-mini");
                assertThat(p.chat(hello(), ChatCall.whole()).message().content()).isEqualTo("Hi!");
            });
        }
        RecordedRequest r = server.takeRequest();
        assertThat(r.getPath()).isEqualTo("/v1/chat/completions");
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer sk-test-123");
    }

    @Test
    void noDeclarationMeansNoFallback() {
        try (ClientFactory clients = ClientFactory.of(ProjectEndpointConfig.of(Map.of()))) {
            assertThat(clients.fallbackProviders()).isEmpty();
        }
    }

    @Test
    void aHalfDeclaredProviderIsRefusedNamingTheMissingKey() {
        try (ClientFactory clients = ClientFactory.of(ProjectEndpointConfig.of(Map.of(
                "P4N4_LLM_FALLBACK_URL", "https://host/v1")))) {
            P4n4Exception e = catchThrowableOfType(P4n4Exception.class, clients::fallbackProviders);
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(e.getMessage()).contains("P4N4_LLM_FALLBACK_URL is set but P4N4_LLM_FALLBACK_MODEL is not");
        }
        try (ClientFactory clients = ClientFactory.of(ProjectEndpointConfig.of(Map.of(
                "P4N4_LLM_FALLBACK_API_KEY", "sk-never-shown")))) {
            P4n4Exception e = catchThrowableOfType(P4n4Exception.class, clients::fallbackProviders);
            assertThat(e.getMessage()).contains("P4N4_LLM_FALLBACK_API_KEY is set but").doesNotContain("sk-never-shown");
        }
    }

    @Test
    void aTomlFileDeclaresMoreProvidersAfterTheEnvsOne() throws Exception {
        Path toml = Files.writeString(dir.resolve("llm-providers.toml"), """
                [[provider]]
                id = "openrouter"
                url = "https://openrouter.ai/api/v1"
                model = "meta-llama/llama-3.1-8b-instruct"
                api_key_env = "OPENROUTER_API_KEY"

                [[provider]]
                id = "lan-vllm"
                url = "http://10.0.0.5:8000/v1"
                model = "qwen2.5-7b-instruct"
                """);
        try (ClientFactory clients = ClientFactory.of(ProjectEndpointConfig.of(Map.of(
                "P4N4_LLM_FALLBACK_URL", "https://api.openai.com/v1", "P4N4_LLM_FALLBACK_MODEL", "gpt-4o-mini",
                "OPENROUTER_API_KEY", "sk-or-v1-abc")))) {
            List<ChatProvider> providers = clients.fallbackProviders(toml);

            assertThat(providers).extracting(ChatProvider::id).containsExactly("api.openai.com", "openrouter", "lan-vllm");
            assertThat(providers).extracting(p -> p.model(hello())).containsExactly("gpt-4o-mini",
                    "meta-llama/llama-3.1-8b-instruct", "qwen2.5-7b-instruct");
        }
    }

    @Test
    void aKeyWrittenInTheTomlFileIsRefusedByNameAndLine() throws Exception {
        Path toml = Files.writeString(dir.resolve("p.toml"), """
                [[provider]]
                url = "https://host/v1"
                model = "m"
                api_key = "sk-in-a-file"
                """);
        InvalidFileException e = refusal(toml);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("p.toml:4").contains("[api_key]").contains("api_key_env")
                .doesNotContain("sk-in-a-file");
    }

    @Test
    void unknownKeysMissingModelsAndUnsetKeyNamesAreRefusedByName() throws Exception {
        assertThat(refusal(Files.writeString(dir.resolve("a.toml"), """
                [[provider]]
                url = "https://host/v1"
                model = "m"
                temperature = 0.2
                """)).getMessage()).contains("a.toml:4").contains("[temperature]").contains("unknown key");
        assertThat(refusal(Files.writeString(dir.resolve("b.toml"), """
                [[provider]]
                url = "https://host/v1"
                """)).getMessage()).contains("[model]").contains("missing");
        assertThat(refusal(Files.writeString(dir.resolve("c.toml"), """
                [[provider]]
                url = "https://host/v1"
                model = "m"
                api_key_env = "NOT_SET_ANYWHERE_P4N4_TEST"
                """)).getMessage()).contains("names NOT_SET_ANYWHERE_P4N4_TEST, which is set neither");
        assertThat(refusal(Files.writeString(dir.resolve("d.toml"), """
                [provider]
                url = "https://host/v1"
                """)).getMessage()).contains("declares no provider");
    }

    private static InvalidFileException refusal(Path toml) {
        try (ClientFactory clients = ClientFactory.create()) {
            InvalidFileException e = catchThrowableOfType(InvalidFileException.class, () -> clients.fallbackProviders(toml));
            assertThat(e.code()).isEqualTo(ErrorCode.USER);
            return e;
        }
    }
}
