package io.p4n4.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.Closeable;
import java.io.IOException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A docker-java client built on first use. Reads (status, an up with nothing to do, a down of an absent
 * project) go through {@link EngineJson} and never build one; docker-java's client, its configuration and
 * the classes they load are a large part of the CLI's start-up. Thread-safe; {@link #close()} is idempotent
 * and closes only what was built.
 */
final class LazyDockerClient implements Closeable {
    private final String purpose;
    private final Supplier<DockerHttpClient> transport;
    private final boolean ownsTransport;
    private final Supplier<DockerClientConfig> config;
    private @Nullable DockerHttpClient http;
    private @Nullable DockerClient client;
    private boolean closed;

    /**
     * @param purpose what the client is for, for messages ("stream", "request")
     * @param ownsTransport whether {@link #close()} closes the transport (false when the engine shares it)
     */
    LazyDockerClient(String purpose, Supplier<DockerHttpClient> transport, boolean ownsTransport,
                     Supplier<DockerClientConfig> config) {
        this.purpose = purpose;
        this.transport = transport;
        this.ownsTransport = ownsTransport;
        this.config = config;
    }

    /** The client, built on the first call; fails after {@link #close()}. */
    synchronized DockerClient get() {
        DockerClient c = client;
        if (c == null) {
            c = DockerClientImpl.getInstance(config.get(), http());
            client = c;
        }
        return c;
    }

    /** The transport alone (for requests sent without docker-java), built on the first call. */
    synchronized DockerHttpClient http() {
        if (closed) {
            throw new IllegalStateException("the docker " + purpose + " client was closed");
        }
        DockerHttpClient h = http;
        if (h == null) {
            h = transport.get();
            http = h;
        }
        return h;
    }

    /** Whether {@link #get()} has built the client (for tests of what a read path loads). */
    synchronized boolean built() {
        return client != null;
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            // docker-java's client closes its transport itself
            if (http != null && ownsTransport && client == null) {
                http.close();
            }
            client = null;
            http = null;
        }
    }
}
