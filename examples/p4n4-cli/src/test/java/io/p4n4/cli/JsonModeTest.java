package io.p4n4.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --json} outside the engine: failures are one JSON line on standard output with the same exit code as
 * in text mode and nothing on standard error; the project commands print parseable documents; and every
 * command of the tree has its section in docs/cli-json.md.
 */
class JsonModeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NO_ENGINE = "unix:///nonexistent/p4n4-cli-test.sock";

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

    /** The single JSON line a failing command printed, checked to be the whole of its output. */
    private JsonNode errorLine(int exit, String code) throws IOException {
        assertThat(err).as("stderr in --json mode").isEmpty();
        assertThat(out.lines()).hasSize(1);
        JsonNode error = JSON.readTree(out).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("exit").asInt()).isEqualTo(exit);
        return error;
    }

    @Test
    void aUsageErrorIsAJsonLineWithExitTwo() throws IOException {
        assertThat(run("--json", "--no-such-option")).isEqualTo(2);
        assertThat(errorLine(2, "USER").get("message").asText()).contains("--no-such-option");

        assertThat(run("score", "--json")).isEqualTo(2);
        assertThat(errorLine(2, "USER").get("message").asText()).contains("p4n4 score").contains("publish");
    }

    @Test
    void theSameUsageErrorInTextModeGoesToStandardErrorWithTheUsage() {
        assertThat(run("score")).isEqualTo(2);
        assertThat(out).isEmpty();
        assertThat(err).startsWith("error: 'p4n4 score' needs a subcommand").contains("Usage: p4n4 score");
    }

    @Test
    void anUnreachableEngineIsAJsonLineWithExitThree() throws IOException {
        assertThat(run("--json", "status", "--engine", "docker", "--host", NO_ENGINE)).isEqualTo(3);
        assertThat(errorLine(3, "ENGINE").get("message").asText()).contains("no container engine answered")
                .contains("/nonexistent/p4n4-cli-test.sock");
    }

    @Test
    void anInvalidComposeFileNamesTheFileInTheJsonError() throws IOException {
        Path file = tmp.resolve("compose.yaml");
        Files.writeString(file, "services:\n  web:\n    image: [oops\n");
        int code = run("--json", "compose", "config", "-f", file.toString());
        assertThat(code).isEqualTo(3);
        JsonNode error = errorLine(3, "ENGINE");
        assertThat(error.get("file").asText()).isEqualTo(file.toString());
        assertThat(error.get("line").asInt()).isPositive();
    }

    @Test
    void versionIsAJsonDocument() throws IOException {
        assertThat(run("--json", "--version")).isZero();
        assertThat(JSON.readTree(out).get("version").asText()).startsWith("p4n4 ");
    }

    @Test
    void projectCommandsPrintJsonDocuments() throws IOException {
        Path dir = tmp.resolve("proj");
        assertThat(run("--json", "init", dir.toString(), "--stacks", "iot", "--name", "grüße")).as(err).isZero();
        JsonNode init = JSON.readTree(out);
        assertThat(init.get("name").asText()).isEqualTo("grüße");
        assertThat(init.get("stacks").toString()).isEqualTo("[\"iot\"]");

        assertThat(run("--project", dir.toString(), "--json", "add", "edge")).as(err).isZero();
        assertThat(JSON.readTree(out).get("changed").asBoolean()).isTrue();
        assertThat(run("--project", dir.toString(), "--json", "migrate")).as(err).isZero();
        assertThat(JSON.readTree(out).get("changed").asBoolean()).isFalse();

        assertThat(run("--project", dir.toString(), "--json", "secret", "show")).as(err).isZero();
        JsonNode rows = JSON.readTree(out);
        assertThat(rows).filteredOn(r -> r.get("kind").asText().equals("token")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("value").asText()).isEqualTo("****"));
        String mqttPassword = Files.readAllLines(dir.resolve(".env")).stream()
                .filter(l -> l.startsWith("MQTT_PASSWORD=")).findFirst().orElseThrow().substring(14);
        assertThat(mqttPassword).hasSizeGreaterThan(8);
        assertThat(out).doesNotContain(mqttPassword);

        assertThat(run("--project", dir.toString(), "--json", "secret", "rotate", "--yes")).as(err).isZero();
        JsonNode rotated = JSON.readTree(out);
        assertThat(rotated.get("applied").asBoolean()).isTrue();
        assertThat(rotated.get("rotated")).isNotEmpty();
    }

    @Test
    void quickstartReportsWhyTheDemoDidNotStart() throws IOException {
        assertThat(run("--project", tmp.toString(), "--json", "quickstart", "--engine", "docker", "--host", NO_ENGINE))
                .as(err).isZero();
        JsonNode doc = JSON.readTree(out);
        assertThat(doc.at("/validation/ok").asBoolean()).isTrue();
        assertThat(doc.at("/demo/started").asBoolean()).isFalse();
        assertThat(doc.at("/demo/reason").asText()).contains("no container engine answered");

        assertThat(run("--project", tmp.toString(), "--json", "quickstart", "--no-up")).as(err).isZero();
        JsonNode notTried = JSON.readTree(out);
        assertThat(notTried.get("replaced_previous_demo").asBoolean()).isTrue();
        assertThat(notTried.get("demo").isNull()).isTrue();
    }

    @Test
    void everyCommandHasASectionInTheJsonDocs() throws IOException {
        Path doc = Path.of("../../docs/cli-json.md");
        assertThat(doc).exists();
        List<String> sections = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^### `(p4n4 [a-z -]+)`").matcher(Files.readString(doc));
        while (m.find()) {
            sections.add(m.group(1).strip());
        }
        assertThat(sections).containsAll(leafCommands(CommandTree.whole()));
    }

    private static List<String> leafCommands(CommandLine cli) {
        List<String> names = new ArrayList<>();
        if (cli.getSubcommands().isEmpty()) {
            names.add(cli.getCommandSpec().qualifiedName());
        }
        // each command is registered under its name and its aliases: visit each once
        cli.getSubcommands().values().stream().distinct().forEach(sub -> names.addAll(leafCommands(sub)));
        return names;
    }
}
