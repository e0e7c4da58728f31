package io.p4n4.clients;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.clients.router.ChatProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Builds the service clients of one program. Every client built here shares one connection pool
 * and dispatcher, so keep one {@code ClientFactory} per program (or per project) and close it at
 * the end. Thread-safe; {@code close()} is idempotent, and clients built from a closed factory fail.
 *
 * <pre>{@code
 * try (ClientFactory clients = ClientFactory.create()) {
 *     OllamaClient ollama = clients.ollama().baseUrl("http://gpu-box:11434").build();
 *     ollama.models().forEach(m -> System.out.println(m.name()));
 * }
 * }</pre>
 */
public final class ClientFactory implements AutoCloseable {
    private final ConnectionPool pool;
    private final OkHttpClient okHttp;
    private final ProjectEndpointConfig endpoints;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ClientFactory(ProjectEndpointConfig endpoints, int maxIdleConnections, long keepAliveSeconds) {
        this.endpoints = endpoints;
        this.pool = new ConnectionPool(maxIdleConnections, keepAliveSeconds, TimeUnit.SECONDS);
        this.okHttp = new OkHttpClient.Builder().connectionPool(pool).retryOnConnectionFailure(true).build();
    }

    /** A factory whose clients default to the services on {@code localhost} at their standard ports. */
    public static ClientFactory create() {
        return new ClientFactory(ProjectEndpointConfig.defaults(), 10, 300);
    }

    /**
     * A factory whose clients default to the endpoints and credentials of the p4n4 project containing
     * {@code projectDir} (see {@link ProjectEndpointConfig}).
     */
    public static ClientFactory fromProject(Path projectDir) {
        return new ClientFactory(ProjectEndpointConfig.read(projectDir), 10, 300);
    }

    /** A factory with explicit endpoint defaults. */
    public static ClientFactory of(ProjectEndpointConfig endpoints) {
        return new ClientFactory(endpoints, 10, 300);
    }

    /** Starts an Ollama client builder. */
    public OllamaClientBuilder ollama() {
        return new OllamaClientBuilder(this);
    }

    /** Starts a Letta client builder. */
    public LettaClientBuilder letta() {
        return new LettaClientBuilder(this);
    }

    /** Starts an Edge Impulse runner client builder. */
    public EdgeImpulseClientBuilder edgeImpulse() {
        return new EdgeImpulseClientBuilder(this);
    }

    /** Starts an InfluxDB 2 client builder. */
    public InfluxClientBuilder influx() {
        return new InfluxClientBuilder(this);
    }

    /**
     * Starts an MQTT client builder (broker, credentials from the project's {@code .env}). MQTT clients hold
     * their own connection, not one of the shared pool; close each one.
     */
    public MqttClientBuilder mqtt() {
        return new MqttClientBuilder(this);
    }

    /**
     * Starts a builder of an OpenAI-compatible chat-completions endpoint, a fallback provider of a
     * {@link io.p4n4.clients.router.ChatRouter}.
     */
    public OpenAiChatBuilder openAiCompatible() {
        return new OpenAiChatBuilder(this);
    }

    /**
     * The fallback providers the project declares in its {@code .env}: {@code P4N4_LLM_FALLBACK_URL}
     * (OpenAI-compatible base URL, e.g. {@code https://host/v1}), {@code P4N4_LLM_FALLBACK_MODEL} and
     * {@code P4N4_LLM_FALLBACK_API_KEY} (optional). Empty when none is declared; VALIDATION error naming the
     * missing key when only part of it is.
     */
    public List<ChatProvider> fallbackProviders() {
        return FallbackDeclarations.fromEnv(endpoints).stream().map(this::build).toList();
    }

    /**
     * The {@code .env}'s fallback provider (if declared), then those of {@code providersFile}, a TOML file of
     * {@code [[provider]]} tables with {@code id} (optional), {@code url}, {@code model} and {@code api_key_env}
     * (the name of the key in the project's {@code .env} or the environment). USER error naming file, line
     * and key for anything the file gets wrong.
     */
    public List<ChatProvider> fallbackProviders(Path providersFile) {
        List<ChatProvider> out = new ArrayList<>(fallbackProviders());
        FallbackDeclarations.fromToml(providersFile, name -> endpoints.value(name).orElseGet(() -> System.getenv(name)))
                .forEach(d -> out.add(build(d)));
        return List.copyOf(out);
    }

    private ChatProvider build(FallbackDeclaration d) {
        OpenAiChatBuilder b = openAiCompatible().baseUrl(d.url()).model(d.model()).apiKey(d.apiKey());
        return d.id() == null ? b.build() : b.id(d.id()).build();
    }

    /** Returns the endpoint defaults the builders start from. */
    public ProjectEndpointConfig endpoints() {
        return endpoints;
    }

    /** Returns how many connections the shared pool holds (diagnostics). */
    public int connectionCount() {
        return pool.connectionCount();
    }

    /** Returns how many of them are idle; fewer than {@link #connectionCount()} means calls in flight. */
    public int idleConnectionCount() {
        return pool.idleConnectionCount();
    }

    OkHttpClient okHttp() {
        return okHttp;
    }

    void ensureOpen() {
        if (closed.get()) {
            throw new P4n4Exception(ErrorCode.GENERAL, "this ClientFactory was closed; create a new one");
        }
    }

    /** Closes pooled connections and stops the dispatcher threads. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            okHttp.dispatcher().executorService().shutdown();
            pool.evictAll();
        }
    }
}
