package io.p4n4.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.p4n4.api.clients.mqtt.MqttTopics;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.env.DotEnv;
import io.p4n4.core.P4n4;
import io.p4n4.core.project.InitOptions;
import io.p4n4.core.scaffold.TemplateRenderer;
import io.p4n4.core.template.TemplateChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * The three official community templates (spec F-0.2.6) as a registry: index v2, manifests, flows Node-RED
 * imports, topics after the spec's convention, and READMEs that name what the files use.
 */
class CommunityTemplatesTest {
    private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    /** A topic built in a function node: {@code 'alerts/' + device + '/anomaly'} or {@code + msg.device +}. */
    private static final Pattern BUILT_TOPIC =
            Pattern.compile("'(sensors|commands|alerts|status|inference)/' \\+ [\\w.]+ \\+ '/([\\w-]+)'");
    private static final Pattern ENV_GET = Pattern.compile("env\\.get\\('([A-Z0-9_]+)'\\)");

    @TempDir
    Path tmp;

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    @Test
    void theRegistryOffersTheSpecsThreeTemplatesWithTheirStacks() {
        JsonNode t = CommunityTemplates.index().path("templates");
        assertThat(strings(t.path("factory-baseline").path("requires_stacks"))).containsExactly("iot", "ai", "edge");
        assertThat(strings(t.path("iot-minimal").path("requires_stacks"))).containsExactly("iot");
        assertThat(strings(t.path("greenhouse-control").path("requires_stacks"))).containsExactly("iot", "ai");
    }

    @Test
    void theIndexIsV2AndListsEveryTemplateDirectoryWithEveryField() {
        JsonNode index = CommunityTemplates.index();
        assertThat(index.path("org").asText()).isEqualTo("p4n4");
        assertThat(index.path("index_version").isTextual()).isTrue();
        assertThat(index.path("index_version").asText()).isEqualTo("2");
        Set<String> listed = new TreeSet<>();
        index.path("templates").fieldNames().forEachRemaining(listed::add);
        assertThat(listed).isEqualTo(new TreeSet<>(CommunityTemplates.templates().stream()
                .map(d -> d.getFileName().toString()).toList()));
        index.path("templates").properties().forEach(e -> {
            JsonNode t = e.getValue();
            String name = e.getKey();
            assertThat(t.path("repo").asText()).as("%s: the registry's own repository, wherever it is served from", name).isEqualTo(".");
            assertThat(t.path("subdir").asText()).as(name).isEqualTo(name);
            for (String f : List.of("description", "author", "license", "min_hardware")) {
                assertThat(t.path(f).asText()).as(name + " " + f).isNotBlank();
            }
            assertThat(t.path("latest").asText()).as(name).matches(SEMVER);
            assertThat(t.path("min_hardware").asText()).as(name).isIn("rpi4", "rpi5", "nuc", "gpu-workstation");
            assertThat(t.path("tags").isArray() && !t.path("tags").isEmpty()).as(name + " tags").isTrue();
            assertThat(strings(t.path("requires_stacks"))).as(name).isNotEmpty().allMatch(s -> Set.of("iot", "ai",
                    "edge").contains(s));
        });
    }

    @Test
    void everyTemplatePassesTheChecksTemplatePushRuns() {
        // the registry's CI: what `p4n4 template push` checks before it prints the pull-request URL
        for (Path dir : CommunityTemplates.templates()) {
            TemplateChecks.Result result = TemplateChecks.check(dir);
            assertThat(result.problems()).as(dir.toString()).isEmpty();
            assertThat(result.ok()).isTrue();
            assertThat(result.descriptor()).isPresent();
        }
    }

