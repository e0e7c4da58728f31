package io.p4n4.api.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectRootTest {
    @TempDir
    Path dir;

    @Test
    void theNearestDirectoryWithAManifestAtOrAboveTheStartIsTheProject() throws Exception {
        Path root = Files.createDirectories(dir.resolve("outer/p"));
        Files.writeString(dir.resolve("outer/.p4n4.json"), "{}");
        Files.writeString(root.resolve(".p4n4.json"), "{}");
        Path deep = Files.createDirectories(root.resolve("stacks/iot/config"));

        assertThat(ProjectRoot.find(deep)).hasValue(root);
        assertThat(ProjectRoot.find(root)).hasValue(root);
        assertThat(ProjectRoot.find(root.resolve("stacks/../stacks/iot"))).hasValue(root);
    }

    @Test
    void aFileStartsAtItsFolder() throws Exception {
        Files.writeString(dir.resolve(".p4n4.json"), "{}");
        Path compose = Files.writeString(Files.createDirectories(dir.resolve("stacks/iot"))
                .resolve("docker-compose.yml"), "services: {}\n");

        assertThat(ProjectRoot.find(compose)).hasValue(dir);
    }

    @Test
    void anEnvFileOrAManifestDirectoryDoesNotMakeAProject() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(sub.resolve(".env"), "A=1\n");
        Files.createDirectories(dir.resolve("a/.p4n4.json"));

        assertThat(ProjectRoot.find(sub)).isEmpty();
    }
}
