package io.p4n4.clients;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One declared OpenAI-compatible fallback provider, before it is built: where it was declared (for
 * messages), its id, base URL, model and API key. {@code toString()} never shows the key.
 *
 * @param source where it was declared, e.g. {@code .env} or {@code llm.toml:3}
 * @param id the provider id, or {@code null} for the URL's host
 * @param url the base URL up to {@code /v1}
 * @param model the model
 * @param apiKey the API key, or {@code null}
 */
record FallbackDeclaration(String source, @Nullable String id, String url, String model, @Nullable String apiKey) {

    FallbackDeclaration {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(model, "model");
    }

    @Override
    public String toString() {
        return "FallbackDeclaration[source=" + source + ", id=" + id + ", url=" + url + ", model=" + model
                + ", apiKey=" + (apiKey == null ? "none" : "***") + "]";
    }
}
