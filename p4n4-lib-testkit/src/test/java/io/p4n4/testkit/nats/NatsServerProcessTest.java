package io.p4n4.testkit.nats;

import static io.p4n4.testkit.nats.NatsServerExtensionTest.assertSpeaksJetStream;
import static io.p4n4.testkit.nats.NatsServerExtensionTest.infoLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link NatsServerProcess} with a configuration file, and killed with SIGKILL, on the real nats-server. */
class NatsServerProcessTest {

    @Test
    void aConfigurationIsAppliedAndTheCommandLinePortWins(@TempDir Path dir) throws Exception {
        Path binary = binary();
        try (NatsServerProcess server = NatsServerProcess.start(binary, dir.resolve("s"),
                "port: 1\nauthorization { token: \"t0ken\" }\nserver_name: configured-one\n")) {
            String info = infoLine(server.port());
            assertThat(info).contains("\"auth_required\":true").contains("\"server_name\":\"configured-one\"")
                    .contains("\"port\":" + server.port());
            assertThat(Files.readString(server.storeDir().resolve("nats-server.conf"))).contains("t0ken");
        }
    }

    @Test
    void killEndsTheProcessAtOnceAndTheServerStartsAgainOnItsStore(@TempDir Path dir) throws Exception {
        try (NatsServerProcess server = NatsServerProcess.start(binary(), dir.resolve("s"))) {
            ProcessHandle before = server.findProcess().orElseThrow();
            server.kill();
            assertThat(before.isAlive()).isFalse();
            assertThat(server.findProcess()).isEmpty();
            assertThatThrownBy(() -> infoLine(server.port())).isInstanceOf(ConnectException.class);
            server.startAgain();
            assertSpeaksJetStream(server.port());
        }
    }

    @Test
    void aServerStartsOnThePortTheCallerChose(@TempDir Path dir) throws Exception {
        int port = NatsServerProcess.freePort();
        try (NatsServerProcess server = NatsServerProcess.startOn(binary(), dir.resolve("s"), port, "")) {
            assertThat(server.port()).isEqualTo(port);
            assertSpeaksJetStream(port);
        }
    }

    private static Path binary() {
        assumeTrue(NatsServerProcess.findBinary().isPresent(), "nats-server not installed");
        return NatsServerProcess.findBinary().orElseThrow();
    }
}
