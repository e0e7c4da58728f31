package io.p4n4.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three community templates' flows, merged by node id into the iot template's flows.json as
 * {@code template pull} merges them, start on a real Node-RED (every node type known, every function
 * compiled, nothing logged at error level), and greenhouse-control's grow-cycle report goes through the
 * palette's ollama-generate against a stand-in Ollama. The test feeds the readings through an {@code http in}
 * node it adds to the greenhouse tab, in place of the MQTT broker, and prints the report with the tab's debug
 * node switched to the console.
 */
class CommunityTemplatesOnNodeRedTest {
    private static StandInAiServices services;
    private static LocalNodeRed nodeRed;
    private static Path userDir;

    @BeforeAll
    static void start() throws Exception {
        Map<String, JsonNode> merged = new LinkedHashMap<>();
        BundledContent.json("iot/flows.json").forEach(n -> merged.put(n.path("id").asText(), n));
        for (Path dir : CommunityTemplates.templates()) {
            CommunityTemplates.flows(dir).forEach(n -> merged.put(n.path("id").asText(), n));
        }
        ((ObjectNode) merged.get("greenhouse-control-debug")).put("console", true);
        ArrayNode flows = BundledContent.JSON.createArrayNode().addAll(merged.values());
        flows.addObject().put("id", "test-readings-in").put("type", "http in").put("z", "greenhouse-control-tab")
                .put("url", "/test/reading").put("method", "post").put("upload", false).put("swaggerDoc", "")
                .put("x", 100).put("y", 400).set("wires", BundledContent.JSON.readTree(
                        "[[\"test-readings-as-mqtt\",\"test-readings-ok\"]]"));
        flows.addObject().put("id", "test-readings-as-mqtt").put("type", "function").put("z", "greenhouse-control-tab")
                .put("func", "return { topic: msg.payload.topic, payload: msg.payload.value };").put("outputs", 1)
                .put("x", 300).put("y", 400).set("wires", BundledContent.JSON.readTree(
                        "[[\"greenhouse-control-keep\",\"greenhouse-control-irrigate\"]]"));
        flows.addObject().put("id", "test-readings-ok").put("type", "http response").put("z", "greenhouse-control-tab")
                .put("statusCode", "204").put("x", 300).put("y", 440).set("wires", BundledContent.JSON.createArrayNode());
        assertThat(NodeRedFlowShape.problems(flows)).isEmpty();

        userDir = Files.createTempDirectory("p4n4-node-red-templates");
        services = new StandInAiServices();
        try {
            nodeRed = LocalNodeRed.start(userDir, flows, Map.of("OLLAMA_URL", services.url(), "OLLAMA_MODEL",
                    "qwen2.5:0.5b"));
        } catch (org.opentest4j.TestAbortedException | AssertionError e) {
            services.close();
            throw e;
        }
    }

    @AfterAll
    static void stop() throws Exception {
        LocalNodeRed.stopAll(nodeRed, services, userDir);
    }

    @Test
    void theMergedFlowsStartWithEveryTemplateTabAndNoError() throws Exception {
        JsonNode running = BundledContent.JSON.readTree(nodeRed.get("/flows").body());
        assertThat(running.findValuesAsText("id")).contains("iot-minimal-tab", "greenhouse-control-tab",
                "factory-baseline-tab", "p4n4-sensors-in");
        assertThat(nodeRed.errors()).isEmpty();
    }

    @Test
    void greenhouseControlsMorningReportGoesThroughOllamaGenerate() throws Exception {
        for (String reading : new String[] {"{\"topic\":\"sensors/bed-1/soil_moisture\",\"value\":31}",
                "{\"topic\":\"sensors/bed-1/humidity\",\"value\":82}"}) {
            assertThat(nodeRed.post("/test/reading", reading).statusCode()).isEqualTo(204);
        }
        assertThat(nodeRed.post("/inject/greenhouse-control-morning", "{}").statusCode()).isEqualTo(200);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!nodeRed.log().contains(StandInAiServices.GENERATED) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(nodeRed.log()).contains("[debug:grow-cycle report]").contains(StandInAiServices.GENERATED);
        JsonNode sent = services.last("/api/generate").json();
        assertThat(sent.path("model").asText()).as("OLLAMA_MODEL from the environment").isEqualTo("qwen2.5:0.5b");
        assertThat(sent.path("prompt").asText()).contains("bed bed-1").contains("\"soil_moisture\":31")
                .contains("\"humidity\":82");
    }
}
