package io.p4n4.it.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.HealthStatus;
import io.p4n4.testkit.engine.PodmanServiceProcess;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.LoadOptions;
import io.p4n4.compose.exec.ComposeExecutor;
import io.p4n4.compose.exec.ProgressEvent;
import io.p4n4.compose.exec.ServiceStatus;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.compose.exec.UpResult;
import io.p4n4.compose.engine.EngineDiscovery;
import io.p4n4.testkit.engine.RealEngine;
import io.p4n4.testkit.engine.TestEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Podman's API service really stops in the middle of {@code up}: the test runs its own {@code podman system
 * service}, kills it (SIGKILL) once the first container started, and starts it again. The up fails with
 * ENGINE (3); a later {@code up} through the same engine object completes the project.
 */
@Tag("engine")
class PodmanServiceStoppedMidUpTest {
    private final String project = "p4n4itpstop" + UUID.randomUUID().toString().substring(0, 6);
    @RealEngine("podman")
    private ContainerEngine direct;
    private PodmanServiceProcess service;
    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() throws Exception {
        if (direct != null) {
            EngineUnderTest.removeProject(direct, project);
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void serviceKilledMidUpIsAnEngineErrorAndALaterUpCompletes() throws Exception {
        assumeTrue(PodmanServiceProcess.findPodman().isPresent(), "podman is not installed");
        TestEngines.assumeImage(direct, TestEngines.TEST_IMAGE);
        service = PodmanServiceProcess.start();
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, ComposeExecutorContract.STACK);
        ComposeProject p = ComposeLoader.load(LoadOptions.builder().file(file).projectName(project)
                .environment(Map.of()).build());

        try (ContainerEngine engine = EngineDiscovery.builder()
                .environment(Map.of("P4N4_ENGINE", "podman", "DOCKER_HOST", service.endpoint())).build().connect()) {
            UpOptions killing = UpOptions.builder().waitReady(true).timeout(Duration.ofSeconds(60)).progress(e -> {
                if (e.step() == ProgressEvent.Step.CONTAINER_STARTED && e.subject().equals("db")) {
                    try {
                        service.kill(); // db runs; the API service is gone before web exists
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                }
            }).build();

            assertThatThrownBy(() -> ComposeExecutor.create(engine).up(p, killing))
                    .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENGINE))
                    .hasMessageContaining("podman");
            assertThat(service.answers()).isFalse();
            assertThat(direct.inspectContainer(project + "-db-1").state())
                    .as("containers outlive the API service").isEqualTo(ContainerState.RUNNING);

            service.startAgain();
            UpResult later = ComposeExecutor.create(engine).up(p, UpOptions.builder().waitReady(true)
                    .timeout(Duration.ofSeconds(90)).build());

            assertThat(later.unchanged()).contains("db");
            assertThat(later.created()).contains("web");
            assertThat(ComposeExecutor.create(engine).ps(p)).filteredOn(s -> s.service().equals("db"))
                    .extracting(ServiceStatus::health).containsExactly(HealthStatus.HEALTHY);
        }
    }
}
