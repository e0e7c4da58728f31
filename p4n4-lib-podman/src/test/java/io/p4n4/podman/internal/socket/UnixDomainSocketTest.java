package io.p4n4.podman.internal.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class UnixDomainSocketTest {
    private static final InetSocketAddress PLACEHOLDER = InetSocketAddress.createUnresolved("podman", 80);

    @TempDir
    Path dir;
    private Path path;
    private ServerSocketChannel server;

    @BeforeEach
    void listen() throws IOException {
        path = dir.resolve("s.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private UnixDomainSocket connected() throws IOException {
        UnixDomainSocket s = new UnixDomainSocket(path);
        s.connect(PLACEHOLDER, 1000);
        return s;
    }

    @Test
    void bytesTravelBothWays() throws Exception {
        try (UnixDomainSocket client = connected(); SocketChannel peer = server.accept()) {
            client.getOutputStream().write("ping".getBytes(StandardCharsets.UTF_8));
            ByteBuffer got = ByteBuffer.allocate(4);
            while (got.hasRemaining()) {
                peer.read(got);
            }
            assertThat(new String(got.array(), StandardCharsets.UTF_8)).isEqualTo("ping");

            peer.write(ByteBuffer.wrap("pong".getBytes(StandardCharsets.UTF_8)));
            assertThat(new String(client.getInputStream().readNBytes(4), StandardCharsets.UTF_8)).isEqualTo("pong");
            assertThat(client.isConnected()).isTrue();
            assertThat(client.getRemoteSocketAddress()).isEqualTo(UnixDomainSocketAddress.of(path));
        }
    }

    @Test
    void missingSocketFileIsAConnectExceptionNamingThePath() {
        UnixDomainSocket s = new UnixDomainSocket(dir.resolve("absent.sock"));
        assertThatThrownBy(() -> s.connect(PLACEHOLDER, 1000))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("absent.sock");
        assertThat(s.isClosed()).isTrue();
        assertThat(s.isConnected()).isFalse();
    }

    @Test
    void readTimesOutAfterSoTimeoutAndTheSocketStaysUsable() throws Exception {
        try (UnixDomainSocket client = connected(); SocketChannel peer = server.accept()) {
            client.setSoTimeout(200);
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.getInputStream().read())
                    .isInstanceOf(SocketTimeoutException.class);
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(waitedMs).isBetween(150L, 2000L);

            peer.write(ByteBuffer.wrap(new byte[] {42}));
            assertThat(client.getInputStream().read()).isEqualTo(42);
        }
    }

    @Test
    void zeroSoTimeoutWaitsUntilDataArrives() throws Exception {
        try (UnixDomainSocket client = connected(); SocketChannel peer = server.accept()) {
            client.setSoTimeout(0);
            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return client.getInputStream().read();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(300);
            assertThat(read).isNotDone();
            peer.write(ByteBuffer.wrap(new byte[] {7}));
            assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(7);
        }
    }

    @Test
    void closeFromAnotherThreadWakesABlockedReader() throws Exception {
        UnixDomainSocket client = connected();
        try (SocketChannel peer = server.accept()) {
            CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
                try {
                    client.getInputStream().read();
                    return null;
                } catch (IOException e) {
                    return e;
                }
            });
            Thread.sleep(200);
            client.close();
            Throwable t = failure.get(5, TimeUnit.SECONDS);
            assertThat(t).isInstanceOf(SocketException.class).hasMessageContaining("closed");
            // the peer sees the connection end
            assertThat(peer.read(ByteBuffer.allocate(1))).isEqualTo(-1);
        }
    }

    @Test
    void closeIsIdempotentAndStreamsFailAfterwards() throws Exception {
        UnixDomainSocket client = connected();
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream();
        client.close();
        client.close();
        assertThat(client.isClosed()).isTrue();
        assertThat(client.isConnected()).as("like java.net.Socket, stays true after close").isTrue();
        assertThatThrownBy(client::getInputStream).isInstanceOf(SocketException.class);
        assertThatThrownBy(in::read).isInstanceOf(SocketException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> out.write(1)).isInstanceOf(SocketException.class);
        assertThatThrownBy(() -> client.setSoTimeout(1)).isInstanceOf(SocketException.class);
        assertThatThrownBy(() -> client.connect(PLACEHOLDER)).isInstanceOf(SocketException.class);
    }

    @Test
    void closingTheInputStreamClosesTheSocket() throws Exception {
        UnixDomainSocket client = connected();
        client.getInputStream().close();
        assertThat(client.isClosed()).isTrue();
    }

    @Test
    void shutdownOutputSendsEofButStillReadsTheReply() throws Exception {
        try (UnixDomainSocket client = connected(); SocketChannel peer = server.accept()) {
            client.getOutputStream().write("request".getBytes(StandardCharsets.UTF_8));
            client.shutdownOutput();
            assertThat(client.isOutputShutdown()).isTrue();
            assertThatThrownBy(() -> client.getOutputStream().write(1))
                    .isInstanceOf(SocketException.class).hasMessageContaining("shutdown");

            // the peer reads everything up to EOF, then answers on the still-open half
            byte[] request = Channels.newInputStream(peer).readAllBytes();
            assertThat(new String(request, StandardCharsets.UTF_8)).isEqualTo("request");
            peer.write(ByteBuffer.wrap("reply".getBytes(StandardCharsets.UTF_8)));
            peer.shutdownOutput();
            assertThat(new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("reply");
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void shutdownInputMakesReadsReturnEof() throws Exception {
        try (UnixDomainSocket client = connected(); SocketChannel peer = server.accept()) {
            client.shutdownInput();
            assertThat(client.isInputShutdown()).isTrue();
            assertThat(client.getInputStream().read()).isEqualTo(-1);
            // output still works
            client.getOutputStream().write(5);
            ByteBuffer one = ByteBuffer.allocate(1);
            peer.read(one);
            assertThat(one.get(0)).isEqualTo((byte) 5);
        }
    }

    @Test
    void largeWritesWaitForTheSlowPeerInsteadOfDroppingBytes() throws Exception {
        byte[] payload = new byte[8 * 1024 * 1024];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31);
        }
        try (UnixDomainSocket client = connected(); SocketChannel peer = server.accept()) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try {
                    Thread.sleep(200); // let the kernel buffer fill so the writer must wait
                    ByteArrayOutputStream got = new ByteArrayOutputStream();
                    Channels.newInputStream(peer).transferTo(got);
                    return got.toByteArray();
                } catch (IOException | InterruptedException e) {
                    throw new RuntimeException(e);
                }
            });
            client.getOutputStream().write(payload);
            client.shutdownOutput();
            assertThat(Arrays.equals(received.get(10, TimeUnit.SECONDS), payload)).isTrue();
        }
    }

    @Test
    void negativeTimeoutsAreRejected() {
        UnixDomainSocket s = new UnixDomainSocket(path);
        assertThatThrownBy(() -> s.setSoTimeout(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.connect(PLACEHOLDER, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void streamsNeedAConnection() {
        UnixDomainSocket s = new UnixDomainSocket(path);
        assertThatThrownBy(s::getInputStream).isInstanceOf(SocketException.class).hasMessageContaining("not connected");
        assertThat(s.toString()).contains(path.toString());
    }

    @Test
    void connectingTwiceIsRejected() throws Exception {
        try (UnixDomainSocket client = connected()) {
            assertThatThrownBy(() -> client.connect(PLACEHOLDER, 100)).isInstanceOf(SocketException.class);
        }
    }

    @Test
    void staleSocketFileWithNoListenerIsRefused() throws Exception {
        server.close(); // the file stays behind, as after a crashed daemon
        assertThat(Files.exists(path)).isTrue();
        UnixDomainSocket s = new UnixDomainSocket(path);
        assertThatThrownBy(() -> s.connect(PLACEHOLDER, (int) Duration.ofSeconds(1).toMillis()))
                .isInstanceOf(ConnectException.class);
    }
}
