package io.p4n4.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.engine.RemoveContainerOptions;
import io.p4n4.cli.Main;
import io.p4n4.compose.exec.ComposeLabels;
import io.p4n4.testkit.engine.TestEngines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code p4n4 up} stops before creating anything when a host port of the project is bound by another project's
 * running container, naming both (exit 3). The project's ports are moved to free ones so no shared port is used.
 */
@Tag("engine")
class UpConflictOnEnginesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void upRefusesAHostPortAnotherProjectsContainerBinds(String engineId) throws Exception {
        String host = TestEngines.requireEndpoint(TestEngines.endpointVariable(engineId));
        String name = "u" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = tmp.resolve(name);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        assertThat(Main.run(new String[] {"init", dir.toString(), "--stacks", "iot"}, new PrintWriter(o),
                new PrintWriter(e))).isZero();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path compose = dir.resolve("stacks/iot/docker-compose.yml");
        Files.writeString(compose, Files.readString(compose).replace("\"1883:1883\"", "\"127.0.0.1:" + port + ":1883\""));
        try (ContainerEngine engine = TestEngines.connect(engineId)) {
            TestEngines.assumeImage(engine, TestEngines.TEST_IMAGE);
            String other = engine.createContainer(ContainerSpec.builder(TestEngines.TEST_IMAGE).name(name + "-squatter")
                    .command("sleep", "120").port(PortBinding.tcp("127.0.0.1", port, 80))
                    .label(ComposeLabels.PROJECT, name + "-other").label(ComposeLabels.WORKING_DIR, "/srv/other").build());
            try {
                engine.startContainer(other);
                int code = Main.run(new String[] {"--project", dir.toString(), "up", "iot", "--engine", engineId,
                        "--host", host}, new PrintWriter(o), new PrintWriter(e));
                assertThat(code).as(o + "\n" + e).isEqualTo(3);
                assertThat(e.toString()).contains("nothing was created: host port " + port + "/tcp of service mosquitto"
                        + " (compose project " + name + "-iot) is taken on " + engineId + " by container " + name
                        + "-squatter of compose project " + name + "-other in /srv/other");
                assertThat(engine.listContainers(ContainerFilter.all(LabelFilter.of(ComposeLabels.PROJECT,
                        name + "-iot")))).as("nothing of the project was created").isEmpty();
            } finally {
                engine.removeContainer(other, RemoveContainerOptions.forced());
            }
        }
    }
}
