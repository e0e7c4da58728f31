package io.p4n4.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.PullListener;
import io.p4n4.cli.Main;
import io.p4n4.compose.env.DotEnv;
import io.p4n4.testkit.await.Waits;
import io.p4n4.testkit.engine.TestEngines;
import io.p4n4.testkit.engine.TestRegistries;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code p4n4 up iot} on the real Mosquitto and Node-RED images scripts/engines.sh builds (Debian's
 * mosquitto, Node-RED from npm; InfluxDB stays its stand-in): a reading published with {@code p4n4 mqtt pub}
 * on {@code sensors/dev1/temperature} with the project's MQTT credentials runs through the bundled flow, which
 * turns it into line protocol and posts it to InfluxDB's write API. The stand-in InfluxDB cannot take the
 * write (it answers 501), and the flow reports that failure with the point it tried to write, so the
 * Node-RED log proves the whole path: broker, subscription, credentials from {@code .env}, the function, the
 * HTTP request built from INFLUXDB_ORG and INFLUXDB_BUCKET. The local registry serves the real broker too.
 * Skipped, with the reason, where the images are stand-ins.
 */
@Tag("engine")
class IotOnRealImagesTest {

    @TempDir
    Path tmp;
    private String[] engineArgs;
    private Path project;
    private String out;
    private String err;

    @ParameterizedTest
    @CsvSource({"docker, P4N4_TEST_DOCKER_HOST", "podman, P4N4_TEST_PODMAN_HOST"})
    void aReadingPublishedOnTheBrokerRunsThroughTheNodeRedFlowToInfluxDbsWriteApi(String engineId, String variable)
            throws Exception {
        String host = TestEngines.requireEndpoint(variable);
        try (ContainerEngine engine = TestEngines.connectAt(engineId, host)) {
            TestEngines.assumeRealImage(engine, "eclipse-mosquitto:2");
            TestEngines.assumeRealImage(engine, "nodered/node-red:latest");
        }
        Assumptions.assumeTrue(onPath("mosquitto_pub"), "mosquitto_pub is not installed (package mosquitto-clients)");
        engineArgs = new String[0]; // init does not use an engine
        project = tmp.resolve("site");
        assertThat(run("init", project.toString(), "--stacks", "iot")).as(err).isZero();
        engineArgs = new String[] {"--engine", engineId, "--host", host};
        Map<String, String> env = DotEnv.read(project.resolve(".env"), null);

        assertThat(run("--project", project.toString(), "up", "iot", "--wait", "--timeout", "120")).as(err).isZero();

        // Node-RED's admin API serves the bundled flow, and its broker node logged in with the .env credentials
        JsonNode flows = Waits.within(Duration.ofSeconds(60), Duration.ofMillis(500)).alias("Node-RED's GET /flows")
                .until(IotOnRealImagesTest::flows, f -> f != null);
        assertThat(flows.findValuesAsText("id")).contains("p4n4-sensors-in", "p4n4-to-line-protocol",
                "p4n4-influx-write", "p4n4-write-failures");
        // the AI palette's subflows load with them (Node-RED starts no flows when a node type is unknown)
        assertThat(flows.findValuesAsText("id")).contains("p4n4-sf-ollama-generate", "p4n4-sf-ollama-chat",
                "p4n4-sf-ollama-embeddings", "p4n4-sf-letta-send-event", "p4n4-sf-letta-get-memory",
                "p4n4-sf-influx-flux-query");
        Waits.within(Duration.ofSeconds(60), Duration.ofMillis(500)).alias("Node-RED connected to the broker")
                .until(() -> nodeRedLog().contains("Connected to broker: p4n4-node-red@mqtt://mosquitto:1883"));

        // the broker is the real one: a wrong password is refused
        assertThat(publish(env.get("MQTT_USER"), "wrong-password", "sensors/dev1/temperature", "1"))
                .as("mosquitto_pub with a wrong password").isNotZero();
        // the reading goes through the CLI: broker (mqtt://localhost:1883) and credentials from the project's .env
        String[] engine = engineArgs;
        engineArgs = new String[0]; // mqtt does not use an engine
        assertThat(run("--project", project.toString(), "mqtt", "pub", "sensors/dev1/temperature", "21.5")).as(err)
                .isZero();
        engineArgs = engine;

        String url = "http://influxdb:8086/api/v2/write?precision=ms&org=" + encode(env.get("INFLUXDB_ORG"))
                + "&bucket=" + encode(env.get("INFLUXDB_BUCKET"));
        String attempted = "InfluxDB write failed: HTTP 501 from " + url + " for \"temperature,device=dev1 value=21.5 ";
        Waits.within(Duration.ofSeconds(30), Duration.ofMillis(500)).alias("the flow's report of its write")
                .until(() -> nodeRedLog().contains(attempted));
        assertThat(nodeRedLog()).doesNotContain(env.get("MQTT_PASSWORD"))
                .doesNotContain(env.get("INFLUXDB_ADMIN_TOKEN"));
    }

    @ParameterizedTest
    @CsvSource({"docker, P4N4_TEST_DOCKER_HOST", "podman, P4N4_TEST_PODMAN_HOST"})
    void theLocalRegistryServesTheRealBroker(String engineId, String variable) {
        String registry = TestRegistries.open().orElse(null);
        Assumptions.assumeTrue(registry != null, "P4N4_TEST_REGISTRY is not set; run scripts/engines.sh start");
        String image = registry + "/p4n4/eclipse-mosquitto:2";
        TestRegistries.removeLocalImage(engineId, image);
        try (ContainerEngine engine = TestEngines.connectAt(engineId, TestEngines.requireEndpoint(variable))) {
            TestEngines.assumeRealImage(engine, "eclipse-mosquitto:2");
            try {
                engine.pullImage(image, PullListener.NONE);
                assertThat(TestEngines.isRealImage(engine, image)).as(image + " is the real Mosquitto").isTrue();
                assertThat(engine.inspectImage(image).labels().get("org.opencontainers.image.version"))
                        .as("Mosquitto's version").startsWith("2.");
            } finally {
                TestRegistries.removeLocalImage(engineId, image);
            }
        }
    }

    @AfterEach
    void down() {
        if (project != null && engineArgs != null) {
            run("--project", project.toString(), "down", "--volumes");
        }
    }

    private String nodeRedLog() {
        assertThat(run("--project", project.toString(), "logs", "iot", "node-red")).as(err).isZero();
        return out;
    }

    /** The flows Node-RED runs, from its admin API (no adminAuth in the bundled settings), or null. */
    private static JsonNode flows() {
        try {
            // HTTP/1.1: Node-RED closes connections that ask to upgrade to h2c (its upgrade handler is for WebSockets)
            HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:1880/flows")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? new ObjectMapper().readTree(r.body()) : null;
        } catch (IOException e) {
            return null; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Publishes one QoS 1 message with mosquitto_pub (which takes a password on its command line, where
     * {@code p4n4 mqtt pub} reads it only from the environment or .env) to the stack's broker on port 1883.
     */
    private static int publish(String user, String password, String topic, String payload) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p", "1883", "-q", "1",
                "-u", user, "-P", password, "-t", topic, "-m", payload));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("mosquitto_pub finished").isTrue();
        return p.exitValue();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Path.of(dir, program).toFile().canExecute()) {
                return true;
            }
        }
        return false;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private int run(String... args) {
        String[] all = new String[args.length + engineArgs.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(engineArgs, 0, all, args.length, engineArgs.length);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(all, new PrintWriter(o), new PrintWriter(e));
        out = o.toString();
        err = e.toString();
        return code;
    }
}
