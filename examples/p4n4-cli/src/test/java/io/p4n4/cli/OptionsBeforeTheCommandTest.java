package io.p4n4.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.testkit.engine.TestEngines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --engine}, {@code -H/--host}, {@code --nats} and {@code --json} before the command, as {@code docker --host
 * ... compose up} reads: they reach the command; given on both sides, or to a command that does not use them, they
 * are refused by name.
 */
class OptionsBeforeTheCommandTest {
    @TempDir
    Path tmp;
    private String out;
    private String err;

    private int p4n4(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(args, new PrintWriter(o, true), new PrintWriter(e, true));
        out = o.toString();
        err = e.toString();
        return code;
    }

    @Tag("engine")
    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void engineAndHostBeforeTheCommandReachIt(String engine) throws Exception {
        String host = TestEngines.requireEndpoint(TestEngines.endpointVariable(engine));
        Path project = tmp.resolve("demo");
        assertThat(p4n4("init", project.toString())).as(err).isZero();

        assertThat(p4n4("--engine", engine, "-H", host, "--json", "--project", project.toString(), "status"))
                .as(err + out).isZero();
        JsonNode status = new ObjectMapper().readTree(out);
        assertThat(status.get("engine").asText()).isEqualTo(engine);
        assertThat(status.get("endpoint").asText()).isEqualTo(host);

        assertThat(p4n4("--host=" + host, "--project", project.toString(), "status", "--json", "--engine", engine))
                .as("one before, the other after").isZero();
        assertThat(new ObjectMapper().readTree(out).get("endpoint").asText()).isEqualTo(host);
    }

    @Test
    void hostBeforeTheCommandIsTheOnlyEndpointTried() {
        String absent = "unix://" + tmp.resolve("absent.sock");
        int code = p4n4("--engine", "podman", "-H", absent, "--project", tmp.toString(), "status");
        assertThat(code).isNotZero();
        assertThat(err).contains(tmp.resolve("absent.sock").toString()).contains("podman")
                .doesNotContain("Unknown option");
    }

    @Test
    void natsBeforeTheCommandIsTheServerUsed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int code = p4n4("--nats", "nats://127.0.0.1:" + port, "score", "list");
        assertThat(code).isNotZero();
        assertThat(err).contains("nats://127.0.0.1:" + port).doesNotContain("Unknown option");
        assertThat(err.split("JetStream \\(-js\\)", -1)).as("the advice once, not twice").hasSize(2);
    }

    @Test
    void anOptionOnBothSidesIsRefused() {
        assertThat(p4n4("--engine", "docker", "status", "--engine", "podman")).isEqualTo(2);
        assertThat(err).contains("--engine is given both before and after 'p4n4 status'; give it once");
        assertThat(p4n4("--nats", "nats://a:4222", "score", "list", "--nats", "nats://b:4222")).isEqualTo(2);
        assertThat(err).contains("--nats is given both before and after 'p4n4 score list'");
        assertThat(p4n4("--json", "validate", "--json")).isEqualTo(2);
        assertThat(out).contains("--json is given more than once");
    }

    @Test
    void anOptionTheCommandDoesNotUseIsRefusedNotIgnored() {
        assertThat(p4n4("--engine", "docker", "init", tmp.resolve("x").toString())).isEqualTo(2);
        assertThat(err).contains("--engine does not apply to 'p4n4 init'");
        assertThat(tmp.resolve("x")).doesNotExist();
        assertThat(p4n4("--nats", "nats://a:4222", "status")).isEqualTo(2);
        assertThat(err).contains("--nats does not apply to 'p4n4 status'");
    }
}
