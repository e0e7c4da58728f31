package io.p4n4.it.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.testkit.engine.RealEngine;
import io.p4n4.testkit.engine.TestEndpoints;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.LoadOptions;
import io.p4n4.compose.exec.ComposeExecutor;
import io.p4n4.compose.exec.ProgressEvent;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.compose.exec.UpResult;
import io.p4n4.compose.engine.EngineDiscovery;
import io.p4n4.testkit.engine.TestEngines;
import java.net.URI;
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
 * The engine goes away in the middle of {@code up} (the test cuts a relay in front of dockerd's socket):
 * ENGINE (3); once it is back, a later {@code up} completes the project.
 */
@Tag("engine")
class EngineStoppedMidUpTest {
    private final String project = "p4n4itstop" + UUID.randomUUID().toString().substring(0, 6);
    @RealEngine("docker")
    private ContainerEngine direct;
    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() {
        if (direct != null) {
            EngineUnderTest.removeProject(direct, project);
        }
    }

    @Test
    void engineStoppedMidUpIsAnEngineErrorAndALaterUpCompletes() throws Exception {
        TestEngines.assumeImage(direct, TestEngines.TEST_IMAGE);
        Path socket = Path.of(URI.create(TestEndpoints.find("P4N4_TEST_DOCKER_HOST").orElseThrow()).getPath());
        assumeTrue(Files.exists(socket), "the Docker test socket is not a local unix socket");
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, ComposeExecutorContract.STACK);
        ComposeProject p = ComposeLoader.load(LoadOptions.builder().file(file).projectName(project)
                .environment(Map.of()).build());
        Path proxyPath = Path.of("/tmp", project + ".sock");
        try (SocketProxy proxy = new SocketProxy(proxyPath, socket)) {
            proxy.start();
            try (ContainerEngine engine = EngineDiscovery.builder()
                    .environment(Map.of("P4N4_ENGINE", "docker", "DOCKER_HOST", "unix://" + proxyPath)).build()
                    .connect()) {
                UpOptions cutting = UpOptions.builder().waitReady(true).timeout(Duration.ofSeconds(60))
                        .progress(e -> {
                            if (e.step() == ProgressEvent.Step.CONTAINER_STARTED && e.subject().equals("db")) {
                                proxy.cut(); // db is starting; the engine "stops" before web exists
                            }
                        }).build();

                assertThatThrownBy(() -> ComposeExecutor.create(engine).up(p, cutting))
                        .isInstanceOfSatisfying(P4n4Exception.class,
                                e -> assertThat(e.code()).isEqualTo(ErrorCode.ENGINE));
            }
        }

        UpResult later = ComposeExecutor.create(direct).up(p, UpOptions.builder().waitReady(true)
                .timeout(Duration.ofSeconds(90)).build());

        assertThat(later.unchanged()).contains("db");
        assertThat(later.created()).contains("web");
    }
}
