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
 * The docker-java client for streams (events, followed logs, pulls, builds), built on first use: most
 * commands (status, down, an up with nothing to pull) never stream, and building a transport and a client
 * is a measurable part of start-up. Thread-safe; {@link #close()} is idempotent and closes only what was built.
 */
final class LazyStreamClient implements Closeable {
    private final Supplier<DockerHttpClient> transport;
    private final DockerClientConfig config;
    private @Nullable DockerHttpClient http;
    private @Nullable DockerClient client;
    private boolean closed;

    LazyStreamClient(Supplier<DockerHttpClient> transport, DockerClientConfig config) {
        this.transport = transport;
        this.config = config;
    }

    /** The client, built on the first call; fails after {@link #close()}. */
    synchronized DockerClient get() {
        if (closed) {
            throw new IllegalStateException("the docker stream client was closed");
        }
        DockerClient c = client;
        if (c == null) {
            DockerHttpClient h = transport.get();
            http = h;
            c = DockerClientImpl.getInstance(config, h);
            client = c;
        }
        return c;
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (http != null) {
                http.close();
            }
            client = null;
            http = null;
        }
    }
}
