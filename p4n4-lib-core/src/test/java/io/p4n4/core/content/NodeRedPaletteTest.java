package io.p4n4.core.content;

import static io.p4n4.core.content.BundledContent.SUBFLOW_IDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.p4n4.api.project.StackId;
import io.p4n4.core.P4n4;
import io.p4n4.core.project.InitOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Node-RED AI palette (spec F-0.2.2) in the iot template's flows.json, and the smoke flow
 * {@code ai-integration-smoke.json}, have the structure Node-RED imports.
 */
class NodeRedPaletteTest {
    private static final Pattern ENV_GET = Pattern.compile("env\\.get\\('([A-Z0-9_]+)'\\)");

    @TempDir
    Path tmp;

    @Test
    void everyVariableTheFlowsReadIsSetForNodeRedByTheIotStack() throws Exception {
        P4n4.builder().environment(Map.of()).build().projectService()
                .init(InitOptions.of(tmp.resolve("p"), List.of(StackId.IOT)));
        JsonNode env = new YAMLMapper().readTree(tmp.resolve("p/stacks/iot/docker-compose.yml").toFile())
                .path("services").path("node-red").path("environment");
        Set<String> read = new TreeSet<>(BundledContent.matches(ENV_GET, BundledContent.json("iot/flows.json")
                .toString()));
        assertThat(read).contains("OLLAMA_URL", "LETTA_URL", "INFLUXDB_URL", "LETTA_SERVER_PASSWORD", "INFLUXDB_TOKEN",
                "OLLAMA_MODEL", "LETTA_AGENT_ID");
        read.forEach(v -> assertThat(env.has(v)).as("node-red's environment sets " + v).isTrue());
    }

    @Test
    void theIotFlowsFileImportsAndHoldsTheSixSubflowsUnderTheirFixedIds() {
        JsonNode flows = BundledContent.json("iot/flows.json");
        assertThat(NodeRedFlowShape.problems(flows)).isEmpty();
        List<String> subflows = new ArrayList<>();
        for (JsonNode n : flows) {
            if (n.path("type").asText().equals("subflow")) {
                subflows.add(n.path("id").asText());
                assertThat(n.path("category").asText()).as(n.path("id").asText()).isEqualTo("p4n4 AI");
                assertThat(n.path("in")).as("one input").hasSize(1);
                assertThat(n.path("out")).as("one output").hasSize(1);
                assertThat(n.path("info").asText()).as("documents msg.error").contains("msg.error");
            }
        }
        assertThat(subflows).containsExactlyElementsOf(SUBFLOW_IDS);
        // the telemetry tab is still there, as before the palette
        assertThat(flows.findValuesAsText("id")).contains("p4n4-sensors-in", "p4n4-to-line-protocol");
    }

    @Test
    void theSmokeFlowWiresInjectThroughOllamaGenerateToADebugNode() {
        JsonNode smoke = BundledContent.json("iot/ai-integration-smoke.json");
        assertThat(NodeRedFlowShape.problems(smoke)).as("imports on its own").isEmpty();
        Map<String, JsonNode> byId = new HashMap<>();
        smoke.forEach(n -> byId.put(n.path("id").asText(), n));
        JsonNode inject = smoke.findParents("type").stream().filter(n -> n.path("type").asText().equals("inject"))
                .findFirst().orElseThrow();
        List<String> path = new ArrayList<>();
        for (JsonNode n = inject; n != null; n = n.path("wires").path(0).path(0).isMissingNode() ? null
                : byId.get(n.path("wires").path(0).path(0).asText())) {
            path.add(n.path("type").asText());
        }
        assertThat(path).containsExactly("inject", "subflow:p4n4-sf-ollama-generate", "function", "debug");
    }

    @Test
    void theSmokeFlowCarriesTheSameOllamaGenerateSubflowAsThePalette() {
        String id = "p4n4-sf-ollama-generate";
        assertThat(BundledContent.withContainer(BundledContent.json("iot/ai-integration-smoke.json"), id))
                .hasSize(4) // the definition and its three nodes
                .containsExactlyInAnyOrderElementsOf(BundledContent.withContainer(
                        BundledContent.json("iot/flows.json"), id));
    }
}
