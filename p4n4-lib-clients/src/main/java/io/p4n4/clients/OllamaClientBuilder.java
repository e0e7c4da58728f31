package io.p4n4.clients;

import io.p4n4.api.clients.ollama.OllamaClient;
import io.p4n4.clients.internal.ollama.HttpOllamaClient;
import java.time.Duration;

/**
 * Builds an {@link OllamaClient}. Default base URL from the project ({@code http://localhost:11434});
 * default read timeout 120 s, because a model may take that long to load before the first token.
 */
public final class OllamaClientBuilder extends ClientBuilder<OllamaClientBuilder, OllamaClient> {

    OllamaClientBuilder(ClientFactory owner) {
        super(owner, "ollama", owner.endpoints().ollamaUrl(), Duration.ofSeconds(120));
    }

    @Override
    public OllamaClient build() {
        return new HttpOllamaClient(http().build());
    }
}
