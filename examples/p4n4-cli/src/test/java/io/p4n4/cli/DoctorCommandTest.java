package io.p4n4.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.testkit.engine.TestEngines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code p4n4 doctor} through the CLI: text and {@code --json}, its exit code the worst finding's. */
class DoctorCommandTest {
    @TempDir
    Path tmp;
    /** The last run. */
    private CliRun last;

    private int run(String... args) {
        last = CliRun.of(args);
        return last.code();
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void noEngineAnsweringExitsThreeListingTheCandidateAndWhy() {
        String socket = "unix://" + tmp.resolve("none.sock");
        assertThat(run("--project", tmp.toString(), "doctor", "--engine", "docker", "--host", socket)).as(last.out() + last.err())
                .isEqualTo(3);
        assertThat(last.out()).containsPattern("(?m)^info +engine candidate +docker at " + socket + " .*no socket at ")
                .containsPattern("(?m)^error +engine +no container engine answered \\(1 candidate\\(s\\) tried")
                .contains("-> start Docker or Podman").containsPattern("(?m)^info +project +no .p4n4.json")
                .contains("Worst finding: error (exit 3, ENGINE).");
    }

    @Test
    void aUrlWithoutHostIsAUserErrorNamingIt() {
        assertThat(run("--project", tmp.toString(), "doctor", "--engine", "docker", "--host",
                "unix://" + tmp.resolve("none.sock"), "--mqtt", "localhost")).isEqualTo(2);
        assertThat(last.err()).contains("URL 'localhost' is not host and port").contains("mqtt://127.0.0.1:1883");
    }

    @Tag("engine")
    @Test
    void aProjectOnPodmanWithNatsAndMosquittoReachedAsJson() throws Exception {
        String podman = TestEngines.requireEndpoint(TestEngines.endpointVariable("podman"));
        String nats = System.getenv("P4N4_TEST_NATS_URL");
        String mqtt = System.getenv("P4N4_TEST_MQTT_URL");
        Assumptions.assumeTrue(nats != null && mqtt != null, "P4N4_TEST_NATS_URL / P4N4_TEST_MQTT_URL not set; run"
                + " scripts/services.sh start and load /tmp/p4n4-it/services.env");
        Path dir = tmp.resolve("doc");
        assertThat(run("init", dir.toString(), "--stacks", "ai")).isZero();
        // the stack's own host ports may be another test's demo's right now: publish on free ones
        java.nio.file.Path compose = dir.resolve("stacks/ai/docker-compose.yml");
        String text = java.nio.file.Files.readString(compose);
        int ollama = freePort();
        for (String port : List.of("11434", "8283", "5678")) {
            text = text.replace("\"" + port + ":" + port + "\"", "\"" + (port.equals("11434") ? ollama : freePort())
                    + ":" + port + "\"");
        }
        java.nio.file.Files.writeString(compose, text);
        List<String> args = new ArrayList<>(List.of("--project", dir.toString(), "--json", "doctor", "--engine",
                "podman", "--host", podman, "--nats", nats, "--mqtt", mqtt));
        int code = run(args.toArray(String[]::new));
        JsonNode json = new ObjectMapper().readTree(last.out());
        assertThat(json.get("exit_code").asInt()).isEqualTo(code);
        List<String> checks = new ArrayList<>();
        json.get("findings").forEach(f -> checks.add(f.get("check").asText() + " " + f.get("status").asText()));
        assertThat(checks).contains("engine candidate ok", "nats ok", "mqtt ok", ".env ok", "port " + ollama + "/tcp ok");
        // an ai-only project needs p4n4-net: absent (exit 4) or present (0), whatever other tests left
        assertThat(code).isIn(0, 4);
        if (code == 4) {
            assertThat(checks).contains("network.missing error");
        }
    }
}
