package io.p4n4.core.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.engine.EngineDiscovery;
import io.p4n4.core.P4n4;
import io.p4n4.core.doctor.Finding.Status;
import io.p4n4.core.project.InitOptions;
import io.p4n4.core.project.Project;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor without an engine, against scripted NATS and MQTT servers on loopback (the real ones and the
 * engines: DoctorOnEnginesTest in p4n4-lib-it).
 */
class DoctorTest {
    @TempDir
    Path tmp;

    private static final EngineDiscovery NOTHING = EngineDiscovery.builder().serviceLoader(false)
            .environment(Map.of()).build();

    /** Accepts one connection, writes {@code greeting}, reads {@code read} bytes and writes {@code answer}. */
    private static ServerSocket scripted(byte[] greeting, int read, byte[] answer, byte[][] received) throws Exception {
        ServerSocket server = new ServerSocket(0);
        CompletableFuture.runAsync(() -> {
            try (Socket s = server.accept()) {
                OutputStream out = s.getOutputStream();
                out.write(greeting);
                out.flush();
                InputStream in = s.getInputStream();
                received[0] = in.readNBytes(read);
                out.write(answer);
                out.flush();
                s.getInputStream().read();
            } catch (Exception ignored) {
                // the test asserts on what the doctor reports
            }
        });
        return server;
    }

    private static Finding only(DoctorReport r, String check) {
        return r.findings().stream().filter(f -> f.check().equals(check)).findFirst().orElseThrow();
    }

    @Test
    void aBrokerRefusingTheAnonymousConnectIsReachableButAWarning() throws Exception {
        byte[][] received = new byte[1][];
        try (ServerSocket broker = scripted(new byte[0], 2, new byte[] {0x20, 2, 0, 5}, received)) {
            DoctorReport r = Doctor.builder(NOTHING).mqtt(URI.create("mqtt://127.0.0.1:" + broker.getLocalPort()))
                    .timeout(Duration.ofSeconds(3)).build().run();
            Finding mqtt = only(r, "mqtt");
            assertThat(mqtt.status()).isEqualTo(Status.WARNING);
            assertThat(mqtt.detail()).contains("answered CONNACK 5 (not authorized)");
            assertThat(received[0][0]).as("an MQTT CONNECT packet").isEqualTo((byte) 0x10);
        }
    }

    @Test
    void aNatsServerIsKnownByItsInfoLine() throws Exception {
        byte[] info = "INFO {\"server_id\":\"x\",\"version\":\"2.10.4\"}\r\n".getBytes(StandardCharsets.UTF_8);
        try (ServerSocket nats = scripted(info, 0, new byte[0], new byte[1][])) {
            DoctorReport r = Doctor.builder(NOTHING).nats(URI.create("nats://127.0.0.1:" + nats.getLocalPort()))
                    .build().run();
            assertThat(only(r, "nats").detail()).isEqualTo("nats-server 2.10.4 answered at 127.0.0.1:"
                    + nats.getLocalPort());
        }
        try (ServerSocket notNats = scripted("HELLO\r\n".getBytes(StandardCharsets.UTF_8), 0, new byte[0],
                new byte[1][])) {
            DoctorReport r = Doctor.builder(NOTHING).nats(URI.create("nats://127.0.0.1:" + notNats.getLocalPort()))
                    .build().run();
            assertThat(only(r, "nats").code()).isEqualTo(ErrorCode.NETWORK);
            assertThat(only(r, "nats").detail()).contains("but not with a NATS INFO line");
        }
    }

    @Test
    void theProjectsStackVersionsAreCheckedAgainstTheSupportedRange() throws Exception {
        Project project = P4n4.builder().environment(Map.of()).build().projectService()
                .init(InitOptions.of(tmp.resolve("v"), List.of(StackId.IOT, StackId.AI)));
        java.nio.file.Files.writeString(project.stackDirectory(StackId.AI).resolve("VERSION"), "2.0.0\n");
        DoctorReport r = Doctor.builder(NOTHING).project(project).build().run();
        assertThat(only(r, "stack iot version").detail()).isEqualTo("supported (>=0.1.0 <1.0.0)");
        Finding ai = only(r, "stack.incompatible");
        assertThat(ai.code()).isEqualTo(ErrorCode.COMPATIBILITY);
        assertThat(ai.detail()).contains("ai stack is version '2.0.0'");
    }

    @Test
    void noEngineIsAnEngineErrorAndAProjectsEnvIsStillChecked() {
        Project project = P4n4.builder().environment(Map.of()).build().projectService()
                .init(InitOptions.of(tmp.resolve("p"), List.of(StackId.IOT)));
        DoctorReport r = Doctor.builder(NOTHING).project(project).build().run();
        assertThat(only(r, "engine").detail()).isEqualTo("no container engine answered (0 candidate(s) tried, listed"
                + " above)");
        assertThat(only(r, ".env").status()).isEqualTo(Status.OK);
        assertThat(only(r, ".env").detail()).endsWith("is private (rw-------)");
        assertThat(r.errorCode()).isEqualTo(ErrorCode.ENGINE);
        assertThat(r.worst()).isEqualTo(Status.ERROR);
        assertThat(new DoctorReport(List.of()).worst()).isEqualTo(Status.OK);
    }

    @Test
    void anErrorFindingNeedsAnErrorCodeAndOnlyAnErrorOne() {
        assertThatThrownBy(() -> new Finding("x", Status.ERROR, ErrorCode.OK, "d", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ERROR OK");
        assertThatThrownBy(() -> new Finding("x", Status.WARNING, ErrorCode.NETWORK, "d", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