    @Test
    void everyManifestHasTheRequiredFieldsMatchingTheIndexAndRequiresCli020() {
        JsonNode index = CommunityTemplates.index().path("templates");
        for (Path dir : CommunityTemplates.templates()) {
            String name = dir.getFileName().toString();
            TomlParseResult toml = CommunityTemplates.manifest(dir);
            JsonNode entry = index.path(name);
            assertThat(toml.getString("template.name")).isEqualTo(name);
            assertThat(toml.getString("template.version")).as(name).matches(SEMVER).isEqualTo(entry.path("latest")
                    .asText());
            assertThat(toml.getString("template.description")).as(name).isEqualTo(entry.path("description").asText());
            assertThat(toml.getString("template.author")).as(name).isEqualTo(entry.path("author").asText());
            assertThat(toml.getString("template.license")).as(name).isEqualTo(entry.path("license").asText());
            assertThat(toml.getArray("template.tags").toList()).as(name).isEqualTo(strings(entry.path("tags")));
            assertThat(toml.getString("template.requires.cli")).as(name).isEqualTo(">=0.2.0");
            assertThat(toml.getArray("template.requires.stacks").toList()).as(name)
                    .isEqualTo(strings(entry.path("requires_stacks")));
            assertThat(toml.getLong("template.hardware.min_ram_gb")).as(name).isPositive();
            assertThat(toml.getLong("template.hardware.min_disk_gb")).as(name).isPositive();
            assertThat(toml.getBoolean("template.hardware.gpu")).as(name).isNotNull();
            TomlTable variables = toml.getTable("template.variables");
            for (String v : variables == null ? Set.<String>of() : variables.keySet()) {
                assertThat(variables.getString(List.of(v, "description"))).as(name + " " + v).isNotBlank();
                assertThat(variables.getString(List.of(v, "default"))).as(name + " " + v).isNotNull();
            }
        }
    }

    @Test
    void everyFlowsFileImportsIntoTheIotFlowsWithIdsOfItsOwn() {
        for (Path dir : CommunityTemplates.templates()) {
            String name = dir.getFileName().toString();
            JsonNode flows = CommunityTemplates.flows(dir);
            // the registry merges by node id into the project's flows.json
            Map<String, JsonNode> merged = new LinkedHashMap<>();
            BundledContent.json("iot/flows.json").forEach(n -> merged.put(n.path("id").asText(), n));
            flows.forEach(n -> merged.put(n.path("id").asText(), n));
            ArrayNode mergedFlows = BundledContent.JSON.createArrayNode().addAll(merged.values());
            assertThat(NodeRedFlowShape.problems(mergedFlows)).as(name).isEmpty();
            for (JsonNode n : flows) {
                String id = n.path("id").asText();
                assertThat(id.startsWith(name + "-") || id.startsWith("p4n4-sf-")).as(name + ": id " + id).isTrue();
                if (id.startsWith("p4n4-sf-")) {
                    assertThat(n).as(name + ": the palette's own " + id).isEqualTo(paletteNode(id));
                }
            }
        }
    }

