package io.p4n4.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import io.p4n4.api.template.TemplateIndex;
import io.p4n4.core.template.internal.IndexReader;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** index.json versions 1 and 2 against the bundled schemas: what is read, and the errors that name the field. */
class IndexReaderTest {
    private static final URI REGISTRY = URI.create("https://example.org/index.json");
    private static final Path FILE = Path.of("/cache/index.json");

    @Test
    void readsVersionTwoWithAuthorLicenseHardwareAndStacks() {
        TemplateIndex index = IndexReader.parse(RegistryFixture.index("2", "\"repo\": \".\", \"subdir\": \"demo\","),
                REGISTRY, FILE);
        assertThat(index.indexVersion()).isEqualTo(2);
        assertThat(index.org()).isEqualTo("tests");
        var demo = index.find("demo").orElseThrow();
        assertThat(demo.author()).isEqualTo("tests");
        assertThat(demo.license()).isEqualTo("MIT");
        assertThat(demo.minHardware()).isEqualTo("rpi4");
        assertThat(demo.requiresStacks()).containsExactly("iot");
        assertThat(demo.hasTag("MANUFACTURING")).isTrue();
        assertThat(demo.tarball()).isNull();
    }

    @Test
    void readsVersionOneWithoutTheVersionTwoFields() {
        TemplateIndex index = IndexReader.parse(RegistryFixture.index("1",
                "\"repo\": \"https://github.com/raisga/p4n4-templates.git\", \"subdir\": \"examples/demo\","),
                REGISTRY, FILE);
        assertThat(index.indexVersion()).isEqualTo(1);
        var demo = index.find("demo").orElseThrow();
        assertThat(demo.subdir()).isEqualTo("examples/demo");
        assertThat(demo.author()).isNull();
        assertThat(demo.requiresStacks()).isEmpty();
    }

    @Test
    void anUnknownIndexVersionIsACompatibilityErrorNamingTheField() {
        assertThatThrownBy(() -> IndexReader.parse(RegistryFixture.index("3", "\"repo\": \".\", \"subdir\": \"d\","),
                REGISTRY, FILE))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.COMPATIBILITY);
                    assertThat(e.key()).contains("$.index_version");
                })
                .hasMessageContaining("\"3\"").hasMessageContaining(REGISTRY.toString());
    }

    @Test
    void aVersionTwoEntryWithoutAuthorNamesTheMissingField() {
        String v1Entry = RegistryFixture.index("1", "\"repo\": \".\", \"subdir\": \"demo\",")
                .replace("\"index_version\": \"1\"", "\"index_version\": \"2\"");
        assertThatThrownBy(() -> IndexReader.parse(v1Entry, REGISTRY, FILE))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.key().orElseThrow()).startsWith("$.templates.demo.");
                })
                .hasMessageContaining("template-index-v2");
    }

    @Test
    void aTypoInAnEntryIsRefusedByName() {
        String typo = RegistryFixture.index("2", "\"repo\": \".\", \"subdir\": \"demo\", \"licence\": \"MIT\",");
        assertThatThrownBy(() -> IndexReader.parse(typo, REGISTRY, FILE))
                .isInstanceOfSatisfying(InvalidFileException.class,
                        e -> assertThat(e.key()).contains("$.templates.demo.licence"));
    }

    @Test
    void aTarballNeedsItsSha256() {
        String noDigest = RegistryFixture.index("2",
                "\"repo\": \".\", \"subdir\": \"demo\", \"tarball\": \"https://example.org/demo.tar.gz\",");
        assertThatThrownBy(() -> IndexReader.parse(noDigest, REGISTRY, FILE))
                .isInstanceOf(InvalidFileException.class).hasMessageContaining("sha256");
    }

    @Test
    void aNumericIndexVersionIsAShapeError() {
        String numeric = RegistryFixture.index("2", "\"repo\": \".\", \"subdir\": \"demo\",")
                .replace("\"index_version\": \"2\"", "\"index_version\": 2");
        assertThatThrownBy(() -> IndexReader.parse(numeric, REGISTRY, FILE))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.key()).contains("$.index_version");
                });
    }
}
