package io.p4n4.clients;

import io.p4n4.api.clients.RetryPolicy;
import io.p4n4.clients.internal.http.HttpService;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What every client builder configures: base URL, timeouts and retry policy. Builders come from
 * {@link ClientFactory} and share its connection pool. Not thread-safe; the built clients are.
 *
 * <p>Sealed: the builders of this library are its only subclasses (use the type to configure any of them,
 * e.g. {@code <B extends ClientBuilder<B, ?>> B applyTo(B builder)}); how they reach the HTTP layer is
 * internal and may change.
 *
 * @param <B> the concrete builder
 * @param <C> the client it builds
 */
public abstract sealed class ClientBuilder<B extends ClientBuilder<B, C>, C>
        permits OllamaClientBuilder, LettaClientBuilder, EdgeImpulseClientBuilder, InfluxClientBuilder,
        OpenAiChatBuilder {
    private final ClientFactory owner;
    private final String service;
    private String baseUrl;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout;
    private @Nullable Duration callTimeout;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();

    /**
     * Starts a builder.
     *
     * @param owner the factory whose pool the client shares
     * @param service the service name used in messages
     * @param defaultUrl the base URL unless {@link #baseUrl(String)} changes it
     * @param defaultReadTimeout the read timeout unless changed (long for generation, short for metadata)
     */
    ClientBuilder(ClientFactory owner, String service, String defaultUrl, Duration defaultReadTimeout) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.service = service;
        this.baseUrl = defaultUrl;
        this.readTimeout = defaultReadTimeout;
    }

    /** Sets the base URL, e.g. {@code http://localhost:11434}. */
    public B baseUrl(String value) {
        this.baseUrl = Objects.requireNonNull(value, "baseUrl");
        return self();
    }

    /** Sets the time allowed to connect (default 5 s). */
    public B connectTimeout(Duration value) {
        this.connectTimeout = Objects.requireNonNull(value, "connectTimeout");
        return self();
    }

    /** Sets the longest silence while reading a response, also between streamed chunks. */
    public B readTimeout(Duration value) {
        this.readTimeout = Objects.requireNonNull(value, "readTimeout");
        return self();
    }

    /** Sets an upper bound for whole non-streaming calls (none by default, or {@code null}: none). */
    public B callTimeout(@Nullable Duration value) {
        this.callTimeout = value;
        return self();
    }

    /** Sets the retry policy for idempotent calls (default {@link RetryPolicy#defaults()}). */
    public B retryPolicy(RetryPolicy value) {
        this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
        return self();
    }

    /** Builds the client. */
    public abstract C build();

    /**
     * Returns the HTTP layer configured with this builder's settings, for {@link #build()}. Package-private:
     * the HTTP layer is internal, and every builder lives in this package.
     */
    HttpService.Builder http() {
        owner.ensureOpen();
        HttpService.Builder b = HttpService.builder(service, owner.okHttp()).baseUrl(baseUrl)
                .connectTimeout(connectTimeout).readTimeout(readTimeout).retryPolicy(retryPolicy);
        if (callTimeout != null) {
            b.callTimeout(callTimeout);
        }
        return b;
    }

    /** Returns the project's endpoints, for builders that read credentials. */
    ProjectEndpointConfig endpoints() {
        return owner.endpoints();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
