package io.p4n4.it.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.EngineException;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.HealthStatus;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.LoadOptions;
import io.p4n4.compose.exec.ComposeExecutor;
import io.p4n4.compose.exec.ComposeLabels;
import io.p4n4.compose.exec.ServiceStatus;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.testkit.engine.TestEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The compose executor on a backend that has only the core operations ({@link CoreOnlyEngine}): it checks
 * the capabilities it needs instead of failing late, and waits for readiness without events or exec.
 */
@Tag("engine")
class CoreOnlyEngineTest {
    private final String project = "p4n4core" + UUID.randomUUID().toString().substring(0, 8);
    private ContainerEngine engine;

    @AfterEach
    void cleanUp() {
        if (engine != null) {
            EngineUnderTest.removeProject(engine, project);
            engine.close();
        }
    }

    private ComposeExecutor connect(String id, String variable) {
        ContainerEngine real = TestEngines.connectAt(id, TestEngines.requireEndpoint(variable));
        TestEngines.assumeImage(real, TestEngines.TEST_IMAGE);
        engine = new CoreOnlyEngine(real);
        return ComposeExecutor.create(engine);
    }

    private ComposeProject load(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, yaml);
        return ComposeLoader.load(LoadOptions.builder().file(file).projectName(project).build());
    }

    @ParameterizedTest
    @CsvSource({"docker, P4N4_TEST_DOCKER_HOST", "podman, P4N4_TEST_PODMAN_HOST"})
    void aServiceToBuildIsRefusedBeforeAnythingIsCreated(String id, String variable,
            @TempDir Path dir) throws IOException {
        ComposeExecutor compose = connect(id, variable);
        Files.writeString(dir.resolve("Dockerfile"), "FROM " + TestEngines.TEST_IMAGE + "\n");
        ComposeProject p = load(dir, """
                services:
                  cache:
                    image: localhost/p4n4-test-busybox:1
                    command: ["sleep", "600"]
                  app:
                    build: .
                    command: ["sleep", "600"]
                volumes:
                  data:
                """);

        assertThatThrownBy(() -> compose.up(p, UpOptions.builder().timeout(Duration.ofSeconds(30)).build()))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ENGINE);
                    assertThat(e.resource()).contains("app");
                })
                .hasMessageContaining("service app of project " + project)
                .hasMessageContaining(id + " does not support building images");
        LabelFilter mine = LabelFilter.of(ComposeLabels.PROJECT, project);
        assertThat(engine.listContainers(ContainerFilter.all(mine))).isEmpty();
        assertThat(engine.listNetworks(mine)).isEmpty();
        assertThat(engine.listVolumes(mine)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"docker, P4N4_TEST_DOCKER_HOST", "podman, P4N4_TEST_PODMAN_HOST"})
    void upWaitsForAHealthyDependencyWithoutEventsOrExec(String id, String variable,
            @TempDir Path dir) throws IOException {
        ComposeExecutor compose = connect(id, variable);
        ComposeProject p = load(dir, """
                services:
                  db:
                    image: localhost/p4n4-test-busybox:1
                    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 1; touch /tmp/ready; sleep 600 & wait"]
                    healthcheck:
                      test: ["CMD-SHELL", "test -f /tmp/ready"]
                      interval: 1s
                      timeout: 2s
                      retries: 5
                  web:
                    image: localhost/p4n4-test-busybox:1
                    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 600 & wait"]
                    depends_on:
                      db:
                        condition: service_healthy
                """);

        compose.up(p, UpOptions.builder().waitReady(true).timeout(Duration.ofSeconds(60)).build());

        Map<String, ServiceStatus> ps = compose.ps(p).stream()
                .collect(Collectors.toMap(ServiceStatus::service, Function.identity()));
        assertThat(ps.get("db").health()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(ps.get("web").state()).isEqualTo(ContainerState.RUNNING);
        compose.down(p, ComposeExecutorContract.quickDown());
        assertThat(engine.listContainers(ContainerFilter.all(LabelFilter.of(ComposeLabels.PROJECT, project))))
                .isEmpty();
    }
}
