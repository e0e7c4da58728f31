package io.p4n4.maven.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.compose.exec.ComposeLabels;
import io.p4n4.compose.exec.DownResult;
import io.p4n4.testkit.engine.TestEngines;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The neutral core on the real engines of scripts/engines.sh: up publishes a port that answers HTTP, down
 * leaves nothing of the project, and a failed up removes what it started. Skipped when no engine is set up.
 */
@Tag("engine")
@Timeout(180)
class ComposeStackEngineTest {
    private static final String WEB = """
            services:
              web:
                image: %s
                # busybox httpd serves /www; the trap makes the shell stop at once on down
                command: ["sh", "-c", "echo hello-from-p4n4 > /www/index.html; trap 'exit 0' TERM; httpd -f -p 80 -h /www & wait"]
                ports: ["80"]
                volumes: ["data:/data"]
                healthcheck:
                  test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1/"]
                  interval: 1s
                  retries: 30
            volumes:
              data: {}
            """;
    private static final String NEVER_HEALTHY = """
            services:
              sick:
                image: %s
                command: ["sh", "-c", "trap 'exit 0' TERM; sleep 600 & wait"]
                volumes: ["data:/data"]
                healthcheck:
                  test: ["CMD", "false"]
                  interval: 1s
                  retries: 1
            volumes:
              data: {}
            """;

    @TempDir
    Path dir;
    private final String project = "p4n4-mvn-" + UUID.randomUUID().toString().substring(0, 8);

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void upPublishesAPortThatAnswersAndDownLeavesNothing(String engineId) throws Exception {
        ComposeStack stack = stack(engineId, WEB);
        List<String> log = new CopyOnWriteArrayList<>();
        try (ContainerEngine engine = TestEngines.connect(engineId)) {
            TestEngines.assumeImage(engine, TestEngines.TEST_IMAGE);
            try {
                PublishedPorts ports = stack.up(log::add);

                assertThat(ports.host()).isEqualTo("127.0.0.1");
                int port = ports.findPort("web", 80).orElseThrow();
                assertThat(get("http://" + ports.host() + ":" + port + "/")).isEqualTo("hello-from-p4n4\n");
                assertThat(log).anyMatch(l -> l.contains("project " + project + " on " + engineId));
                Path file = dir.resolve("target/p4n4-ports.properties");
                ports.writeTo(file);
                assertThat(load(file)).containsEntry("p4n4.web.80", Integer.toString(port))
                        .containsEntry(PublishedPorts.HOST_PROPERTY, "127.0.0.1");
            } finally {
                DownResult down = stack.down(log::add);
                assertThat(down.volumes()).anyMatch(v -> v.endsWith("data"));
            }
            assertNothingLeft(engine);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void aFailedUpRemovesWhatItStarted(String engineId) {
        ComposeStack stack = stack(engineId, NEVER_HEALTHY);
        try (ContainerEngine engine = TestEngines.connect(engineId)) {
            TestEngines.assumeImage(engine, TestEngines.TEST_IMAGE);
            List<String> log = new CopyOnWriteArrayList<>();

            assertThatThrownBy(() -> stack.up(log::add)).isInstanceOf(P4n4Exception.class)
                    .hasMessageContaining("sick");

            assertThat(log).anyMatch(l -> l.startsWith("p4n4 up failed"));
            assertNothingLeft(engine);
        } finally {
            stack.down(l -> { });
        }
    }

    private ComposeStack stack(String engineId, String compose) {
        Path file = dir.resolve("compose.yaml");
        try {
            Files.writeString(file, compose.formatted(TestEngines.TEST_IMAGE));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return ComposeStack.of(StackSettings.builder(dir).composeFiles(List.of(Path.of("compose.yaml")))
                .projectName(project).engine(EngineChoice.parse(engineId))
                .host(TestEngines.requireEndpoint(TestEngines.endpointVariable(engineId)))
                .timeout(Duration.ofSeconds(60)).build());
    }

    private void assertNothingLeft(ContainerEngine engine) {
        LabelFilter mine = LabelFilter.of(ComposeLabels.PROJECT, project);
        assertThat(engine.listContainers(ContainerFilter.all(mine))).as("containers of " + project).isEmpty();
        assertThat(engine.listNetworks(mine)).as("networks of " + project).isEmpty();
        assertThat(engine.listVolumes(mine)).as("volumes of " + project).isEmpty();
    }

    private static String get(String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            p.load(r);
        }
        return p;
    }
}
