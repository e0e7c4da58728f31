package io.p4n4.core.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.api.clients.mqtt.MqttTopics;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every MQTT topic of the bundled n8n workflows and Node-RED flows follows the specification's patterns
 * ({@link MqttTopics#matchesSpec}): {@code sensors/<id>/<measurement>}, {@code commands/<id>/<action>},
 * {@code alerts/<id>/<type>}, {@code status/<id>/online}, {@code inference/<id>/result}. An n8n expression
 * ({@code {{ ... }}}) stands for an id.
 */
class BundledMqttTopicsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** topic (as written) -> the file and node it is in, for every MQTT node of every bundled template. */
    private static Map<String, String> bundledTopics() throws Exception {
        URL root = BundledMqttTopicsTest.class.getResource("/io/p4n4/core/templates");
        assertThat(root).as("the bundled templates on the test class path").isNotNull();
        Map<String, String> topics = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(Path.of(root.toURI()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode doc = JSON.readTree(file.toFile());
                JsonNode nodes = doc.isArray() ? doc : doc.path("nodes");
                for (JsonNode node : nodes) {
                    for (String t : topicsOf(node)) {
                        topics.put(t, file.getFileName() + " / " + node.path("name").asText(node.path("id").asText()));
                    }
                }
            }
        }
        return topics;
    }

    private static List<String> topicsOf(JsonNode node) {
        String type = node.path("type").asText();
        List<String> out = new ArrayList<>();
        switch (type) {
            case "n8n-nodes-base.mqttTrigger" -> {
                for (String t : node.path("parameters").path("topics").asText().split(",")) {
                    out.add(t.trim());
                }
            }
            case "n8n-nodes-base.mqtt" -> out.add(node.path("parameters").path("topic").asText());
            case "mqtt in", "mqtt out" -> out.add(node.path("topic").asText());
            default -> { }
        }
        return out;
    }

    private static String asTopic(String written) {
        String t = written.startsWith("=") ? written.substring(1) : written; // an n8n expression field
        return t.replaceAll("\\{\\{[^}]*}}", "some-id");
    }

    @Test
    void everyBundledMqttTopicFollowsTheSpecsPatterns() throws Exception {
        Map<String, String> topics = bundledTopics();
        // the four n8n workflows' triggers and outputs and Node-RED's ingest: a walk that found none proves nothing
        assertThat(topics).containsKeys("alerts/+/+", "alerts/+/critical", "status/+/online", "sensors/#",
                "=alerts/{{ $json.device_id }}/escalated", "=commands/{{ $json.device_id }}/registered");
        topics.forEach((written, where) -> assertThat(MqttTopics.matchesSpec(asTopic(written)))
                .as("%s in %s follows the spec's topic patterns", written, where).isTrue());
    }

    @Test
    void theCheckRefusesTheTopicsTheWorkflowsUsedBefore() {
        assertThat(MqttTopics.matchesSpec("devices/+/register")).isFalse();
        assertThat(MqttTopics.matchesSpec("alerts/escalated")).isFalse();
        assertThat(MqttTopics.matchesSpec(asTopic("=devices/{{ $json.device_id }}/status"))).isFalse();
    }
}
