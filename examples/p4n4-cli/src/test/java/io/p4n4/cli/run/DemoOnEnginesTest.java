package io.p4n4.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.cli.Main;
import io.p4n4.compose.engine.EngineDiscovery;
import io.p4n4.testkit.await.Waits;
import io.p4n4.testkit.engine.TestEngines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The main job end to end on a real engine: {@code p4n4 quickstart} scaffolds the demo and brings iot, ai
 * and edge up (on the stand-in images {@code scripts/engines.sh start} builds under the real names);
 * {@code status}, {@code logs} (also {@code --follow}, until the containers stop), {@code down STACK} and
 * {@code up STACK --wait} work on it; {@code down --volumes} leaves nothing behind.
 */
@Tag("engine")
class DemoOnEnginesTest {
    private static final List<String> STACK_PROJECTS = List.of("p4n4-demo-iot", "p4n4-demo-ai", "p4n4-demo-edge");

    @TempDir
    Path tmp;
    private String out;
    private String err;
    private String[] engineArgs;

    private String[] withEngine(String... args) {
        String[] all = new String[args.length + engineArgs.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(engineArgs, 0, all, args.length, engineArgs.length);
        return all;
    }

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(withEngine(args), new PrintWriter(o), new PrintWriter(e));
        out = o.toString();
        err = e.toString();
        return code;
    }

    @AfterEach
    void down() {
        if (engineArgs != null) {
            run("--project", tmp.resolve("p4n4-demo").toString(), "down", "--volumes");
        }
    }

