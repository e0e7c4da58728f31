package io.p4n4.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unix-socket transport against a real JDK unix-domain server that answers with bytes shaped like
 * dockerd's, written in the pieces each test chooses.
 */
class UnixSocketHttpClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private ScriptedServer server;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer(dir.resolve("d.sock"));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void readsAChunkedBodySplitAcrossReadsWithExtensionsAndTrailersThenReusesTheConnection() throws Exception {
        server.answer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n7;n=1\r\n{\"a\"",
                "", ":1}\r\n3\r\n[7]\r\n0\r\nX-Trailer: t\r\n\r\n");
        server.answer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK");
        try (UnixSocketHttpClient http = client(TIMEOUT)) {
            assertThat(body(http, get("/v1.44/containers/x/json"))).isEqualTo("{\"a\":1}[7]");
            assertThat(http.idleConnections()).isEqualTo(1);
            assertThat(body(http, get("/_ping"))).isEqualTo("OK");
        }
        assertThat(server.accepted()).as("the second request reused the first connection").isEqualTo(1);
        assertThat(server.requests().peek()).startsWith("GET /v1.44/containers/x/json HTTP/1.1\r\n")
                .contains("\r\nHost: docker\r\n");
    }

    @Test
    void answersWithoutBodyLeaveTheConnectionReusable() throws Exception {
        server.answer("HTTP/1.1 204 No Content\r\nApi-Version: 1.44\r\n\r\n");
        server.answer("HTTP/1.1 304 Not Modified\r\n\r\n");
        server.answer("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
        try (UnixSocketHttpClient http = client(TIMEOUT)) {
            try (DockerHttpClient.Response r = http.execute(post("/v1.44/containers/x/start", null))) {
                assertThat(r.getStatusCode()).isEqualTo(204);
                assertThat(r.getHeader("api-version")).as("header names are case-insensitive").isEqualTo("1.44");
                assertThat(r.getBody().read()).isEqualTo(-1);
            }
            try (DockerHttpClient.Response r = http.execute(post("/v1.44/containers/x/stop", null))) {
                assertThat(r.getStatusCode()).isEqualTo(304);
                assertThat(r.getBody().readAllBytes()).isEmpty();
            }
            assertThat(body(http, post("/v1.44/volumes/create", "{}".getBytes(StandardCharsets.UTF_8)))).isEmpty();
        }
        assertThat(server.accepted()).isEqualTo(1);
        assertThat(server.requests()).element(0, org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("Content-Length: 0\r\n");
        assertThat(server.requests()).element(2, org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("Content-Length: 2\r\n").endsWith("\r\n\r\n{}");
    }

    @Test
    void aBodyWithoutLengthRunsToTheEndOfTheConnectionWhichIsThenNotReused() throws Exception {
        server.answer("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\nraw ", "output")
                .thenClose();
        server.answer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK");
        try (UnixSocketHttpClient http = client(TIMEOUT)) {
            assertThat(body(http, post("/v1.44/exec/e/start", "{}".getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo("raw output");
            assertThat(http.idleConnections()).isZero();
            assertThat(body(http, get("/_ping"))).isEqualTo("OK");
        }
        assertThat(server.accepted()).isEqualTo(2);
    }

    @Test
    void aStreamedRequestBodyIsSentChunked() throws Exception {
        server.answer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        try (UnixSocketHttpClient http = client(TIMEOUT)) {
            Request put = Request.builder().method(Request.Method.PUT).path("/v1.44/containers/x/archive?path=/")
                    .body(new ByteArrayInputStream("tar bytes".getBytes(StandardCharsets.UTF_8)))
                    .putHeader("Content-Type", "application/x-tar").build();
            assertThat(body(http, put)).isEmpty();
        }
        assertThat(server.requests().peek()).contains("Transfer-Encoding: chunked\r\n")
                .contains("Content-Type: application/x-tar\r\n").endsWith("\r\n\r\n9\r\ntar bytes\r\n0\r\n\r\n");
    }

    @Test
    void closingAFollowedStreamStopsTheReaderBlockedInIt() throws Exception {
        server.answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nline1\n\r\n").thenHold();
        try (UnixSocketHttpClient http = client(null)) {
            DockerHttpClient.Response r = http.execute(get("/v1.44/events"));
            InputStream in = r.getBody();
            byte[] first = new byte[6];
            assertThat(in.read(first)).isEqualTo(6);
            AtomicReference<Throwable> ended = new AtomicReference<>();
            CountDownLatch stopped = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try {
                    in.read(new byte[10]);
                } catch (IOException expected) {
                    ended.set(expected);
                } finally {
                    stopped.countDown();
                }
            });
            reader.start();
            Thread.sleep(200);
            assertThat(stopped.getCount()).as("the reader waits for the next event").isEqualTo(1);
            r.close();
            assertThat(stopped.await(5, TimeUnit.SECONDS)).as("close() stopped the blocked reader").isTrue();
            assertThat(ended.get()).isInstanceOf(IOException.class);
            assertThat(http.idleConnections()).as("an aborted stream's connection is not reused").isZero();
        }
    }

    @Test
    void aSilentEngineTimesOutAfterTheReadTimeout() throws Exception {
        server.answer("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n12345").thenHold();
        try (UnixSocketHttpClient http = client(Duration.ofMillis(300))) {
            DockerHttpClient.Response r = http.execute(get("/v1.44/info"));
            long start = System.nanoTime();
            assertThatThrownBy(() -> r.getBody().readAllBytes()).isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("PT0.3S");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250),
                    Duration.ofSeconds(3));
        }
    }

    @Test
    void anIdleConnectionTheEngineClosedIsReplacedTransparently() throws Exception {
        // a keep-alive answer, after which the server drops the connection as an idle timeout would
        server.answer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK").thenClose();
        server.answer("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nOK2");
        try (UnixSocketHttpClient http = client(TIMEOUT)) {
            assertThat(body(http, get("/_ping"))).isEqualTo("OK");
            server.awaitClosed();
            assertThat(body(http, get("/_ping"))).isEqualTo("OK2");
        }
        assertThat(server.accepted()).isEqualTo(2);
    }

    @Test
    void anEngineThatClosesWithoutAnAnswerFailsWithoutRetryingAFreshConnection() {
        server.answer().thenClose();
        try (UnixSocketHttpClient http = client(TIMEOUT)) {
            assertThatThrownBy(() -> http.execute(get("/_ping"))).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("without an answer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(server.accepted()).isEqualTo(1);
    }

    @Test
    void aResponseClosedWithOnlyTheLastChunkUnreadKeepsItsConnection() throws Exception {
        // a JSON reader stops at the closing brace: the terminating chunk is still unread when it closes
        server.answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n7\r\n{\"a\":1}\r\n0\r\n\r\n");
        server.answer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK");
        try (UnixSocketHttpClient http = client(TIMEOUT)) {
            try (DockerHttpClient.Response r = http.execute(get("/v1.44/version"))) {
                byte[] json = new byte[7];
                assertThat(r.getBody().read(json)).isEqualTo(7);
            }
            assertThat(http.idleConnections()).isEqualTo(1);
            assertThat(body(http, get("/_ping"))).isEqualTo("OK");
        }
        assertThat(server.accepted()).isEqualTo(1);
    }

    @Test
    void aMissingSocketFailsNamingIt() {
        try (UnixSocketHttpClient http = new UnixSocketHttpClient(dir.resolve("absent.sock"), TIMEOUT, () -> {
            throw new AssertionError("no hijacking here");
        })) {
            assertThatThrownBy(() -> http.execute(get("/_ping"))).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("absent.sock").hasMessageContaining("GET /_ping");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private UnixSocketHttpClient client(Duration readTimeout) {
        return new UnixSocketHttpClient(server.path(), readTimeout, () -> {
            throw new AssertionError("no hijacking here");
        });
    }

    private static Request get(String path) {
        return Request.builder().method(Request.Method.GET).path(path).build();
    }

    private static Request post(String path, byte[] body) {
        Request.Builder b = Request.builder();
        b.method(Request.Method.POST).path(path);
        if (body != null) {
            b.bodyBytes(body);
        }
        return b.build();
    }

    private static String body(DockerHttpClient http, Request request) throws IOException {
        try (DockerHttpClient.Response r = http.execute(request)) {
            return new String(r.getBody().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * A unix-domain HTTP server that answers each request with the next scripted answer, written piece by
     * piece with a pause between pieces (so the client sees them in separate reads).
     */
    private static final class ScriptedServer implements AutoCloseable {
        private final Path path;
        private final ServerSocketChannel server;
        private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
        private final Queue<String> requests = new ConcurrentLinkedQueue<>();
        private final AtomicInteger accepted = new AtomicInteger();
        private final CountDownLatch closedOne = new CountDownLatch(1);
        private final Thread acceptor;

        ScriptedServer(Path path) throws IOException {
            this.path = path;
            Files.deleteIfExists(path);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            acceptor = new Thread(this::acceptLoop, "scripted-docker");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        Path path() {
            return path;
        }

        Answer answer(String... pieces) {
            Answer a = new Answer(List.of(pieces));
            answers.add(a);
            return a;
        }

        int accepted() {
            return accepted.get();
        }

        Queue<String> requests() {
            return requests;
        }

        void awaitClosed() throws InterruptedException {
            assertThat(closedOne.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(50);
        }

        private void acceptLoop() {
            while (server.isOpen()) {
                try {
                    SocketChannel c = server.accept();
                    accepted.incrementAndGet();
                    Thread t = new Thread(() -> serve(c), "scripted-docker-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(SocketChannel c) {
            try (c) {
                while (true) {
                    String request = readRequest(c);
                    if (request == null) {
                        return;
                    }
                    requests.add(request);
                    Answer a = answers.poll();
                    if (a == null) {
                        return;
                    }
                    for (int i = 0; i < a.pieces.size(); i++) {
                        if (i > 0) {
                            Thread.sleep(50);
                        }
                        ByteBuffer b = ByteBuffer.wrap(a.pieces.get(i).getBytes(StandardCharsets.ISO_8859_1));
                        while (b.hasRemaining()) {
                            c.write(b);
                        }
                    }
                    if (a.hold) {
                        Thread.sleep(60_000);
                    }
                    if (a.close) {
                        closedOne.countDown();
                        return;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the client went away
            }
        }

        /** The raw request: head and body (by Content-Length, or chunked up to the last chunk). */
        private static String readRequest(SocketChannel c) throws IOException {
            StringBuilder raw = new StringBuilder();
            ByteBuffer one = ByteBuffer.allocate(1);
            while (true) {
                one.clear();
                if (c.read(one) < 0) {
                    return raw.length() == 0 ? null : raw.toString();
                }
                raw.append((char) (one.get(0) & 0xff));
                String s = raw.toString();
                int headEnd = s.indexOf("\r\n\r\n");
                if (headEnd < 0) {
                    continue;
                }
                String head = s.substring(0, headEnd);
                String body = s.substring(headEnd + 4);
                int cl = head.indexOf("Content-Length: ");
                if (head.contains("Transfer-Encoding: chunked")) {
                    if (body.endsWith("0\r\n\r\n")) {
                        return s;
                    }
                } else if (cl >= 0) {
                    int n = Integer.parseInt(head.substring(cl + 16).split("\r\n")[0].trim());
                    if (body.length() == n) {
                        return s;
                    }
                } else {
                    return s;
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            Files.deleteIfExists(path);
        }

        /** One scripted answer. */
        static final class Answer {
            final List<String> pieces;
            volatile boolean close;
            volatile boolean hold;

            Answer(List<String> pieces) {
                this.pieces = pieces;
            }

            /** Closes the connection after writing. */
            void thenClose() {
                close = true;
            }

            /** Keeps the connection open and silent after writing. */
            void thenHold() {
                hold = true;
            }
        }
    }
}
