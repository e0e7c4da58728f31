package io.p4n4.it.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.testkit.engine.RealEngine;
import io.p4n4.testkit.engine.TestEndpoints;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.LoadOptions;
import io.p4n4.compose.exec.ComposeExecutor;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.testkit.engine.TestEngines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Debian's docker-compose v1 lists the containers the executor made (Docker only: v1 speaks Docker's API). */
@Tag("engine")
class DockerComposeV1SeesProjectTest {
    private static final Path V1 = Path.of("/usr/bin/docker-compose");

    @RealEngine("docker")
    private ContainerEngine engine;
    private final String project = "p4n4itv1" + UUID.randomUUID().toString().substring(0, 8);
    @TempDir
    Path dir;

    @BeforeEach
    void connect() {
        assumeTrue(Files.isExecutable(V1), V1 + " is absent; apt-get install -y docker-compose (listed in .ci/packages)");
        TestEngines.assumeImage(engine, TestEngines.TEST_IMAGE);
    }

    @AfterEach
    void cleanUp() {
        if (engine != null) {
            EngineUnderTest.removeProject(engine, project);
        }
    }

    @Test
    void dockerComposeV1PsListsOurContainers() throws IOException, InterruptedException {
        Path file = dir.resolve("docker-compose.yml");
        Files.writeString(file, ComposeExecutorContract.STACK);
        ComposeExecutor.create(engine).up(ComposeLoader.load(LoadOptions.builder().file(file).projectName(project)
                .environment(Map.of()).build()), UpOptions.builder().waitReady(true).timeout(Duration.ofSeconds(90)).build());

        ProcessBuilder pb = new ProcessBuilder(V1.toString(), "-p", project, "-f", file.toString(), "ps")
                .redirectErrorStream(true).directory(dir.toFile());
        pb.environment().put("DOCKER_HOST", TestEndpoints.find("P4N4_TEST_DOCKER_HOST").orElseThrow());
        Process ps = pb.start();
        String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ps.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(ps.exitValue()).as(out).isZero();
        assertThat(out).contains(project + "-db-1").contains(project + "-init-1")
                .containsPattern(project + "-web-1\\s.*Up");
    }
}
