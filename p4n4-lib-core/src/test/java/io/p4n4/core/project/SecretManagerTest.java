package io.p4n4.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.project.GeneratedSecret;
import io.p4n4.api.project.RotationPlan;
import io.p4n4.api.project.SecretKind;
import io.p4n4.api.project.SecretRow;
import io.p4n4.api.project.StackId;
import io.p4n4.core.P4n4;
import io.p4n4.compose.env.DotEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretManagerTest {
    @TempDir
    Path tmp;

    private final ProjectService projects = P4n4.builder().environment(Map.of()).build().projectService();
    private Project project;
    private Path env;

    @BeforeEach
    void init() {
        project = projects.init(InitOptions.of(tmp.resolve("demo"), ProjectServiceTest.ALL));
        env = project.directory().resolve(".env");
    }

    @Test
    void showMasksEveryValueCompletely() throws Exception {
        Map<String, String> values = DotEnv.read(env, k -> null);
        List<SecretRow> rows = project.secrets().show();
        assertThat(rows).extracting(SecretRow::name).contains("INFLUXDB_ADMIN_TOKEN", "MQTT_PASSWORD",
                "N8N_ENCRYPTION_KEY", "LETTA_SERVER_PASSWORD", "GF_SECURITY_ADMIN_PASSWORD", "EI_API_KEY")
                .doesNotContain("INFLUXDB_ORG", "TZ").doesNotHaveDuplicates();
        for (SecretRow row : rows) {
            String value = values.get(row.name());
            if (!value.isEmpty()) {
                assertThat(row.masked()).isEqualTo("****");
                assertThat(row.toString()).doesNotContain(value.substring(0, 8));
            }
        }
        SecretRow token = rows.stream().filter(r -> r.name().equals("INFLUXDB_ADMIN_TOKEN")).findFirst().orElseThrow();
        assertThat(token.crossStack()).isTrue();
        assertThat(token.stack()).isEqualTo(StackId.IOT);
        assertThat(rows.stream().filter(r -> r.name().equals("EI_API_KEY")).findFirst().orElseThrow().masked())
                .isEqualTo("(empty)");
    }

    @Test
    void generateWritesNothingAndGivesFreshValues() throws Exception {
        String before = Files.readString(env);
        List<GeneratedSecret> fresh = project.secrets().generate();
        assertThat(Files.readString(env)).isEqualTo(before);
        assertThat(fresh).extracting(GeneratedSecret::name).doesNotContain("EI_API_KEY").doesNotHaveDuplicates();
        for (GeneratedSecret s : fresh) {
            assertThat(before).doesNotContain(s.value());
            assertThat(s.toString()).doesNotContain(s.value()).contains("****");
            assertThat(s.value()).matches(s.kind() == SecretKind.HEX ? "[0-9a-f]{64}" : "[A-Za-z0-9_-]{43}");
        }
    }

    @Test
    void rotationSkipsSetupOnlySecretsWithAWarning() {
        RotationPlan plan = project.secrets().planRotation();
        assertThat(plan.changes()).extracting(GeneratedSecret::name)
                .containsExactlyInAnyOrder("MQTT_PASSWORD", "LETTA_SERVER_PASSWORD", "N8N_BASIC_AUTH_PASSWORD");
        assertThat(plan.skipped()).containsExactlyInAnyOrder("INFLUXDB_ADMIN_TOKEN", "INFLUXDB_ADMIN_PASSWORD",
                "GF_SECURITY_ADMIN_PASSWORD", "N8N_ENCRYPTION_KEY");
        assertThat(String.join("\n", plan.warnings())).contains("INFLUXDB_ADMIN_TOKEN").contains("--include-setup");
        assertThat(plan.toString()).doesNotContain(plan.changes().get(0).value());
    }

    @Test
    void includedSetupOnlySecretsComeWithResetInstructions() {
        RotationPlan plan = project.secrets().planRotationIncludingSetupOnly();
        assertThat(plan.skipped()).isEmpty();
        assertThat(plan.changes()).extracting(GeneratedSecret::name).contains("INFLUXDB_ADMIN_TOKEN",
                "N8N_ENCRYPTION_KEY");
        assertThat(plan.warnings()).anySatisfy(w -> assertThat(w).startsWith("INFLUXDB_ADMIN_TOKEN:")
                .contains("influx auth create"));
        assertThat(plan.warnings()).anySatisfy(w -> assertThat(w).startsWith("N8N_ENCRYPTION_KEY:"));
    }

    @Test
    void applyChangesOnlyThePlannedKeysAndKeepsTheRest() throws Exception {
        Files.writeString(env, Files.readString(env) + "# keep me\nOTHER=value # note\n");
        String before = Files.readString(env);
        Map<String, String> old = DotEnv.read(env, k -> null);
        RotationPlan plan = project.secrets().planRotation();
        assertThat(Files.readString(env)).isEqualTo(before);

        project.secrets().apply(plan);
        Map<String, String> now = DotEnv.read(env, k -> null);
        for (GeneratedSecret s : plan.changes()) {
            assertThat(now.get(s.name())).isEqualTo(s.value()).isNotEqualTo(old.get(s.name()));
        }
        for (String skipped : plan.skipped()) {
            assertThat(now.get(skipped)).isEqualTo(old.get(skipped));
        }
        assertThat(now.get("OTHER")).isEqualTo("value");
        assertThat(Files.readString(env)).contains("# keep me\nOTHER=value # note\n")
                .contains("# --- stack ai ---");
        assertThat(Files.readString(env).split("\nMQTT_PASSWORD=", -1)).hasSize(2);
        assertThat(Files.getPosixFilePermissions(env)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aPlanForAnotherProjectIsRefused() {
        Project other = projects.init(InitOptions.of(tmp.resolve("other"), List.of(StackId.IOT)));
        RotationPlan plan = other.secrets().planRotation();
        assertThatThrownBy(() -> project.secrets().apply(plan)).hasMessageContaining("plan again");
    }

    @Test
    void legacyProjectsUseUpstreamSecretNames() throws Exception {
        Path dir = Fixtures.upstreamFlatProject(tmp.resolve("up"), "iot");
        Project legacy = projects.open(dir);
        assertThat(legacy.secrets().show()).extracting(SecretRow::name)
                .containsExactly("INFLUXDB_PASSWORD", "INFLUXDB_TOKEN", "GRAFANA_PASSWORD");
        RotationPlan plan = legacy.secrets().planRotationIncludingSetupOnly();
        legacy.secrets().apply(plan);
        Map<String, String> now = DotEnv.read(dir.resolve(".env"), k -> null);
        assertThat(now.get("INFLUXDB_TOKEN")).matches("[0-9a-f]{64}");
        assertThat(Files.readString(dir.resolve(".env"))).contains("# InfluxDB");
    }
}
