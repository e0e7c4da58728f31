package io.p4n4.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.Manifest;
import io.p4n4.api.project.StackId;
import io.p4n4.api.template.PullReport;
import io.p4n4.compose.env.EnvFile;
import io.p4n4.core.P4n4;
import io.p4n4.core.manifest.Manifests;
import io.p4n4.core.project.InitOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulling a template from a local directory registry into a real scaffolded project: what is rendered,
 * merged, kept and reported, and the {@code requires.cli} check.
 */
class TemplatePullTest {
    @TempDir
    Path tmp;
    private URI registry;
    private Path project;

    @BeforeEach
    void setUp() throws Exception {
        registry = RegistryFixture.write(Files.createDirectories(tmp.resolve("registry")), ">=0.2.0").toUri();
        project = tmp.resolve("proj");
        P4n4.projects().init(InitOptions.of(project, List.of(StackId.IOT)).withName("plant-7"));
    }

    private TemplateRegistry registry(String cliVersion) {
        return TemplateRegistry.builder().cacheDirectory(tmp.resolve("cache")).cliVersion(cliVersion).build();
    }

    @Test
    void pullRendersMergesAndRecordsTheTemplate() throws Exception {
        String org = EnvFile.read(project.resolve(".env")).get("INFLUXDB_ORG").orElseThrow();
        Files.writeString(project.resolve("stacks/iot/config/node-red/flows.json"),
                "[{\"id\": \"mine\", \"type\": \"tab\"}, {\"id\": \"n2\", \"type\": \"mqtt in\", \"topic\": \"other\"}]");
        TemplateRegistry templates = registry("0.2.0");
        PullReport report;
        try (PreparedTemplate t = templates.prepare(List.of(registry), "demo")) {
            report = templates.pull(t, project, Map.of("DEVICE_TOPIC", "plant"), false);
        }

        assertThat(Files.readString(project.resolve("README-demo.md"))).isEqualTo("plant-7 listens on plant/#\n");
        assertThat(report.added()).contains(Path.of("README-demo.md"));
        EnvFile env = EnvFile.read(project.resolve(".env"));
        assertThat(env.get("DEMO_TOPIC")).contains("sensors/demo");
        assertThat(env.get("INFLUXDB_ORG")).as("an existing key keeps its value").contains(org);
        assertThat(report.envKeysAdded()).containsExactly("DEMO_TOPIC");
        assertThat(report.envKeysKept()).containsExactly("INFLUXDB_ORG");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(project.resolve(".env"))))
                .isEqualTo("rw-------");
        assertThat(EnvFile.read(project.resolve(".env.example")).get("DEMO_TOPIC")).contains("sensors/demo");

        String flows = Files.readString(project.resolve("stacks/iot/config/node-red/flows.json"));
        assertThat(flows).contains("\"mine\"").contains("\"n1\"").contains("\"other\"").doesNotContain("sensors/#");
        assertThat(report.conflicts()).singleElement().asString().contains("n2");
        assertThat(report.merged()).contains(Path.of("stacks/iot/config/node-red/flows.json"), Path.of(".env"));

        Manifest manifest = (Manifest) Manifests.read(project.resolve(".p4n4.json"));
        assertThat(manifest.template()).contains("demo@0.3.0");
    }

    @Test
    void anExistingFileIsSkippedUnlessForced() throws Exception {
        Files.writeString(project.resolve("README-demo.md"), "mine\n");
        TemplateRegistry templates = registry("0.2.0");
        try (PreparedTemplate t = templates.prepare(List.of(registry), "demo")) {
            assertThat(templates.pull(t, project, Map.of(), false).skipped()).contains(Path.of("README-demo.md"));
            assertThat(Files.readString(project.resolve("README-demo.md"))).isEqualTo("mine\n");

            assertThat(templates.pull(t, project, Map.of(), true).replaced()).contains(Path.of("README-demo.md"));
            assertThat(Files.readString(project.resolve("README-demo.md"))).isEqualTo("plant-7 listens on sensors/#\n");
        }
        Manifest manifest = (Manifest) Manifests.read(project.resolve(".p4n4.json"));
        assertThat(manifest.template()).as("pulled twice, recorded once").contains("demo@0.3.0");
    }

    @Test
    void aTemplateNeedingANewerP4n4IsRefusedWithCompatibility() {
        assertThatThrownBy(() -> registry("0.1.0").prepare(List.of(registry), "demo"))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COMPATIBILITY))
                .hasMessageContaining(">=0.2.0").hasMessageContaining("0.1.0").hasMessageContaining("demo");
        assertThat(project.resolve("README-demo.md")).doesNotExist();
    }

    @Test
    void anUnknownVariableIsAUserErrorAndNothingIsWritten() {
        TemplateRegistry templates = registry("0.2.0");
        try (PreparedTemplate t = templates.prepare(List.of(registry), "demo")) {
            assertThatThrownBy(() -> templates.pull(t, project, Map.of("NOPE", "x"), false))
                    .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                    .hasMessageContaining("NOPE").hasMessageContaining("DEVICE_TOPIC");
        }
        assertThat(project.resolve("README-demo.md")).doesNotExist();
    }

    @Test
    void aProjectWithoutARequiredStackIsToldWhichToAdd() throws Exception {
        Path other = tmp.resolve("ai-only");
        P4n4.projects().init(InitOptions.of(other, List.of(StackId.AI)));
        TemplateRegistry templates = registry("0.2.0");
        try (PreparedTemplate t = templates.prepare(List.of(registry), "demo")) {
            assertThatThrownBy(() -> templates.pull(t, other, Map.of(), false))
                    .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                    .hasMessageContaining("p4n4 add iot");
        }
    }

    @Test
    void anUnknownTemplateNamesTheRegistriesSearched() {
        assertThatThrownBy(() -> registry("0.2.0").prepare(List.of(registry), "nope"))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining(registry.toString());
    }

    @Test
    void aRegistryNoSourceAcceptsNamesTheArtifactToAdd() {
        TemplateRegistry templates = TemplateRegistry.builder().cacheDirectory(tmp.resolve("cache"))
                .discoverSources(false).build();
        assertThatThrownBy(() -> templates.snapshot(URI.create("git://localhost/templates.git")))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("io.p4n4:p4n4-lib-templates-git");
    }

    @Test
    void theDefaultRegistryCanBeReplacedByTheEnvironment() {
        assertThat(TemplateRegistry.registriesOf(null, name -> null)).containsExactly(TemplateRegistry.DEFAULT_REGISTRY);
        assertThat(TemplateRegistry.registriesOf(null, Map.of("P4N4_TEMPLATE_REGISTRY", "file:/srv/reg")::get))
                .containsExactly(URI.create("file:/srv/reg"));
    }
}
