package io.p4n4.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import io.p4n4.api.project.Federation;
import io.p4n4.api.project.LegacyManifest;
import io.p4n4.api.project.Manifest;
import io.p4n4.api.project.ManifestDocument;
import io.p4n4.api.project.StackId;
import io.p4n4.core.project.Fixtures;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestsTest {
    @TempDir
    Path dir;

    private static Manifest sample() {
        return Manifest.builder("demo", "0.1.0").createdAt("2026-11-22T07:00:00Z")
                .stacks(List.of(StackId.EDGE, StackId.IOT, StackId.IOT)).build();
    }

    @Test
    void writesTwoSpaceIndentStableOrderAndTrailingNewline() {
        Path file = dir.resolve(".p4n4.json");
        Manifests.write(file, sample());
        assertThat(file).hasContent("""
                {
                  "$schema": "https://raisga.github.io/p4n4-docs/schemas/manifest-v1.json",
                  "name": "demo",
                  "version": "0.1.0",
                  "cli_version": "0.1.0",
                  "stacks": [
                    "iot",
                    "edge"
                  ],
                  "created_at": "2026-11-22T07:00:00Z"
                }
                """.stripTrailing());
        assertThat(Manifests.render(sample())).endsWith("}\n");
    }

    @Test
    void roundTripsEveryField() {
        Manifest m = sample().toBuilder().template("factory-baseline")
                .templateOrgs(List.of(URI.create("https://example.org/index.json")))
                .federation(new Federation(Federation.Role.SPOKE, URI.create("nats://hub:4222"), "site-7",
                        List.of("sensors/#")))
                .build();
        Path file = dir.resolve(".p4n4.json");
        Manifests.write(file, m);
        assertThat(Manifests.read(file)).isEqualTo(m);
    }

    @Test
    void unknownStackNamesJsonPathRuleAndLine() {
        String text = "{\n  \"name\": \"x\",\n  \"version\": \"0.1.0\",\n  \"cli_version\": \"0.1.0\",\n"
                + "  \"stacks\": [\"iot\", \"cloud\"],\n  \"created_at\": \"2026-11-22T07:00:00Z\"\n}\n";
        assertThatThrownBy(() -> Manifests.parse(text, Path.of(".p4n4.json")))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USER);
                    assertThat(e.key()).contains("$.stacks[1]");
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.getMessage()).contains(".p4n4.json:5:").contains("enum");
                });
    }

    @Test
    void missingRequiredFieldIsNamed() {
        String text = "{\"name\": \"x\", \"version\": \"0.1.0\", \"stacks\": [], \"created_at\": \"2026-11-22T07:00:00Z\"}";
        assertThatThrownBy(() -> Manifests.parse(text, null))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> {
                    assertThat(e.key()).contains("$.cli_version");
                    assertThat(e.getMessage()).contains("required");
                });
    }

    @Test
    void extraFieldsBadVersionsAndDatesAreRejected() {
        String base = "{\"name\": \"x\", \"version\": \"%s\", \"cli_version\": \"0.1.0\", \"stacks\": [],"
                + " \"created_at\": \"%s\"%s}";
        assertThatThrownBy(() -> Manifests.parse(base.formatted("1.0", "2026-11-22T07:00:00Z", ""), null))
                .hasMessageContaining("$.version").hasMessageContaining("pattern");
        assertThatThrownBy(() -> Manifests.parse(base.formatted("1.0.0", "yesterday", ""), null))
                .hasMessageContaining("$.created_at").hasMessageContaining("format");
        assertThatThrownBy(() -> Manifests.parse(base.formatted("1.0.0", "2026-11-22T07:00:00Z",
                ", \"dashboard\": {}"), null))
                .hasMessageContaining("$.dashboard").hasMessageContaining("additionalProperties");
    }

    @Test
    void writeRefusesAManifestTheSchemaRejects() {
        Manifest bad = sample().toBuilder().version("one").build();
        assertThatThrownBy(() -> Manifests.write(dir.resolve(".p4n4.json"), bad))
                .isInstanceOf(InvalidFileException.class).hasMessageContaining("$.version");
        assertThat(dir.resolve(".p4n4.json")).doesNotExist();
    }

    @Test
    void invalidJsonNamesLine() {
        assertThatThrownBy(() -> Manifests.parse("{\n  \"name\": \n}", Path.of("m.json")))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USER);
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("not valid JSON");
                });
        assertThatThrownBy(() -> Manifests.parse("[]", null)).hasMessageContaining("JSON object");
    }

    @Test
    void readsTheUpstreamManifestAsLegacyAndMigratesOnlyOnRequest() throws Exception {
        Path fixture = Fixtures.upstream().resolve("p4n4-cli/test-project/.p4n4.json");
        ManifestDocument doc = Manifests.read(fixture);
        assertThat(doc).isInstanceOfSatisfying(LegacyManifest.class, l -> {
            assertThat(l.project()).isEqualTo("test-project");
            assertThat(l.layers()).containsExactly("iot");
            assertThat(l.stacks()).containsExactly(StackId.IOT);
            assertThat(l.createdAt()).isEqualTo("2026-03-09T05:15:11.489623+00:00");
        });
        Manifest migrated = Manifests.migrate((LegacyManifest) doc, "0.1.0");
        assertThat(migrated.name()).isEqualTo("test-project");
        assertThat(migrated.createdAt()).isEqualTo("2026-03-09T05:15:11.489623+00:00");
        assertThat(migrated.stacks()).containsExactly(StackId.IOT);
        Manifests.write(dir.resolve(".p4n4.json"), migrated);
        assertThat(Manifests.read(dir.resolve(".p4n4.json"))).isEqualTo(migrated);
    }

    @Test
    void legacyWithWrongSchemaVersionIsAUserError() {
        assertThatThrownBy(() -> Manifests.parse("{\"schema_version\": 2, \"project\": \"p\", \"layers\": []}", null))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> assertThat(e.key())
                        .contains("$.schema_version"));
        assertThatThrownBy(() -> Manifests.parse("{\"schema_version\": 1, \"project\": \"p\", \"layers\": [1]}", null))
                .hasMessageContaining("$.layers");
    }

    @Test
    void findsTheManifestWalkingUp() throws Exception {
        Manifests.write(dir.resolve(".p4n4.json"), sample());
        Path deep = Files.createDirectories(dir.resolve("stacks/iot/config"));
        assertThat(Manifests.findFile(deep)).contains(dir.resolve(".p4n4.json"));
        assertThat(Manifests.findFile(Files.createTempDirectory("elsewhere"))).isEmpty();
    }

    @Test
    void stacksAreUniqueAndCanonical() {
        assertThat(sample().stacks()).containsExactly(StackId.IOT, StackId.EDGE);
        assertThat(sample().withStack(StackId.AI).stacks()).containsExactly(StackId.IOT, StackId.AI, StackId.EDGE);
        Manifest m = sample();
        assertThat(m.withStack(StackId.IOT)).isSameAs(m);
        assertThat(m.withoutStack(StackId.AI)).isSameAs(m);
        assertThat(sample().withoutStack(StackId.EDGE).stacks()).containsExactly(StackId.IOT);
    }
}
