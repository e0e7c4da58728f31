package io.p4n4.core.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.env.EnvFile;
import io.p4n4.core.P4n4;
import io.p4n4.core.project.InitOptions;
import io.p4n4.core.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeModelsTest {
    @TempDir
    Path tmp;
    private EdgeModels models;

    @BeforeEach
    void project() {
        Project p = P4n4.projects().init(InitOptions.of(tmp.resolve("p"), List.of(StackId.IOT, StackId.EDGE)));
        models = EdgeModels.of(p);
    }

    private Path eim(String name, String body, boolean executable) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, "#!/bin/sh\necho " + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        return f;
    }

    @Test
    void listGivesNameSizeAndTimeAndMarksTheModelEnvNames() throws Exception {
        Files.createDirectories(models.directory());
        Files.writeString(models.directory().resolve("b.eim"), "12345");
        Files.writeString(models.directory().resolve("a.eim"), "1");
        Files.writeString(models.directory().resolve("notes.txt"), "not a model");
        Files.setLastModifiedTime(models.directory().resolve("b.eim"), FileTime.from(Instant.parse("2026-11-30T10:00:00Z")));
        models.activate("b.eim");

        assertThat(models.list()).extracting(EdgeModel::fileName, EdgeModel::size, EdgeModel::active)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a.eim", 1L, false),
                        org.assertj.core.groups.Tuple.tuple("b.eim", 5L, true));
        assertThat(models.list().get(1).lastModified()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
    }

    @Test
    void listIsEmptyWhenNoModelIsThereAndTheDefaultIsActive() throws Exception {
        Files.deleteIfExists(models.directory().resolve(".gitkeep"));
        assertThat(models.list()).isEmpty();
        assertThat(models.activeFileName()).isEqualTo("model.eim");
    }

    @Test
    void aMissingNonExecutableOrMisnamedFileIsAValidationErrorNamingIt() throws Exception {
        Path plain = eim("plain.eim", "x", false);
        Path txt = eim("model.txt", "x", true);
        assertThatThrownBy(() -> models.resolve(tmp.resolve("none.eim").toString())).isInstanceOf(P4n4Exception.class)
                .satisfies(e -> assertThat(((P4n4Exception) e).code()).isEqualTo(ErrorCode.VALIDATION))
                .hasMessageContaining("none.eim").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> models.install(plain)).isInstanceOf(P4n4Exception.class)
                .satisfies(e -> assertThat(((P4n4Exception) e).code()).isEqualTo(ErrorCode.VALIDATION))
                .hasMessageContaining("plain.eim").hasMessageContaining("chmod +x");
        assertThatThrownBy(() -> EdgeModels.check(txt)).isInstanceOf(P4n4Exception.class)
                .satisfies(e -> assertThat(((P4n4Exception) e).code()).isEqualTo(ErrorCode.VALIDATION))
                .hasMessageContaining("model.txt is not an .eim file");
        assertThat(models.directory().resolve("plain.eim")).doesNotExist();
    }

    @Test
    void installCopiesAnExecutableAndActivateKeepsTheRestOfEnvWithMode0600() throws Exception {
        Path env = models.envFile();
        String before = Files.readString(env);
        String name = models.install(eim("vib.eim", "v1", true));
        models.activate(name);

        Path installed = models.directory().resolve("vib.eim");
        assertThat(installed).hasContent("#!/bin/sh\necho v1");
        assertThat(Files.isExecutable(installed)).isTrue();
        assertThat(EnvFile.read(env).get("EI_MODEL_FILE")).contains("vib.eim");
        assertThat(EnvFile.read(env).without("EI_MODEL_FILE").values())
                .isEqualTo(EnvFile.parse(before, null).without("EI_MODEL_FILE").values());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-------");
        assertThat(models.directory()).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aModelNamedByFileNameIsFoundInModels() throws Exception {
        models.install(eim("old.eim", "old", true));
        assertThat(models.resolve("old.eim")).isEqualTo(models.directory().resolve("old.eim"));
    }

    @Test
    void keptModelAndActiveOneSwapOnRestoreEvenUnderTheSameName() throws Exception {
        models.activate(models.install(eim("model.eim", "v1", true)));
        assertThat(models.keepActiveForRollback()).contains("model.eim");
        Files.writeString(tmp.resolve("model.eim"), "#!/bin/sh\necho v2\n");
        models.activate(models.install(tmp.resolve("model.eim")));
        assertThat(models.directory().resolve("model.eim")).hasContent("#!/bin/sh\necho v2");

        assertThat(models.restoreKept()).isEqualTo("model.eim");
        assertThat(models.directory().resolve("model.eim")).hasContent("#!/bin/sh\necho v1");
        assertThat(models.directory().resolve(".previous/model.eim")).hasContent("#!/bin/sh\necho v2");
        assertThat(models.findKeptForRollback()).contains("model.eim");
        assertThat(models.directory().resolve(".previous")).isDirectoryNotContaining("glob:**.staging");
    }

    @Test
    void restoreWithNothingKeptIsAUserErrorSayingWhatKeepsOne() {
        assertThatThrownBy(models::restoreKept).isInstanceOf(P4n4Exception.class)
                .satisfies(e -> assertThat(((P4n4Exception) e).code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("p4n4 ei update");
    }

    @Test
    void theModelsFolderIsTheHostSideOfTheRunnersModelsMount() throws Exception {
        Path compose = models.project().composeFile(StackId.EDGE);
        assertThat(models.directory()).isEqualTo(compose.getParent().resolve("models"));
        // an upstream p4n4-edge file mounts ./edge-impulse/models
        Files.writeString(compose, """
                services:
                  ei-runner:
                    image: edgeimpulse/linux-runner:latest
                    volumes:
                      - ./edge-impulse/models:/models:ro
                      - ei-runner-data:/data
                volumes:
                  ei-runner-data:
                """);
        assertThat(EdgeModels.of(models.project()).directory())
                .isEqualTo(compose.getParent().resolve("edge-impulse/models"));
    }

    @Test
    void aProjectWithoutEdgeIsAUserError() {
        Project iot = P4n4.projects().init(InitOptions.of(tmp.resolve("iot"), List.of(StackId.IOT)));
        assertThatThrownBy(() -> EdgeModels.of(iot)).isInstanceOf(P4n4Exception.class)
                .hasMessageContaining("p4n4 add edge");
    }
}
