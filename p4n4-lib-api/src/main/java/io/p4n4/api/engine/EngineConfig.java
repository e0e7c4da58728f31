package io.p4n4.api.engine;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach an engine.
 *
 * @param endpoint {@code unix:///path/to.sock} or {@code tcp://host:port}
 * @param connectTimeout how long connecting may take
 * @param readTimeout how long one non-streaming request may take
 */
public record EngineConfig(URI endpoint, Duration connectTimeout, Duration readTimeout) {

    /** Connect timeout unless set: 5 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Read timeout unless set: 120 s (a stop may take its full grace period). */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(120);

    public EngineConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        readTimeout = readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
        String scheme = endpoint.getScheme();
        if (!"unix".equals(scheme) && !"tcp".equals(scheme) && !"http".equals(scheme)) {
            throw new IllegalArgumentException("engine endpoint must be unix://, tcp:// or http://, not " + endpoint);
        }
    }

    /** The engine at {@code endpoint} with default timeouts. */
    public static EngineConfig of(URI endpoint) {
        return new EngineConfig(endpoint, null, null);
    }

    /** Parses {@code unix:///run/docker.sock} or {@code tcp://127.0.0.1:2375}; a bare path means unix. */
    public static EngineConfig parse(String endpoint) {
        String e = endpoint.trim();
        return of(URI.create(e.startsWith("/") ? "unix://" + e : e));
    }

    /** Returns a copy with another read timeout. */
    public EngineConfig withReadTimeout(Duration readTimeout) {
        return new EngineConfig(endpoint, connectTimeout, readTimeout);
    }

    /** The socket path for a {@code unix://} endpoint. */
    public String socketPath() {
        if (!"unix".equals(endpoint.getScheme())) {
            throw new IllegalStateException("not a unix socket endpoint: " + endpoint);
        }
        return endpoint.getPath();
    }
}
