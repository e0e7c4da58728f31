package io.p4n4.clients;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.RetryPolicy;
import io.p4n4.clients.internal.http.HttpService;
import io.p4n4.clients.internal.openai.OpenAiChatProvider;
import io.p4n4.clients.router.ChatProvider;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds an OpenAI-compatible chat-completions endpoint as a {@link ChatProvider} for a
 * {@link io.p4n4.clients.router.ChatRouter}: base URL up to {@code /v1} (e.g. {@code https://host/v1}; the
 * provider posts to {@code <base>/chat/completions}), the model to ask for, and the API key, sent as
 * {@code Authorization: Bearer} and never shown. Defaults: id = the URL's host, read timeout 120 s, and no
 * retries ({@link RetryPolicy#none()}: the router fails over instead).
 */
public final class OpenAiChatBuilder extends ClientBuilder<OpenAiChatBuilder, ChatProvider> {
    private @Nullable String id;
    private @Nullable String model;
    private @Nullable String apiKey;

    OpenAiChatBuilder(ClientFactory owner) {
        super(owner, "openai-compatible", "https://api.openai.com/v1", Duration.ofSeconds(120));
        retryPolicy(RetryPolicy.none());
    }

    /** Sets the provider's id in routing records (default: the base URL's host). */
    public OpenAiChatBuilder id(String value) {
        this.id = Objects.requireNonNull(value, "id");
        return this;
    }

    /** Sets the model to ask for, e.g. {@code gpt-4o-mini} (required). */
    public OpenAiChatBuilder model(String value) {
        this.model = Objects.requireNonNull(value, "model");
        return this;
    }

    /** Sets the API key (none by default: local OpenAI-compatible servers often need none). */
    public OpenAiChatBuilder apiKey(@Nullable String value) {
        this.apiKey = value == null || value.isBlank() ? null : value;
        return this;
    }

    /** Builds the provider; USER error without a model. */
    @Override
    public ChatProvider build() {
        HttpService.Builder b = http();
        if (model == null || model.isBlank()) {
            throw new P4n4Exception(ErrorCode.USER, "OpenAI-compatible provider" + (id == null ? "" : " '" + id + "'")
                    + ": no model set; give one with model(...) (P4N4_LLM_FALLBACK_MODEL in a project's .env)");
        }
        if (apiKey != null) {
            b.credentialHeader("Authorization", "Bearer " + apiKey, apiKey);
        }
        HttpService http = b.build();
        return new OpenAiChatProvider(id == null ? http.baseUrl().host() : id, model, http);
    }

    @Override
    public String toString() {
        return "OpenAiChatBuilder[id=" + id + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "***") + "]";
    }
}
