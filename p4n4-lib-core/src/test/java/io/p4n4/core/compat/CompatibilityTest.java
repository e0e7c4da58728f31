package io.p4n4.core.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.engine.EngineVersion;
import io.p4n4.api.project.Problem;
import io.p4n4.api.project.Severity;
import io.p4n4.api.project.StackId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompatibilityTest {
    @TempDir
    Path tmp;

    private final Compatibility table = Compatibility.bundled();

    private Path version(String text) throws Exception {
        return Files.writeString(tmp.resolve("VERSION"), text);
    }

    @Test
    void aStackVersionInTheRangePasses() throws Exception {
        assertThat(table.checkStack(StackId.AI, version("0.1.0\n"))).isEmpty();
        assertThat(table.findStackRange(StackId.EDGE)).map(Object::toString).contains(">=0.1.0 <1.0.0");
    }

    @Test
    void aStackVersionOutsideTheRangeIsACompatibilityErrorNamingFileVersionAndRange() throws Exception {
        Path file = version("1.2.0\n");
        Problem p = table.checkStack(StackId.IOT, file).orElseThrow();
        assertThat(p.errorCode()).isEqualTo(ErrorCode.COMPATIBILITY);
        assertThat(p.id()).isEqualTo("stack.incompatible");
        assertThat(p.file()).isEqualTo(file);
        assertThat(p.message()).contains("iot stack is version '1.2.0'").contains(file.toString())
                .contains("supports iot >=0.1.0 <1.0.0");
        assertThat(p.hint()).contains("p4n4 add iot");
        assertThat(table.checkStack(StackId.IOT, version("not a version")).orElseThrow().errorCode())
                .isEqualTo(ErrorCode.COMPATIBILITY);
    }

    @Test
    void aMissingVersionFileIsAWarningAndAStackWithoutRangeIsNotChecked() {
        Problem p = table.checkStack(StackId.AI, tmp.resolve("VERSION")).orElseThrow();
        assertThat(p.severity()).isEqualTo(Severity.WARNING);
        assertThat(p.message()).contains("is not checked").contains(">=0.1.0 <1.0.0");
        assertThat(table.checkStack(StackId.of("lora"), tmp.resolve("VERSION"))).isEmpty();
    }

    @Test
    void anEngineOlderThanSupportedIsACompatibilityErrorNamingEngineVersionAndRange() {
        EngineVersion old = new EngineVersion("Docker Engine", "19.03.15", "1.40", "1.40", "linux", "amd64");
        Problem p = table.checkEngine("docker", old).orElseThrow();
        assertThat(p.errorCode()).isEqualTo(ErrorCode.COMPATIBILITY);
        assertThat(p.message()).isEqualTo("docker 19.03.15 (Docker Engine) is not supported by this p4n4, which"
                + " needs docker >=20.10");
        assertThat(p.hint()).contains("upgrade docker").contains("--engine");
        assertThat(table.checkEngine("podman", new EngineVersion("", "3.4.4", "", "", "", ""))).isPresent();
        assertThat(table.checkEngine("podman", new EngineVersion("", "4.3.1", "", "", "", ""))).isEmpty();
        assertThat(table.checkEngine("kubernetes", old)).as("an engine the table does not name").isEmpty();
    }

    @Test
    void aTableOfItsOwnNamesItsRanges() {
        Compatibility own = Compatibility.of(Map.of(StackId.of("lora"), VersionRange.parse(">=2")),
                Map.of("docker", VersionRange.parse(">=25")));
        assertThat(own.findStackRange(StackId.of("lora"))).isPresent();
        assertThat(own.findStackRange(StackId.IOT)).isEmpty();
        assertThat(own.findEngineRange("docker")).map(Object::toString).contains(">=25");
    }
}
