package io.p4n4.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.cli.Main;
import io.p4n4.testkit.await.Waits;
import io.p4n4.testkit.engine.TestEngines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code up}, {@code status}, {@code logs} (also {@code --follow}) and {@code down} with {@code --json} on the
 * real engines: every line they print parses as JSON, progress comes as {@code "type":"progress"} lines and the
 * outcome as a last {@code "type":"result"} line, and non-ASCII log text arrives intact. The project has one
 * busybox service under a random compose project name, so parallel runs do not meet.
 */
@Tag("engine")
class RunCommandsJsonOnEnginesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GREETING = "grüße aus Köln ✓ 日本";

    @TempDir
    Path tmp;
    private String composeProject;
    private String[] engineArgs;
    private String out;
    private String err;

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--project", tmp.resolve("p").toString()));
        all.addAll(List.of(args));
        all.addAll(List.of(engineArgs));
        int code = Main.run(all.toArray(String[]::new), new PrintWriter(o), new PrintWriter(e));
        out = o.toString();
        err = e.toString();
        return code;
    }

    private static List<JsonNode> lines(String text) {
        return text.lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + l, e);
            }
        }).toList();
    }

    /** A project whose iot stack is one busybox service that prints {@link #GREETING} and sleeps. */
    private void project(String engineId) throws Exception {
        String host = TestEngines.requireEndpoint(TestEngines.endpointVariable(engineId));
        try (ContainerEngine engine = TestEngines.connectAt(engineId, host)) {
            TestEngines.assumeImage(engine, TestEngines.TEST_IMAGE);
        }
        engineArgs = new String[] {"--engine", engineId, "--host", host};
        composeProject = "p4n4-cli-json-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = tmp.resolve("p");
        StringWriter ignored = new StringWriter();
        assertThat(Main.run(new String[] {"init", dir.toString(), "--name", composeProject, "--stacks", "iot"},
                new PrintWriter(ignored), new PrintWriter(ignored))).as(ignored.toString()).isZero();
        Files.writeString(dir.resolve("stacks/iot/docker-compose.yml"), """
                name: %s
                services:
                  app:
                    image: %s
                    command: ["sh", "-c", "echo '%s'; sleep 3600"]
                    labels:
                      io.p4n4.test: cli-json
                    stop_grace_period: 1s
                """.formatted(composeProject, TestEngines.TEST_IMAGE, GREETING));
    }

    @AfterEach
    void removeEverything() {
        if (engineArgs != null) {
            run("down", "--volumes");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void upStatusLogsAndDownPrintJson(String engineId) throws Exception {
        project(engineId);

        assertThat(run("--json", "up")).as(out + err).isZero();
        assertThat(err).isEmpty();
        List<JsonNode> up = lines(out);
        assertThat(up).extracting(n -> n.get("type").asText()).last().isEqualTo("result");
        assertThat(up.subList(0, up.size() - 1)).allSatisfy(n -> assertThat(n.get("type").asText()).isEqualTo("progress"))
                .extracting(n -> n.get("step").asText() + " " + n.get("subject").asText())
                .contains("container_created app", "container_started app");
        JsonNode upResult = up.get(up.size() - 1);
        assertThat(upResult.get("engine").asText()).isEqualTo(engineId);
        assertThat(upResult.at("/stacks/iot/created").toString()).isEqualTo("[\"app\"]");
        assertThat(upResult.at("/stacks/iot/unchanged").toString()).isEqualTo("[]");

        assertThat(run("--json", "up")).as(err).isZero();
        assertThat(lines(out).get(lines(out).size() - 1).at("/stacks/iot/unchanged").toString()).isEqualTo("[\"app\"]");

        assertThat(run("--json", "status")).as(err).isZero();
        JsonNode status = JSON.readTree(out);
        assertThat(status.get("engine").asText()).isEqualTo(engineId);
        JsonNode app = status.at("/stacks/iot/0");
        assertThat(app.get("service").asText()).isEqualTo("app");
        assertThat(app.get("container").asText()).isEqualTo(composeProject + "-app-1");
        assertThat(app.get("state").asText()).isEqualTo("running");
        assertThat(app.get("health").asText()).isEqualTo("none");
        assertThat(app.get("ports").isArray()).isTrue();

        JsonNode logLine = Waits.within(Duration.ofSeconds(20), Duration.ofMillis(200)).alias("the greeting in the logs")
                .until(() -> {
                    run("--json", "logs", "iot");
                    return lines(out).stream().filter(n -> n.get("text").asText().equals(GREETING)).findFirst()
                            .orElse(null);
                }, n -> n != null);
        assertThat(logLine.get("service").asText()).isEqualTo("app");
        assertThat(logLine.get("stream").asText()).isEqualTo("stdout");

        assertThat(run("--json", "down")).as(err).isZero();
        List<JsonNode> down = lines(out);
        assertThat(down.subList(0, down.size() - 1)).extracting(n -> n.get("step").asText())
                .contains("container_removed", "network_removed");
        JsonNode downResult = down.get(down.size() - 1);
        assertThat(downResult.get("type").asText()).isEqualTo("result");
        assertThat(downResult.at("/stacks/iot/containers").toString()).isEqualTo("[\"" + composeProject + "-app-1\"]");

        assertThat(run("--json", "status")).as(err).isZero();
        assertThat(JSON.readTree(out).at("/stacks/iot").toString()).isEqualTo("[]");
        try (ContainerEngine engine = TestEngines.connectAt(engineId, engineArgs[3])) {
            assertThat(engine.listContainers(ContainerFilter.all(LabelFilter.of("com.docker.compose.project",
                    composeProject)))).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void followedLogsAreJsonLinesUntilTheContainerStops(String engineId) throws Exception {
        project(engineId);
        assertThat(run("up")).as(err).isZero();

        StringWriter followed = new StringWriter();
        StringWriter followErr = new StringWriter();
        int[] exit = {-1};
        String[] args = {"--project", tmp.resolve("p").toString(), "--json", "logs", "iot", "--follow",
            engineArgs[0], engineArgs[1], engineArgs[2], engineArgs[3]};
        Thread follower = new Thread(() -> exit[0] = Main.run(args, new PrintWriter(followed, true),
                new PrintWriter(followErr, true)));
        follower.start();
        Waits.within(Duration.ofSeconds(20), Duration.ofMillis(100)).alias("the followed greeting")
                .until(() -> followed.toString().contains("✓"));

        assertThat(run("down")).as(err).isZero();
        follower.join(Duration.ofSeconds(30).toMillis());
        assertThat(follower.isAlive()).as("follow ends when the container stops").isFalse();
        assertThat(exit[0]).as(followErr.toString()).isZero();
        assertThat(lines(followed.toString())).isNotEmpty().allSatisfy(n -> {
            assertThat(n.get("service").asText()).isEqualTo("app");
            assertThat(n.has("text")).isTrue();
        }).extracting(n -> n.get("text").asText()).contains(GREETING);
    }
}