    private static JsonNode paletteNode(String id) {
        for (JsonNode n : BundledContent.json("iot/flows.json")) {
            if (n.path("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError(id + " is not in the palette");
    }

    @Test
    void greenhouseControlUsesOllamaGenerateAndCarriesItsDefinition() {
        JsonNode flows = CommunityTemplates.flows(CommunityTemplates.root().resolve("greenhouse-control"));
        assertThat(NodeRedFlowShape.problems(flows).stream().filter(p -> !p.contains("broker p4n4-broker")))
                .as("imports on its own, the iot stack's broker apart").isEmpty();
        assertThat(flows.findValuesAsText("type")).contains("subflow:p4n4-sf-ollama-generate");
        assertThat(BundledContent.withContainer(flows, "p4n4-sf-ollama-generate")).hasSize(4)
                .containsExactlyInAnyOrderElementsOf(BundledContent.withContainer(
                        BundledContent.json("iot/flows.json"), "p4n4-sf-ollama-generate"));
    }

    /** Topics the flows subscribe to, and topics their functions publish ({@code alerts/<device-id>/anomaly}). */
    private static Set<String> topics(JsonNode flows) {
        Set<String> out = new TreeSet<>();
        for (JsonNode n : flows) {
            String type = n.path("type").asText();
            if (type.equals("mqtt in")) {
                out.add(n.path("topic").asText());
            } else if (type.equals("function") && !n.path("z").asText().startsWith("p4n4-sf-")) {
                var m = BUILT_TOPIC.matcher(n.path("func").asText());
                while (m.find()) {
                    out.add(m.group(1) + "/<device-id>/" + m.group(2));
                }
            }
        }
        return out;
    }

    @Test
    void everyTopicFollowsTheSpecsConvention() {
        for (Path dir : CommunityTemplates.templates()) {
            Set<String> topics = topics(CommunityTemplates.flows(dir));
            assertThat(topics).as(dir.getFileName() + " publishes alerts").anyMatch(t -> t.startsWith("alerts/"));
            topics.forEach(t -> assertThat(MqttTopics.matchesSpec(t.replace("<device-id>", "dev-1")))
                    .as(dir.getFileName() + ": " + t).isTrue());
        }
    }

    @Test
    void everyReadmeNamesTheTopicsAndVariablesItsFilesUse() throws Exception {
        for (Path dir : CommunityTemplates.templates()) {
            String readme = Files.readString(dir.resolve("README.md"));
            JsonNode flows = CommunityTemplates.flows(dir);
            Set<String> named = new TreeSet<>(topics(flows));
            for (JsonNode n : flows) {
                named.addAll(BundledContent.matches(ENV_GET, n.path("func").asText()));
            }
            named.addAll(envOf(dir).keySet());
            TomlTable variables = CommunityTemplates.manifest(dir).getTable("template.variables");
            named.addAll(variables == null ? Set.of() : variables.keySet());
            assertThat(named).as(dir.getFileName() + " names something").isNotEmpty();
            named.forEach(x -> assertThat(readme).as(dir.getFileName() + "/README.md names " + x).contains(x));
        }
    }

    private static Map<String, String> envOf(Path dir) throws Exception {
        Path env = dir.resolve("files/.env");
        return Files.exists(env) ? DotEnv.read(env, k -> null) : Map.of();
    }

    @Test
    void everyEnvFileSetsOnlyVariablesTheStacksPassOnAndNoSecret() throws Exception {
        for (Path dir : CommunityTemplates.templates()) {
            Map<String, String> env = envOf(dir);
            if (env.isEmpty()) {
                continue;
            }
            List<StackId> stacks = CommunityTemplates.manifest(dir).getArray("template.requires.stacks").toList()
                    .stream().map(s -> StackId.of(s.toString())).toList();
            Path project = tmp.resolve(dir.getFileName().toString());
            P4n4.builder().environment(Map.of()).build().projectService().init(InitOptions.of(project, stacks));
            StringBuilder compose = new StringBuilder();
            try (Stream<Path> files = Files.walk(project.resolve("stacks"))) {
                for (Path f : files.filter(f -> f.toString().endsWith("docker-compose.yml")).toList()) {
                    compose.append(Files.readString(f));
                }
            }
            env.forEach((k, v) -> {
                assertThat(compose.toString()).as(dir.getFileName() + ": a stack passes " + k + " on")
                        .contains("${" + k);
                assertThat(k).as("no secret in a template").doesNotContainPattern("PASSWORD|TOKEN|SECRET|API_KEY");
            });
        }
    }

    @Test
    void everyJinjaFileRendersWithTheDeclaredDefaultsAndTheProjectName() {
        TemplateRenderer renderer = TemplateRenderer.create();
        int rendered = 0;
        for (Path dir : CommunityTemplates.templates()) {
            Map<String, Object> values = new HashMap<>();
            values.put("project_name", "demo-site");
            TomlTable variables = CommunityTemplates.manifest(dir).getTable("template.variables");
            if (variables != null) {
                variables.keySet().forEach(v -> values.put(v, variables.getString(List.of(v, "default"))));
            }
            for (Path f : CommunityTemplates.files(dir)) {
                if (f.toString().endsWith(".j2")) {
                    String out = renderer.render(f.toString(), CommunityTemplates.text(f), values);
                    assertThat(out).as(f.toString()).contains("demo-site").doesNotContain("{{").doesNotContain("{%");
                    rendered++;
                }
            }
        }
        assertThat(rendered).isGreaterThanOrEqualTo(CommunityTemplates.templates().size());
    }
}
