package io.p4n4.cli.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.api.clients.mqtt.MqttClient;
import io.p4n4.api.clients.mqtt.MqttQos;
import io.p4n4.cli.Main;
import io.p4n4.clients.ClientFactory;
import io.p4n4.testkit.engine.TestEndpoints;
import io.p4n4.testkit.mqtt.MosquittoProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code p4n4 mqtt pub|sub} on real Mosquitto: the shared one of scripts/services.sh, and one with passwords. */
@Timeout(60)
class MqttCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path project;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void realEnvironment() {
        MqttOptions.environment = System::getenv;
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static String sharedUrl() {
        var url = TestEndpoints.find("P4N4_TEST_MQTT_URL");
        Assumptions.assumeTrue(url.isPresent(), "P4N4_TEST_MQTT_URL is not set: run scripts/services.sh start");
        return url.get();
    }

    private void projectEnv(String env) throws Exception {
        Files.writeString(project.resolve(".p4n4.json"), "{}"); // a project: its root .env is read
        Files.writeString(project.resolve(".env"), env);
    }

    /** Runs {@code sub} in the background and publishes {@code topic} until it exits (bounded: 50 tries). */
    private int subWhilePublishing(String url, String topic, String... subArgs) throws Exception {
        CompletableFuture<Integer> sub = CompletableFuture.supplyAsync(() -> run(subArgs));
        try (ClientFactory clients = ClientFactory.create(); MqttClient pub = clients.mqtt().url(url).build()) {
            for (int i = 0; i < 50 && !sub.isDone(); i++) {
                pub.publish(topic, "{\"v\":" + i + "}", MqttQos.AT_LEAST_ONCE, false);
                Thread.sleep(100);
            }
        }
        return sub.get(10, TimeUnit.SECONDS);
    }

    @Test
    void subWithCountAndJsonPrintsOneObjectPerMessageThenExits() throws Exception {
        String url = sharedUrl();
        String device = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        int code = subWhilePublishing(url, "sensors/" + device + "/temperature",
                "mqtt", "sub", "sensors/" + device + "/+", "--count", "2", "--json", "--url", url, "--qos", "2");
        assertThat(code).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            JsonNode m = JSON.readTree(line);
            assertThat(m.get("topic").asText()).isEqualTo("sensors/" + device + "/temperature");
            assertThat(JSON.readTree(m.get("payload").asText()).has("v")).isTrue();
            assertThat(m.get("payload_encoding").asText()).isEqualTo("utf-8");
            assertThat(m.get("qos").asInt()).isEqualTo(1); // sent with 1: delivered with the lower of the two
            assertThat(m.get("retained").asBoolean()).isFalse();
        }
    }

    @Test
    void pubSendsARetainedMessageThatSubPrintsAsText() throws Exception {
        String url = sharedUrl();
        String topic = "status/cli-" + UUID.randomUUID().toString().substring(0, 8) + "/online";
        projectEnv("P4N4_MQTT_URL=" + url + "\n");
        assertThat(run("--project", project.toString(), "mqtt", "pub", topic, "true", "--retain", "--protocol", "5"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("published 4 bytes to " + topic + " (qos 1, retained)");
        out.getBuffer().setLength(0);
        assertThat(run("--project", project.toString(), "mqtt", "sub", topic, "-n", "1")).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo(topic + " true\n");
        out.getBuffer().setLength(0);
        assertThat(run("--json", "--project", project.toString(), "mqtt", "pub", topic, "", "--retain")).isZero();
        JsonNode doc = JSON.readTree(out.toString());
        assertThat(doc.get("topic").asText()).isEqualTo(topic);
        assertThat(doc.get("bytes").asInt()).isZero();
        assertThat(doc.get("qos").asInt()).isEqualTo(1);
        assertThat(doc.get("retained").asBoolean()).isTrue();
    }

    @Test
    void credentialsComeFromTheProjectsEnvAndTheEnvironmentWins() throws Exception {
        try (MosquittoProcess broker = MosquittoProcess.start(MosquittoProcess.requireBinary(), project.resolve("broker"),
                "allow_anonymous false\npassword_file "
                        + MosquittoProcess.writePasswordFile(project.resolve("passwd"), "node-red", "Right-Pa55-word")
                        + "\n")) {
            projectEnv("P4N4_MQTT_URL=" + broker.url() + "\nMQTT_USER=node-red\nMQTT_PASSWORD=Right-Pa55-word\n");
            assertThat(run("--project", project.toString(), "mqtt", "pub", "commands/pump-1/start", "{}"))
                    .as(err.toString()).isZero();

            Map<String, String> env = Map.of("MQTT_PASSWORD", "Wrong-Pa55-word");
            MqttOptions.environment = env::get;
            out.getBuffer().setLength(0);
            int code = run("--project", project.toString(), "mqtt", "pub", "commands/pump-1/start", "{}");
            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).contains("refused user 'node-red'").contains("MQTT_PASSWORD")
                    .doesNotContain("Wrong-Pa55-word").doesNotContain("Right-Pa55-word");
            assertThat(out.toString()).doesNotContain("Wrong-Pa55-word");
        }
    }

    @Test
    void wildcardsInPubAndAZeroCountAreUsageErrors() throws Exception {
        String url = sharedUrl();
        assertThat(run("mqtt", "pub", "sensors/+/t", "1", "--url", url)).isEqualTo(2);
        assertThat(err.toString()).contains("wildcards");
        assertThat(run("mqtt", "sub", "sensors/#", "--count", "0", "--url", url)).isEqualTo(2);
        assertThat(err.toString()).contains("--count must be 1 or more");
        assertThat(run("mqtt", "pub", "sensors/a/t", "1", "--url", "http://localhost")).isEqualTo(2);
        assertThat(err.toString()).contains("mqtt://, mqtts://");
    }
}
