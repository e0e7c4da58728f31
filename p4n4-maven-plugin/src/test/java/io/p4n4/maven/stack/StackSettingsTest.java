package io.p4n4.maven.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings refuse by parameter name what cannot be applied, and resolve paths against the base directory. */
class StackSettingsTest {
    @TempDir
    Path dir;

    @Test
    void relativeFilesStartAtTheBaseDirectory() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), "services: {}\n");
        Files.writeString(dir.resolve("it.env"), "A=1\n");

        StackSettings s = StackSettings.builder(dir).composeFiles(List.of(Path.of("compose.yaml")))
                .envFiles(List.of(Path.of("it.env"))).build();

        assertThat(s.composeFiles()).containsExactly(dir.resolve("compose.yaml").toAbsolutePath().normalize());
        assertThat(s.envFiles()).containsExactly(dir.resolve("it.env").toAbsolutePath().normalize());
    }

    @Test
    void aMissingComposeFileIsRefusedNamingTheParameterAndTheFile() {
        assertThatThrownBy(() -> StackSettings.builder(dir).composeFiles(List.of(Path.of("nope.yaml"))).build())
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("parameter composeFiles").hasMessageContaining("nope.yaml");
    }

    @Test
    void aMissingEnvFileIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> StackSettings.builder(dir).envFiles(List.of(Path.of("missing.env"))).build())
                .isInstanceOf(P4n4Exception.class).hasMessageContaining("parameter envFiles")
                .hasMessageContaining("missing.env");
    }

    @Test
    void aTimeoutThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> StackSettings.builder(dir).timeout(Duration.ZERO).build())
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("parameter timeout is 0 seconds");
    }

    @Test
    void blankProjectNameAndHostMeanNotSet() {
        StackSettings s = StackSettings.builder(dir).projectName(" ").host("").build();

        assertThat(s.projectName()).isEmpty();
        assertThat(s.host()).isEmpty();
        assertThat(s.waitReady()).isTrue();
        assertThat(s.timeout()).isEqualTo(StackSettings.DEFAULT_TIMEOUT);
    }
}
