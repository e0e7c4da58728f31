package io.p4n4.cli.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static Path iot() {
        String shared = System.getProperty("p4n4.shared.dir", "");
        Path dir = shared.isEmpty() ? null : Path.of(shared, "fixtures/p4n4-upstream/p4n4-iot");
        assumeTrue(dir != null && Files.isDirectory(dir), "upstream fixtures not found: set -Dp4n4.shared.dir");
        return dir;
    }

    @Test
    void printsTheUpstreamIotStackAsYaml() {
        Path iot = iot();
        Run r = run("compose", "config", "-f", iot.resolve("docker-compose.yml").toString(),
                "--env-file", iot.resolve(".env.example").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("name: p4n4-iot\nservices:\n")
                .contains("  mqtt:\n").contains("subnet: 172.20.0.0/16")
                .contains("'$$SYS/broker/uptime'");
    }

    @Test
    void printsJsonWithTheInheritedJsonFlagAndHonoursProjectNameAndProfiles() throws Exception {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, "services:\n  app: {image: app}\n  dbg: {image: busybox, profiles: [debug]}\n");
        Run r = run("compose", "config", "-f", file.toString(), "-p", "demo", "--profile", "debug", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("name").asText()).isEqualTo("demo");
        assertThat(json.at("/services/dbg/image").asText()).isEqualTo("busybox");
        assertThat(json.at("/networks/default/name").asText()).isEqualTo("demo_default");
    }

    @Test
    void invalidComposeFileExitsThreeWithFileAndLine() throws Exception {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, "services:\n  app:\n    image: app\n    ports: 80\n");
        Run r = run("compose", "config", "-f", file.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains(file + ":4:").contains("services.app.ports");
    }

    @Test
    void missingRequiredVariableExitsFiveNamingIt() throws Exception {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, "services:\n  app:\n    image: \"app:${P4N4_TEST_UNSET_TAG:?pick a tag}\"\n");
        Run r = run("compose", "config", "-f", file.toString());
        assertThat(r.code()).isEqualTo(5);
        assertThat(r.err()).contains("P4N4_TEST_UNSET_TAG").contains("pick a tag").contains(file.toString());
    }

    @Test
    void composeWithoutSubcommandPrintsUsageAndExitsTwo() {
        Run r = run("compose");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("config");
    }

    @Test
    void missingFileExitsTwo() {
        Run r = run("compose", "config", "-f", dir.resolve("nope.yaml").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nope.yaml");
    }
}
