package io.p4n4.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectCommandsTest {
    @TempDir
    Path tmp;

    private String out;
    private String err;

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(args, new PrintWriter(o), new PrintWriter(e));
        out = o.toString();
        err = e.toString();
        return code;
    }

    private Path demo() {
        Path dir = tmp.resolve("demo");
        assertThat(run("init", dir.toString(), "--stacks", "iot,ai")).isZero();
        return dir;
    }

    @Test
    void initThenValidatePasses() {
        Path dir = demo();
        assertThat(out).contains("Created project 'demo'").contains("iot, ai");
        assertThat(run("--project", dir.toString(), "validate", "--offline")).isZero();
        assertThat(out).contains("All checks passed.");
    }

    @Test
    void validateOutsideAProjectExitsTwo() {
        assertThat(run("--project", tmp.toString(), "validate")).isEqualTo(2);
        assertThat(err).contains("no .p4n4.json found");
    }

    @Test
    void validateReportsMissingVariablesWithExitFiveAsJson() throws Exception {
        Path dir = demo();
        Path env = dir.resolve(".env");
        Files.writeString(env, Files.readString(env).replaceFirst("(?m)^LETTA_SERVER_PASSWORD=.*$", ""));
        assertThat(run("--project", dir.toString(), "--json", "validate")).isEqualTo(5);
        JsonNode json = new ObjectMapper().readTree(out);
        assertThat(json.get("exit_code").asInt()).isEqualTo(5);
        assertThat(json.get("problems").get(0).get("key").asText()).isEqualTo("LETTA_SERVER_PASSWORD");
        assertThat(json.get("problems").get(0).get("severity").asText()).isEqualTo("error");
    }

    @Test
    void initRefusesANonEmptyDirectoryWithExitTwo() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(dir.resolve("x"), "x");
        assertThat(run("init", dir.toString(), "--stacks", "iot")).isEqualTo(2);
        assertThat(err).contains("not empty").contains("--force");
        assertThat(run("init", dir.toString(), "--stacks", "cloud")).isEqualTo(2);
        assertThat(err).contains("unknown stack 'cloud'");
    }

    @Test
    void addAndRemoveAreIdempotent() throws Exception {
        Path dir = demo();
        assertThat(run("--project", dir.toString(), "add", "edge")).isZero();
        assertThat(out).contains("Added stack edge");
        assertThat(run("--project", dir.toString(), "add", "edge")).isZero();
        assertThat(out).contains("already in the project; nothing changed");
        Files.delete(dir.resolve("stacks/edge/docker-compose.yml"));
        assertThat(run("--project", dir.toString(), "--json", "add", "edge")).isZero();
        assertThat(out).contains("\"changed\" : true").contains("stacks/edge/docker-compose.yml");
        assertThat(dir.resolve("stacks/edge/docker-compose.yml")).isRegularFile();
        assertThat(run("--project", dir.toString(), "--json", "remove", "ai")).isZero();
        assertThat(out).contains("\"changed\" : true");
        assertThat(run("--project", dir.toString(), "remove", "ai")).isZero();
        assertThat(out).contains("not in the project");
    }

    @Test
    void secretShowNeverPrintsValues() throws Exception {
        Path dir = demo();
        String env = Files.readString(dir.resolve(".env"));
        assertThat(run("--project", dir.toString(), "secret", "show")).isZero();
        assertThat(out).contains("NAME").contains("INFLUXDB_ADMIN_TOKEN").contains("****").contains("yes");
        for (String line : env.lines().toList()) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0 && line.length() - eq > 20) {
                assertThat(out).doesNotContain(line.substring(eq + 1));
            }
        }
    }

    @Test
    void secretGenerateWritesNothing() throws Exception {
        Path dir = demo();
        String env = Files.readString(dir.resolve(".env"));
        assertThat(run("--project", dir.toString(), "--json", "secret", "generate")).isZero();
        JsonNode json = new ObjectMapper().readTree(out);
        assertThat(json.get("N8N_ENCRYPTION_KEY").asText()).matches("[0-9a-f]{64}");
        assertThat(Files.readString(dir.resolve(".env"))).isEqualTo(env);
    }

    @Test
    void secretRotateNeedsConfirmationAndKeepsSetupOnlySecrets() throws Exception {
        Path dir = demo();
        String env = Files.readString(dir.resolve(".env"));
        assertThat(run("--project", dir.toString(), "secret", "rotate")).isEqualTo(2);
        assertThat(err).contains("--yes");
        assertThat(Files.readString(dir.resolve(".env"))).isEqualTo(env);

        assertThat(run("--project", dir.toString(), "secret", "rotate", "--yes")).isZero();
        assertThat(err).contains("INFLUXDB_ADMIN_TOKEN").contains("--include-setup");
        String rotated = Files.readString(dir.resolve(".env"));
        assertThat(rotated).isNotEqualTo(env);
        String token = env.lines().filter(l -> l.startsWith("INFLUXDB_ADMIN_TOKEN=")).findFirst().orElseThrow();
        assertThat(rotated).contains(token);
    }

    @Test
    void quickstartCreatesAndReplacesItsDemo() throws Exception {
        assertThat(run("--project", tmp.toString(), "quickstart", "--no-up")).isZero();
        assertThat(out).contains("Created").contains("Next steps:").contains("All checks passed.");
        Path demo = tmp.resolve("p4n4-demo");
        assertThat(demo.resolve("stacks/edge/docker-compose.yml")).isRegularFile();
        Files.writeString(demo.resolve("leftover.txt"), "x");
        assertThat(run("--project", tmp.toString(), "quickstart", "--no-up")).isZero();
        assertThat(out).contains("Replaced the previous demo");
        assertThat(demo.resolve("leftover.txt")).doesNotExist();

        Path other = Files.createDirectories(tmp.resolve("other/p4n4-demo"));
        assertThat(run("--project", tmp.resolve("other").toString(), "quickstart", "--no-up")).isEqualTo(2);
        assertThat(err).contains("not made by p4n4 quickstart");
        assertThat(other).isEmptyDirectory();
    }

    @Test
    void quickstartSaysWhyItDidNotStartWhenNoEngineAnswers() {
        String nowhere = "unix://" + tmp.resolve("no-engine.sock");

        // --host without --engine: docker and podman each try the endpoint
        assertThat(run("--project", tmp.toString(), "quickstart", "--host", nowhere)).isZero();

        assertThat(out).contains("All checks passed.")
                .contains("Not started: no container engine answered (2 candidates tried).\n")
                .contains("  p4n4 doctor shows each engine candidate and why it did not answer.\n")
                .contains("then: p4n4 up --wait");
        assertThat(out.split("no container engine answered", -1)).as("said once").hasSize(2);
    }
}
