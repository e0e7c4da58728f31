package io.p4n4.podman.internal.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** OkHttp over the adapter, against a minimal HTTP/1.1 server on a unix socket. */
@Timeout(20)
class UnixHttpClientsTest {
    @TempDir
    Path dir;
    private ServerSocketChannel server;
    private Thread serverThread;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private OkHttpClient client;

    /** Serves each connection: for every request, answers with {@code body} unless {@code silent}. */
    private Path serve(String body, boolean silent) throws IOException {
        Path path = dir.resolve("http.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        serverThread = new Thread(() -> {
            while (server.isOpen()) {
                try {
                    SocketChannel ch = server.accept();
                    connections.incrementAndGet();
                    Thread t = new Thread(() -> handle(ch, body, silent));
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        serverThread.setDaemon(true);
        serverThread.start();
        return path;
    }

    private void handle(SocketChannel ch, String body, boolean silent) {
        try (ch) {
            InputStream in = Channels.newInputStream(ch);
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                requestLines.add(head.lines().findFirst().orElse(""));
                if (silent) {
                    Thread.sleep(10_000);
                    return;
                }
                byte[] b = body.getBytes(StandardCharsets.UTF_8);
                String resp = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + b.length + "\r\n\r\n" + body;
                Channels.newOutputStream(ch).write(resp.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | InterruptedException e) {
            // connection ended
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            head.write(c);
            String s = head.toString(StandardCharsets.ISO_8859_1);
            if (s.endsWith("\r\n\r\n")) {
                return s;
            }
        }
        return null;
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
        if (server != null) {
            server.close();
            serverThread.join(2000);
        }
    }

    @Test
    void requestsReachTheUnixSocketAndReuseOneConnection() throws Exception {
        Path socket = serve("OK", false);
        client = UnixHttpClients.create(socket, Duration.ofSeconds(2), Duration.ofSeconds(2));
        for (int i = 0; i < 3; i++) {
            Request req = new Request.Builder().url(UnixHttpClients.baseUrl().resolve("/v4.0.0/libpod/_ping")).build();
            try (Response r = client.newCall(req).execute()) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.body().string()).isEqualTo("OK");
            }
        }
        assertThat(requestLines).containsOnly("GET /v4.0.0/libpod/_ping HTTP/1.1\r\n".strip()).hasSize(3);
        assertThat(connections.get()).as("keep-alive over the adapter").isEqualTo(1);
    }

    @Test
    void aSilentServerTripsTheReadTimeout() throws Exception {
        Path socket = serve("", true);
        client = UnixHttpClients.create(socket, Duration.ofSeconds(2), Duration.ofMillis(300));
        Request req = new Request.Builder().url(UnixHttpClients.baseUrl().resolve("/slow")).build();
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.newCall(req).execute()).isInstanceOf(SocketTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void otherHostsAreNotReachable() throws Exception {
        Path socket = serve("OK", false);
        client = UnixHttpClients.create(socket, Duration.ofSeconds(1), Duration.ofSeconds(1));
        Request req = new Request.Builder().url("http://example.com/").build();
        assertThatThrownBy(() -> client.newCall(req).execute()).isInstanceOf(UnknownHostException.class);
        assertThat(connections.get()).isZero();
    }

    @Test
    void theClientSetsUpNoTlsSoTheTrustStoreIsNotRead() throws Exception {
        Path socket = serve("OK", false);
        client = UnixHttpClients.create(socket, Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(client.x509TrustManager()).as("no trust manager built").isNull();
        assertThat(client.newBuilder().readTimeout(Duration.ZERO).build().x509TrustManager())
                .as("variants share the plain-HTTP set-up").isNull();
    }

    @Test
    void anHttpsUrlIsRefusedWithoutConnecting() throws Exception {
        Path socket = serve("OK", false);
        client = UnixHttpClients.create(socket, Duration.ofSeconds(1), Duration.ofSeconds(1));
        Request req = new Request.Builder().url("https://" + UnixHttpClients.HOST + "/_ping").build();
        assertThatThrownBy(() -> client.newCall(req).execute()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CLEARTEXT");
        assertThat(connections.get()).isZero();
    }
}
