package io.p4n4.clients.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.testkit.await.Waits;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;

/**
 * A MockWebServer plus an OkHttpClient with its own pool, for one test. {@link #close()} fails the
 * test when a connection is still in use (a response was leaked) and shuts both down.
 */
public final class LeakCheckedServer implements AutoCloseable {
    public final MockWebServer server = new MockWebServer();
    public final ConnectionPool pool = new ConnectionPool(5, 1, TimeUnit.MINUTES);
    public final OkHttpClient client = new OkHttpClient.Builder().connectionPool(pool)
            .readTimeout(Duration.ofSeconds(5)).build();

    public LeakCheckedServer() {
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the server's base URL without trailing slash. */
    public String url() {
        String u = server.url("/").toString();
        return u.substring(0, u.length() - 1);
    }

    /** Asserts every pooled connection is idle (no response left open), waiting up to 2 s. */
    public void assertNoLeakedConnections() {
        Waits.within(Duration.ofSeconds(2), Duration.ofMillis(10)).untilAsserted(() ->
                assertThat(pool.connectionCount() - pool.idleConnectionCount())
                        .as("connections still in use (leaked responses)").isZero());
    }

    @Override
    public void close() {
        try {
            assertNoLeakedConnections();
        } finally {
            client.dispatcher().executorService().shutdown();
            pool.evictAll();
            try {
                server.shutdown();
            } catch (IOException ignored) {
                // already down
            }
        }
    }
}
