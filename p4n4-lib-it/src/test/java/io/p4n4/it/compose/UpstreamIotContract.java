package io.p4n4.it.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.HealthStatus;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.LoadOptions;
import io.p4n4.compose.exec.ComposeExecutor;
import io.p4n4.compose.exec.ComposeLabels;
import io.p4n4.compose.exec.DownOptions;
import io.p4n4.compose.exec.ServiceStatus;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.testkit.engine.TestEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upstream p4n4-iot compose file, unchanged, with its .env.example values, comes up healthy on the
 * images scripts/engines.sh builds (the real Mosquitto and Node-RED where it could build them, stand-ins for
 * the rest) and goes down leaving nothing of the project behind.
 */
@Tag("engine")
abstract class UpstreamIotContract {
    private static final List<String> SERVICES = List.of("grafana", "influxdb", "mqtt", "node-red");

    private ContainerEngine engine;
    private String project;
    @TempDir
    Path dir;

    protected abstract String engineId();

    protected abstract String endpointVariable();

    @BeforeEach
    void connect() {
        engine = TestEngines.connectAt(engineId(), TestEngines.requireEndpoint(endpointVariable()));
        TestEngines.assumeImage(engine, TestEngines.TEST_IMAGE);
        assumeTrue(engine.imageExists("eclipse-mosquitto:2") && engine.imageExists("grafana/grafana-oss:latest"),
                "the iot test images are missing on " + engineId() + "; scripts/engines.sh start builds them");
        project = "p4n4itiot" + UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void cleanUp() {
        if (engine != null) {
            EngineUnderTest.removeProject(engine, project);
            engine.close();
        }
    }

    @Test
    void upstreamIotStackComesUpHealthyAndGoesDownWithoutLeftovers() throws IOException {
        Path stack = copyFixture();
        ComposeProject p = ComposeLoader.load(LoadOptions.builder().file(stack.resolve("docker-compose.yml"))
                .projectName(project).environment(java.util.Map.of()).build());
        ComposeExecutor compose = ComposeExecutor.create(engine);

        compose.up(p, UpOptions.builder().waitReady(true).timeout(Duration.ofMinutes(3)).build());

        List<ServiceStatus> ps = compose.ps(p);
        assertThat(ps).extracting(ServiceStatus::service).containsExactlyElementsOf(SERVICES);
        assertThat(ps).allSatisfy(s -> assertThat(s.health()).as(s.service()).isEqualTo(HealthStatus.HEALTHY));
        assertThat(engine.inspectNetwork("p4n4-net").subnets()).contains("172.20.0.0/16");
        assertThat(engine.inspectContainer("p4n4-influxdb").ports()).anySatisfy(port ->
                assertThat(port.hostPort()).isEqualTo(8086));

        compose.down(p, DownOptions.defaults().withVolumes(true).withStopTimeout(Duration.ofSeconds(3)));

        LabelFilter mine = LabelFilter.of(ComposeLabels.PROJECT, project);
        assertThat(engine.listContainers(ContainerFilter.all(mine))).isEmpty();
        assertThat(engine.listNetworks(mine)).isEmpty();
        assertThat(engine.listVolumes(mine)).isEmpty();
        assertThat(engine.findNetwork("p4n4-net")).isEmpty();
    }

    /** A private copy: the stack bind-mounts files (and compose creates missing bind sources) beside itself. */
    private Path copyFixture() throws IOException {
        String shared = System.getProperty("p4n4.shared.dir", "/work/shared");
        Path source = Path.of(shared, "fixtures", "p4n4-upstream", "p4n4-iot");
        assumeTrue(Files.isDirectory(source), source + " is missing (the shared fixtures are not checked out)");
        Path target = dir.resolve("p4n4-iot");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        Files.copy(target.resolve(".env.example"), target.resolve(".env"));
        // The fixtures leave out upstream's config/node-red/settings.js (code); the stack bind-mounts it, and
        // without it compose creates a directory there, on which the real Node-RED fails to start. These are
        // its settings as shared/research/p4n4-upstream.md records them.
        Files.writeString(target.resolve("config/node-red/settings.js"), """
                module.exports = {
                    flowFile: 'flows.json',
                    flowFilePretty: true,
                    userDir: '/data',
                    uiPort: process.env.PORT || 1880,
                    uiHost: "0.0.0.0",
                    httpAdminRoot: '/',
                    httpNodeRoot: '/',
                    contextStorage: {
                        default: { module: "memory" },
                        file: { module: "localfilesystem" }
                    }
                };
                """);
        return target;
    }
}
