package io.p4n4.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.p4n4.api.project.StackId;
import io.p4n4.core.P4n4;
import io.p4n4.core.stack.BundledStackProvider;
import io.p4n4.core.project.InitOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The n8n workflow library (spec F-0.2.3): eight workflows n8n imports, each with the spec's notes. */
class N8nWorkflowLibraryTest {
    private static final Pattern ENV = Pattern.compile("\\$env\\.([A-Z0-9_]+)");

    @TempDir
    Path tmp;

    private static JsonNode workflow(String name) {
        return BundledContent.json("ai/workflows/" + name + ".json");
    }

    @Test
    void theLibraryHasTheSpecsEightWorkflows() {
        assertThat(BundledStackProvider.N8N_WORKFLOWS).containsExactlyInAnyOrder("alert-enrichment",
                "scheduled-digest", "device-onboarding", "incident-escalation", "anomaly-investigation", "sensor-qa",
                "model-drift-report", "operator-briefing");
    }

    @Test
    void everyWorkflowHasTheStructureN8nImportsAndIsImportedInactive() {
        for (String name : BundledStackProvider.N8N_WORKFLOWS) {
            JsonNode wf = workflow(name);
            assertThat(N8nWorkflowShape.problems(wf)).as(name).isEmpty();
            assertThat(wf.path("active").asBoolean(true)).as(name + " active").isFalse();
            assertThat(wf.path("connections").size()).as(name + ": every node but the last has a successor")
                    .isEqualTo(wf.path("nodes").size() - 1);
        }
    }

    @Test
    void everyWorkflowsNotesSayPurposeTriggerAndExpectedOutput() {
        for (String name : BundledStackProvider.N8N_WORKFLOWS) {
            String notes = workflow(name).path("notes").asText();
            assertThat(notes).as(name).contains("Purpose: ").contains("Trigger: ").contains("Expected output: ");
        }
    }

    @Test
    void theOnlyCredentialReferencedIsTheMqttOneInitsNextStepsDescribe() {
        Set<String> credentials = new HashSet<>();
        for (String name : BundledStackProvider.N8N_WORKFLOWS) {
            for (JsonNode node : workflow(name).path("nodes")) {
                node.path("credentials").properties().forEach(c -> credentials.add(c.getKey() + "/"
                        + c.getValue().path("name").asText()));
            }
        }
        assertThat(credentials).containsExactly("mqtt/" + BundledStackProvider.N8N_MQTT_CREDENTIAL);
    }

    @Test
    void anomalyInvestigationAsksLettaThenHasOllamaWriteTheMemoInOneRun() {
        JsonNode wf = workflow("anomaly-investigation");
        List<String> urls = new ArrayList<>();
        String node = wf.path("nodes").path(0).path("name").asText();
        while (node != null) {
            for (JsonNode n : wf.path("nodes")) {
                if (n.path("name").asText().equals(node) && n.path("parameters").has("url")) {
                    urls.add(n.path("parameters").path("url").asText());
                }
            }
            JsonNode next = wf.path("connections").path(node).path("main").path(0).path(0);
            node = next.isMissingNode() ? null : next.path("node").asText();
        }
        assertThat(urls).containsExactly("={{ $env.LETTA_URL }}/v1/agents?name=anomaly-analyst",
                "={{ $env.LETTA_URL }}/v1/agents/{{ $json.id }}/messages", "={{ $env.OLLAMA_URL }}/api/generate");
    }

    @Test
    void everyEnvironmentVariableTheWorkflowsReadIsSetForN8nByTheAiStack() throws Exception {
        P4n4.builder().environment(Map.of()).build().projectService()
                .init(InitOptions.of(tmp.resolve("p"), List.of(StackId.IOT, StackId.AI)));
        JsonNode n8nEnv = new YAMLMapper().readTree(tmp.resolve("p/stacks/ai/docker-compose.yml").toFile())
                .path("services").path("n8n").path("environment");
        Set<String> read = new HashSet<>();
        for (String name : BundledStackProvider.N8N_WORKFLOWS) {
            read.addAll(BundledContent.matches(ENV, workflow(name).toString()));
        }
        assertThat(read).contains("OLLAMA_URL", "LETTA_URL", "INFLUXDB_URL");
        assertThat(n8nEnv.has("N8N_BLOCK_ENV_ACCESS_IN_NODE")).isTrue();
        read.forEach(v -> assertThat(n8nEnv.has(v)).as("n8n's environment sets " + v).isTrue());
    }
}
