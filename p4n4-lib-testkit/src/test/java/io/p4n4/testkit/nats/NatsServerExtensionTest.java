package io.p4n4.testkit.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.p4n4.testkit.Case;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.TestAbortedException;

/**
 * {@link NatsServer} on the real nats-server: the servers it hands out speak NATS (their INFO line, read
 * from a plain socket, says JetStream is on), live as long as their scope and leave nothing behind.
 */
class NatsServerExtensionTest {

    @Test
    void aStaticFieldGetsOneRealJetStreamServerForTheClassStoppedAfterIt() throws IOException {
        assumeNatsServerInstalled();
        PerClass.seen.clear();

        EngineExecutionResults results = Case.RUN.run(PerClass.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0).aborted(0));
        assertThat(PerClass.seen).hasSize(2).containsOnly(PerClass.seen.get(0));
        assertStoppedAndRemoved(PerClass.seen.get(0));
    }

    @Test
    void eachTestGetsItsOwnServerThatItMayStopAndStartAgain() throws IOException {
        assumeNatsServerInstalled();
        PerTest.seen.clear();

        EngineExecutionResults results = Case.RUN.run(PerTest.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0).aborted(0));
        assertThat(PerTest.seen).hasSize(2).doesNotHaveDuplicates();
        for (NatsServerProcess server : PerTest.seen) {
            assertStoppedAndRemoved(server);
        }
    }

    @Test
    void aMissingBinarySkipsTheTestSayingHowToInstallOne() {
        assumeTrue(System.getenv(NatsServerProcess.BINARY_VARIABLE) == null,
                "P4N4_NATS_SERVER is set in the environment, which a system property cannot override");
        System.setProperty(NatsServerProcess.BINARY_VARIABLE, "/nonexistent/nats-server");
        EngineExecutionResults results;
        try {
            results = Case.RUN.run(MissingBinary.class);
        } finally {
            System.clearProperty(NatsServerProcess.BINARY_VARIABLE);
        }

        results.testEvents().assertStatistics(s -> s.started(1).aborted(1).failed(0).succeeded(0));
        Throwable reason = results.testEvents().aborted().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(reason).isInstanceOf(TestAbortedException.class).hasMessageContaining("no nats-server binary")
                .hasMessageContaining("apt-get install nats-server").hasMessageContaining("P4N4_NATS_SERVER");
    }

    @Test
    void anExplicitBinaryThatIsNotThereIsNotPassedOverForAnother() {
        assumeTrue(System.getenv(NatsServerProcess.BINARY_VARIABLE) == null, "P4N4_NATS_SERVER is set");
        System.setProperty(NatsServerProcess.BINARY_VARIABLE, "/nonexistent/nats-server");
        try {
            assertThat(NatsServerProcess.findBinary()).isEmpty();
        } finally {
            System.clearProperty(NatsServerProcess.BINARY_VARIABLE);
        }
    }

    /** Reads the line a NATS server sends first to every client. */
    static String infoLine(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(5000);
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    static void assertSpeaksJetStream(int port) throws IOException {
        assertThat(infoLine(port)).startsWith("INFO {").contains("\"port\":" + port).contains("\"jetstream\":true");
    }

    private static void assertStoppedAndRemoved(NatsServerProcess server) {
        assertThat(server.findProcess()).as("process").isEmpty();
        assertThatThrownBy(() -> infoLine(server.port())).isInstanceOf(ConnectException.class);
        assertThat(server.storeDir().getParent()).as("temporary directory").doesNotExist();
    }

    private static void assumeNatsServerInstalled() {
        assumeTrue(NatsServerProcess.findBinary().isPresent(), "nats-server not installed");
    }

    @Case
    static class PerClass {
        static final List<NatsServerProcess> seen = new CopyOnWriteArrayList<>();

        @NatsServer
        static String url;
        @NatsServer
        static NatsServerProcess server;

        @Test
        void first() throws IOException {
            check();
        }

        @Test
        void second() throws IOException {
            check();
        }

        private void check() throws IOException {
            assertThat(url).isEqualTo(server.url()).isEqualTo("nats://127.0.0.1:" + server.port());
            assertSpeaksJetStream(server.port());
            assertThat(Files.isDirectory(server.storeDir().resolve("jetstream"))).as("store in its directory")
                    .isTrue();
            seen.add(server);
        }
    }

    @Case
    static class PerTest {
        static final List<NatsServerProcess> seen = new CopyOnWriteArrayList<>();

        @NatsServer
        NatsServerProcess server;

        @Test
        void first(@NatsServer URI uri) throws Exception {
            check(uri);
        }

        @Test
        void second(@NatsServer URI uri) throws Exception {
            check(uri);
        }

        private void check(URI uri) throws Exception {
            assertThat(uri.getPort()).isEqualTo(server.port());
            assertSpeaksJetStream(server.port());
            server.stop();
            assertThatThrownBy(() -> infoLine(server.port())).isInstanceOf(ConnectException.class);
            server.startAgain();
            assertSpeaksJetStream(server.port());
            seen.add(server);
        }
    }

    @Case
    static class MissingBinary {
        @Test
        void neverRuns(@NatsServer String url) {
            assertThat(url).isNull();
        }
    }
}