    @ParameterizedTest
    @CsvSource({"docker, P4N4_TEST_DOCKER_HOST", "podman, P4N4_TEST_PODMAN_HOST"})
    void quickstartBringsTheDemoUpAndDownRemovesIt(String engineId, String variable) throws InterruptedException {
        String host = TestEngines.requireEndpoint(variable);
        engineArgs = new String[] {"--engine", engineId, "--host", host};
        Path demo = tmp.resolve("p4n4-demo");

        assertThat(run("--project", tmp.toString(), "quickstart")).as(err).isZero();
        assertThat(out).contains("Starting the demo on " + engineId).contains("The demo is up")
                // the ai stack's readiness gate asked the services themselves
                .contains("ready ollama (GET http://127.0.0.1:11434/api/version 200)")
                .contains("ready letta (GET http://127.0.0.1:8283/v1/health/ 200)");
        // the summary: each UI and API at the port the engine published, where the sign-ins are, no secret value
        assertThat(out).containsPattern("\\n  Node-RED +http://localhost:1880\\R")
                .containsPattern("\\n  Grafana +http://localhost:3000\\R")
                .containsPattern("\\n  InfluxDB +http://localhost:8086\\R")
                .containsPattern("\\n  n8n +http://localhost:5678\\R")
                .containsPattern("\\n  Ollama +http://localhost:11434\\R")
                .containsPattern("\\n  Letta +http://localhost:8283\\R")
                .containsPattern("\\n  MQTT broker +mqtt://localhost:1883\\R")
                .contains("sign-ins (Grafana, InfluxDB, n8n, Letta) are in " + demo.resolve(".env"))
                .contains("p4n4 secret show");
        assertNoSecretValueIn(out, demo.resolve(".env"));

        assertThat(run("--project", demo.toString(), "status")).as(err).isZero();
        // the spec's columns: container name, image, status, ports (and p4n4's stack, service, health)
        assertThat(out.lines().findFirst()).hasValueSatisfying(header -> assertThat(header)
                .matches("STACK +SERVICE +CONTAINER +IMAGE +STATE +HEALTH +PORTS"));
        assertThat(out).containsPattern("(?m)^iot\\s+mosquitto\\s+p4n4-demo-iot-mosquitto-1\\s+\\S*eclipse-mosquitto:2\\s"
                + "+running\\s");
        assertThat(out.lines().filter(l -> l.contains(" running ")))
                .extracting(l -> l.split("\\s+")[1])
                .containsExactlyInAnyOrder("mosquitto", "influxdb", "node-red", "grafana", "ollama", "letta", "n8n",
                        "ei-runner");

        boolean realBroker;
        try (ContainerEngine engine = TestEngines.connectAt(engineId, host)) {
            realBroker = TestEngines.isRealImage(engine, "eclipse-mosquitto:2");
        }
        // the broker's first line: Mosquitto's own, or its stand-in's (scripts/engines.sh)
        String brokerStarted = realBroker ? "mosquitto | " : "mosquitto | stand-in broker listening";
        String brokerFirstLine = realBroker ? "mosquitto version 2." : "stand-in broker listening on ports 1883";
        assertThat(run("--project", demo.toString(), "logs", "iot", "--tail", "5")).as(err).isZero();
        assertThat(out).containsPattern("(?m)^mosquitto \\| \\S").containsPattern("(?m)^node-red \\| \\S");

        assertThat(run("--project", demo.toString(), "down", "ai")).as(err).isZero();
        assertThat(run("--project", demo.toString(), "status")).as(err).isZero();
        assertThat(out).containsPattern("(?m)^ai\\s+\\(not running\\)$").containsPattern("(?m)^iot\\s+mosquitto\\s");
        assertThat(run("--project", demo.toString(), "up", "ai", "--wait", "--timeout", "120")).as(err).isZero();
        assertThat(run("--project", demo.toString(), "status")).as(err).isZero();
        assertThat(out).containsPattern("(?m)^ai\\s+ollama\\s+\\S+\\s+\\S*ollama/ollama\\S*\\s+running\\s+healthy\\s");

        // logs --follow streams until the containers stop
        StringWriter followed = new StringWriter();
        int[] followExit = {-1};
        String[] followArgs = withEngine("--project", demo.toString(), "logs", "iot", "mosquitto", "--follow");
        Thread follower = new Thread(() -> followExit[0] = Main.run(followArgs, new PrintWriter(followed, true),
                new PrintWriter(new StringWriter())));
        follower.start();
        Waits.within(Duration.ofSeconds(20), Duration.ofMillis(100)).alias("the followed broker's first line")
                .until(() -> followed.toString().contains(brokerStarted));
        assertThat(followed.toString()).contains(brokerFirstLine);
        assertThat(follower.isAlive()).as("still following").isTrue();

        assertThat(run("--project", demo.toString(), "down", "--volumes")).as(err).isZero();
        follower.join(Duration.ofSeconds(30).toMillis());
        assertThat(follower.isAlive()).as("follow ends when the container stops").isFalse();
        assertThat(followExit[0]).isZero();
        try (ContainerEngine engine = EngineDiscovery.builder()
                .engineId(engineId).endpoint(host).build().connect()) {
            for (String project : STACK_PROJECTS) {
                assertThat(engine.listContainers(
                        ContainerFilter.all(LabelFilter.of("com.docker.compose.project", project))))
                        .as("containers of " + project).isEmpty();
                assertThat(engine.listVolumes(LabelFilter.of("com.docker.compose.project", project)))
                        .as("volumes of " + project).isEmpty();
            }
            assertThat(engine.findNetwork("p4n4-net")).as("p4n4-net").isEmpty();
        }
        engineArgs = null;
    }

    /** Fails when {@code text} holds the value of any password, token or key in the project's {@code .env}. */
    private static void assertNoSecretValueIn(String text, Path env) {
        try {
            java.util.List<String> secrets = java.nio.file.Files.readAllLines(env).stream()
                    .filter(l -> l.matches("[A-Z0-9_]*(PASSWORD|TOKEN|KEY)[A-Z0-9_]*=.{6,}"))
                    .map(l -> l.substring(l.indexOf('=') + 1)).toList();
            assertThat(secrets).as("the demo has generated secrets").hasSizeGreaterThanOrEqualTo(4);
            for (String secret : secrets) {
                assertThat(text).doesNotContain(secret);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
