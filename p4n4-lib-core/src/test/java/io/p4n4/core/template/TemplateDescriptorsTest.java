package io.p4n4.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import io.p4n4.api.template.TemplateDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** p4n4-template.toml: the spec's fields are read; a missing or misspelt key is named with its line. */
class TemplateDescriptorsTest {
    @TempDir
    Path tmp;

    @Test
    void readsEveryFieldOfTheSpec() throws Exception {
        RegistryFixture.write(tmp, ">=0.2.0 <1.0.0");
        TemplateDescriptor d = TemplateDescriptors.read(tmp.resolve("demo"));
        assertThat(d.name()).isEqualTo("demo");
        assertThat(d.version()).isEqualTo("0.3.0");
        assertThat(d.license()).isEqualTo("MIT");
        assertThat(d.tags()).containsExactly("demo", "manufacturing");
        assertThat(d.requiresCli()).isEqualTo(">=0.2.0 <1.0.0");
        assertThat(d.requiresStacks()).containsExactly("iot");
        assertThat(d.findHardware()).hasValueSatisfying(h -> {
            assertThat(h.minRamGb()).isEqualTo(2);
            assertThat(h.minDiskGb()).isZero();
            assertThat(h.gpu()).isFalse();
        });
        assertThat(d.variables()).singleElement().satisfies(v -> {
            assertThat(v.name()).isEqualTo("DEVICE_TOPIC");
            assertThat(v.defaultValue()).isEqualTo("sensors");
        });
    }

    @Test
    void theRangeIsCheckedAgainstTheVersionGiven() throws Exception {
        RegistryFixture.write(tmp, ">=0.2.0");
        TemplateDescriptor d = TemplateDescriptors.read(tmp.resolve("demo"));
        TemplateDescriptors.checkCompatible(d, "0.2.0");
        assertThatThrownBy(() -> TemplateDescriptors.checkCompatible(d, "0.1.9"))
                .hasMessageContaining("requires p4n4 >=0.2.0");
    }

    @Test
    void aMissingCliRangeIsNamed() {
        assertThatThrownBy(() -> TemplateDescriptors.parse("""
                [template]
                name = "x"
                version = "0.1.0"
                description = "d"
                author = "a"
                license = "MIT"
                tags = []
                [template.requires]
                stacks = ["iot"]
                """, tmp.resolve("p4n4-template.toml")))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.key()).contains("template.requires.cli");
                });
    }

    @Test
    void aTopLevelRequiresTableIsRefusedWithTheFix() {
        assertThatThrownBy(() -> TemplateDescriptors.parse("""
                [template]
                name = "x"
                [requires]
                cli = ">=0.1.0"
                """, tmp.resolve("p4n4-template.toml")))
                .isInstanceOf(InvalidFileException.class).hasMessageContaining("[template.requires]");
    }

    @Test
    void aRangeThatIsNotARangeIsRefused() {
        assertThatThrownBy(() -> TemplateDescriptors.parse("""
                [template]
                name = "x"
                version = "0.1.0"
                description = "d"
                author = "a"
                license = "MIT"
                tags = []
                [template.requires]
                cli = "newest"
                stacks = []
                """, tmp.resolve("p4n4-template.toml")))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> {
                    assertThat(e.key()).contains("template.requires.cli");
                    assertThat(e.line()).isEqualTo(9);
                });
    }
}
