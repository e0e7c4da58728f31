package io.p4n4.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.Manifest;
import io.p4n4.api.project.StackDefinition;
import io.p4n4.api.project.StackFile;
import io.p4n4.api.project.StackId;
import io.p4n4.api.project.ValidationReport;
import io.p4n4.api.spi.StackProvider;
import io.p4n4.core.P4n4;
import io.p4n4.compose.env.DotEnv;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectServiceTest {
    static final List<StackId> ALL = List.of(StackId.IOT, StackId.AI, StackId.EDGE);

    @TempDir
    Path tmp;

    private final ProjectService projects = P4n4.builder().environment(Map.of()).build().projectService();

    @Test
    void initWritesEveryFileOfAllThreeStacks() throws Exception {
        Path dir = tmp.resolve("demo");
        Project p = projects.init(InitOptions.of(dir, ALL));

        assertThat(p.directory()).isEqualTo(dir);
        for (String f : List.of(".p4n4.json", ".env", ".env.example", ".gitignore",
                "stacks/iot/docker-compose.yml", "stacks/iot/config/mosquitto/mosquitto.conf",
                "stacks/iot/config/grafana/provisioning/datasources/datasources.yml",
                "stacks/iot/config/node-red/flows.json", "stacks/iot/config/node-red/flows_cred.json",
                "stacks/iot/config/node-red/settings.js", "stacks/iot/config/node-red/ai-integration-smoke.json",
                "stacks/ai/docker-compose.yml", "stacks/ai/config/n8n/workflows/alert-enrichment.json",
                "stacks/ai/config/n8n/workflows/scheduled-digest.json",
                "stacks/ai/config/n8n/workflows/device-onboarding.json",
                "stacks/ai/config/n8n/workflows/incident-escalation.json",
                "stacks/ai/config/n8n/workflows/anomaly-investigation.json",
                "stacks/ai/config/n8n/workflows/sensor-qa.json",
                "stacks/ai/config/n8n/workflows/model-drift-report.json",
                "stacks/ai/config/n8n/workflows/operator-briefing.json",
                "stacks/ai/letta/agents/site-monitor.toml", "stacks/ai/letta/agents/anomaly-analyst.toml",
                "stacks/ai/letta/agents/operator-assistant.toml",
                "stacks/edge/docker-compose.yml", "stacks/edge/models/.gitkeep")) {
            assertThat(dir.resolve(f)).as(f).isRegularFile();
        }
        assertThat(Files.getPosixFilePermissions(dir.resolve(".env")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("stacks/iot/config/mosquitto/mosquitto.conf")))
                .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(dir.resolve(".gitignore")).content().contains(".env\n").contains("*.eim\n");

        Manifest m = p.v1Manifest();
        assertThat(m.name()).isEqualTo("demo");
        assertThat(m.stacks()).containsExactlyElementsOf(ALL);
        assertThat(m.cliVersion()).matches("\\d+\\.\\d+\\.\\d+");
        for (String wf : List.of("alert-enrichment", "scheduled-digest", "device-onboarding", "incident-escalation",
                "anomaly-investigation", "sensor-qa", "model-drift-report", "operator-briefing")) {
            JsonNode node = new ObjectMapper().readTree(dir.resolve("stacks/ai/config/n8n/workflows/" + wf + ".json")
                    .toFile());
            assertThat(node.get("nodes").size()).as(wf).isGreaterThan(1);
            assertThat(node.get("active").asBoolean()).isFalse();
        }
    }

    @Test
    void envHoldsEveryVariableOnceWithFreshSecretsAndExampleHoldsNone() throws Exception {
        Path dir = tmp.resolve("demo");
        projects.init(InitOptions.of(dir, ALL));
        Map<String, String> env = DotEnv.read(dir.resolve(".env"), k -> null);
        String envText = Files.readString(dir.resolve(".env"));
        assertThat(envText.split("\nINFLUXDB_ADMIN_TOKEN=", -1)).hasSize(2);
        assertThat(env.get("INFLUXDB_ADMIN_TOKEN")).matches("[A-Za-z0-9_-]{43}");
        assertThat(env.get("N8N_ENCRYPTION_KEY")).matches("[0-9a-f]{64}");
        assertThat(env.get("INFLUXDB_ORG")).isEqualTo("p4n4");
        assertThat(env.get("EI_API_KEY")).isEmpty();
        assertThat(env.get("MQTT_PASSWORD")).isNotEqualTo(env.get("INFLUXDB_ADMIN_TOKEN"));
        Map<String, String> example = DotEnv.read(dir.resolve(".env.example"), k -> null);
        assertThat(example.keySet()).isEqualTo(env.keySet());
        for (var e : env.entrySet()) {
            if (e.getValue().length() > 20) {
                assertThat(Files.readString(dir.resolve(".env.example"))).doesNotContain(e.getValue());
            }
        }
        assertThat(example.get("INFLUXDB_ADMIN_TOKEN")).isEqualTo("change-me");
    }

    @Test
    void composeFilesCreateOrJoinTheSharedNetwork() throws Exception {
        Path dir = tmp.resolve("demo");
        projects.init(InitOptions.of(dir, ALL));
        YAMLMapper yaml = new YAMLMapper();
        JsonNode iot = yaml.readTree(dir.resolve("stacks/iot/docker-compose.yml").toFile());
        JsonNode net = iot.at("/networks/p4n4-net");
        assertThat(net.get("name").asText()).isEqualTo("p4n4-net");
        assertThat(net.get("driver").asText()).isEqualTo("bridge");
        assertThat(net.at("/ipam/config/0/subnet").asText()).isEqualTo("172.20.0.0/16");
        assertThat(net.get("labels").size()).isEqualTo(1);
        assertThat(iot.get("name").asText()).isEqualTo("demo-iot");
        assertThat(iot.at("/services/mosquitto/healthcheck/test").isArray()).isTrue();
        assertThat(iot.at("/services/influxdb/healthcheck/test/1").asText()).isEqualTo("influx");
        assertThat(iot.at("/services/mosquitto/image").asText()).isEqualTo("eclipse-mosquitto:2");
        for (String s : List.of("ai", "edge")) {
            JsonNode doc = yaml.readTree(dir.resolve("stacks/" + s + "/docker-compose.yml").toFile());
            assertThat(doc.at("/networks/p4n4-net/external").asBoolean()).as(s).isTrue();
            assertThat(doc.at("/networks/p4n4-net/name").asText()).isEqualTo("p4n4-net");
        }
    }

    @Test
    void freshProjectValidatesCleanly() {
        Project p = projects.init(InitOptions.of(tmp.resolve("demo"), ALL).withName("My Demo"));
        ValidationReport report = p.validate();
        assertThat(report.problems()).isEmpty();
        assertThat(report.errorCode()).isEqualTo(ErrorCode.OK);
        assertThat(report.passed()).contains(".env: private (0600)");
        assertThat(p.v1Manifest().name()).isEqualTo("My Demo");
    }

    @Test
    void nonEmptyTargetIsRefusedUnlessForced() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(dir.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> projects.init(InitOptions.of(dir, List.of(StackId.IOT))))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USER);
                    assertThat(e.getMessage()).contains("not empty").contains("--force");
                });
        assertThat(dir.resolve(".p4n4.json")).doesNotExist();
        projects.init(InitOptions.of(dir, List.of(StackId.IOT)).withForce(true));
        assertThat(dir.resolve(".p4n4.json")).isRegularFile();
        assertThat(dir.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void failedInitLeavesNothingBehind() throws Exception {
        StackProvider broken = new StackProvider() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public String description() {
                return "a provider whose second file is missing";
            }

            @Override
            public int priority() {
                return 100;
            }

            @Override
            public List<StackDefinition> stacks() {
                return List.of(StackDefinition.builder(StackId.EDGE).description("broken edge")
                        .file(StackFile.directory("models"))
                        .file(StackFile.copy("docker-compose.yml", "no/such/resource.yml")).build());
            }

            @Override
            public Optional<InputStream> openResource(String resource) {
                return Optional.empty();
            }
        };
        ProjectService withBroken = P4n4.builder().stackProvider(broken).build().projectService();
        Path fresh = tmp.resolve("fresh");
        assertThatThrownBy(() -> withBroken.init(InitOptions.of(fresh, List.of(StackId.IOT, StackId.EDGE))))
                .isInstanceOf(P4n4Exception.class).hasMessageContaining("no/such/resource.yml");
        assertThat(fresh).doesNotExist();

        Path existing = Files.createDirectories(tmp.resolve("existing"));
        Files.writeString(existing.resolve("keep.txt"), "x");
        assertThatThrownBy(() -> withBroken.init(InitOptions.of(existing, List.of(StackId.EDGE)).withForce(true)))
                .isInstanceOf(P4n4Exception.class);
        try (var files = Files.list(existing)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("keep.txt");
        }
    }

    @Test
    void unknownOrNoStacksAreUserErrors() {
        assertThatThrownBy(() -> projects.init(InitOptions.of(tmp.resolve("a"), List.of())))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER));
        assertThatThrownBy(() -> projects.stacks().parse("cloud"))
                .hasMessageContaining("unknown stack 'cloud'").hasMessageContaining("iot, ai, edge");
        assertThatThrownBy(() -> projects.stacks().parse("Bad Name"))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER));
    }

    @Test
    void addIsIdempotentAndNeverChangesExistingValues() throws Exception {
        Path dir = tmp.resolve("demo");
        Project p = projects.init(InitOptions.of(dir, List.of(StackId.IOT)));
        Path env = dir.resolve(".env");
        String edited = Files.readString(env).replaceFirst("(?m)^INFLUXDB_ORG=.*$", "INFLUXDB_ORG=acme # ours")
                + "# my own note\nEXTRA=1\n";
        Files.writeString(env, edited);

        Project added = p.add(StackId.AI);
        assertThat(added.stacks()).containsExactly(StackId.IOT, StackId.AI);
        String after = Files.readString(env);
        assertThat(after).startsWith(edited);
        Map<String, String> values = DotEnv.read(env, k -> null);
        assertThat(values.get("INFLUXDB_ORG")).isEqualTo("acme");
        assertThat(values.get("N8N_ENCRYPTION_KEY")).matches("[0-9a-f]{64}");
        assertThat(after.split("\nINFLUXDB_ADMIN_TOKEN=", -1)).hasSize(2);
        assertThat(dir.resolve("stacks/ai/docker-compose.yml")).isRegularFile();
        assertThat(projects.open(dir).stacks()).containsExactly(StackId.IOT, StackId.AI);

        String manifest = Files.readString(dir.resolve(".p4n4.json"));
        assertThat(added.add(StackId.AI)).isSameAs(added);
        assertThat(projects.open(dir).add(StackId.AI).stacks()).containsExactly(StackId.IOT, StackId.AI);
        assertThat(dir.resolve(".p4n4.json")).hasContent(manifest.stripTrailing());
        assertThat(Files.readString(env)).isEqualTo(after);
        assertThat(added.validate().ok()).isTrue();
    }

    @Test
    void restoringAStackOfTheProjectWritesBackOnlyWhatValidateReportsMissing() throws Exception {
        Path dir = tmp.resolve("demo");
        Project p = projects.init(InitOptions.of(dir, List.of(StackId.IOT, StackId.AI)));
        Path persona = dir.resolve("stacks/ai/letta/agents/site-monitor.toml");
        Path compose = dir.resolve("stacks/ai/docker-compose.yml");
        Path version = dir.resolve("stacks/ai/VERSION");
        Files.delete(persona);
        Files.writeString(compose, "# mine\n");
        Files.writeString(version, "0.1.5\n"); // the files the project kept are of this version
        assertThat(p.validate().problems()).anySatisfy(problem -> assertThat(problem.message())
                .contains("site-monitor.toml"));

        assertThat(p.restoreMissingFiles(StackId.AI)).containsExactly(persona);
        assertThat(persona).isRegularFile();
        assertThat(compose).hasContent("# mine");
        assertThat(version).hasContent("0.1.5");
        assertThat(p.restoreMissingFiles(StackId.AI)).isEmpty();
        assertThatThrownBy(() -> p.restoreMissingFiles(StackId.EDGE))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("p4n4 add edge");
    }

    @Test
    void addKeepsChangedStackFilesAndRestoresMissingOnes() throws Exception {
        Path dir = tmp.resolve("demo");
        Project p = projects.init(InitOptions.of(dir, List.of(StackId.IOT)));
        Project removed = p.remove(StackId.IOT);
        Path compose = dir.resolve("stacks/iot/docker-compose.yml");
        Files.writeString(compose, "# mine\n");
        Files.delete(dir.resolve("stacks/iot/config/mosquitto/mosquitto.conf"));
        removed.add(StackId.IOT);
        assertThat(compose).hasContent("# mine");
        assertThat(dir.resolve("stacks/iot/config/mosquitto/mosquitto.conf")).isRegularFile();
    }

    @Test
    void removeIsIdempotentAndKeepsFiles() throws Exception {
        Path dir = tmp.resolve("demo");
        Project p = projects.init(InitOptions.of(dir, ALL));
        String env = Files.readString(dir.resolve(".env"));
        Project removed = p.remove(StackId.AI);
        assertThat(removed.stacks()).containsExactly(StackId.IOT, StackId.EDGE);
        assertThat(removed.remove(StackId.AI)).isSameAs(removed);
        assertThat(projects.open(dir).remove(StackId.AI).stacks()).containsExactly(StackId.IOT, StackId.EDGE);
        assertThat(dir.resolve("stacks/ai/docker-compose.yml")).isRegularFile();
        assertThat(dir.resolve(".env")).hasContent(env.stripTrailing());
        assertThat(Files.readString(dir.resolve(".env.example"))).doesNotContain("N8N_ENCRYPTION_KEY");
    }

    @Test
    void openWithoutProjectIsAUserError() {
        assertThatThrownBy(() -> projects.open(tmp))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USER);
                    assertThat(e.getMessage()).contains(".p4n4.json").contains("p4n4 init");
                });
        assertThat(projects.find(tmp)).isEmpty();
    }

    @Test
    void legacyProjectsCannotBeChangedButCanBeMigrated() throws Exception {
        Path dir = Fixtures.upstreamFlatProject(tmp.resolve("up"), "iot");
        Project p = projects.open(dir);
        assertThat(p.manifest().legacy()).isTrue();
        assertThat(p.layout()).isEqualTo(ProjectLayout.LEGACY_FLAT);
        assertThatThrownBy(() -> p.add(StackId.AI)).hasMessageContaining("p4n4 migrate");
        Project migrated = p.migrate();
        assertThat(migrated.manifest().legacy()).isFalse();
        assertThat(migrated.v1Manifest().name()).isEqualTo("test-project");
        assertThat(projects.open(dir).layout()).isEqualTo(ProjectLayout.LEGACY_FLAT);
        assertThat(migrated.migrate()).isSameAs(migrated);
        assertThat(migrated.validate().ok()).isTrue();
        assertThatThrownBy(() -> migrated.add(StackId.AI)).hasMessageContaining("upstream layout");
    }
}
