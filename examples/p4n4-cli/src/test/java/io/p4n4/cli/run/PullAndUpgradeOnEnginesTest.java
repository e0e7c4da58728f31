package io.p4n4.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.cli.Main;
import io.p4n4.testkit.engine.TestEngines;
import io.p4n4.testkit.engine.TestRegistries;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code p4n4 pull} and {@code p4n4 upgrade} end to end on a real engine and the local registry: a project whose
 * iot stack runs an image from the registry; content B is pushed under its tag; upgrade recreates that service
 * only and says so, in text and in {@code --json}.
 */
@Tag("engine")
class PullAndUpgradeOnEnginesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> pulled = new ArrayList<>();
    @TempDir
    Path tmp;
    private String engineId;
    private String[] engineArgs;
    private Path project;
    private String out;
    private String err;

    private int run(String... args) {
        String[] all = Stream.concat(Stream.of("--project", project.toString()),
                Stream.concat(Stream.of(args), Stream.of(engineArgs))).toArray(String[]::new);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(all, new PrintWriter(o), new PrintWriter(e));
        out = o.toString();
        err = e.toString();
        return code;
    }

    @AfterEach
    void down() {
        if (engineArgs != null) {
            run("down");
            pulled.forEach(i -> TestRegistries.removeLocalImage(engineId, i));
        }
    }

    @ParameterizedTest
    @CsvSource({"docker, P4N4_TEST_DOCKER_HOST", "podman, P4N4_TEST_PODMAN_HOST"})
    void upgradeRecreatesTheServiceWhoseImageChangedAndSaysWhat(String engine, String variable) throws IOException {
        String registry = TestRegistries.open().orElse(null);
        assumeTrue(registry != null, "skipped: P4N4_TEST_REGISTRY is not set; run scripts/engines.sh start");
        engineId = engine;
        engineArgs = new String[] {"--engine", engine, "--host", TestEngines.requireEndpoint(variable)};
        project = tmp.resolve("pj" + run);
        String tag = "cli-" + run;
        String image = registry + "/p4n4/busybox:" + tag;
        TestRegistries.retag(registry, "p4n4/busybox", "1", tag);
        pulled.add(image);
        assertThat(Main.run(new String[] {"init", project.toString(), "--stacks", "iot"}, new PrintWriter(
                new StringWriter()), new PrintWriter(new StringWriter()))).isZero();
        Path compose;
        try (Stream<Path> files = Files.walk(project)) {
            compose = files.filter(f -> f.getFileName().toString().equals("docker-compose.yml")).findFirst()
                    .orElseThrow();
        }
        Files.writeString(compose, """
                services:
                  app:
                    image: %s
                    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 600 & wait"]
                  other:
                    image: %s
                    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 600 & wait"]
                """.formatted(image, TestEngines.TEST_IMAGE));

        assertThat(run("pull", "iot")).as(err).isNotZero(); // other's local-only image is in no registry
        assertThat(out + err).contains(TestEngines.TEST_IMAGE);
        assertThat(run("up", "iot")).as(err).isZero();
        assertThat(run("upgrade", "iot")).as(err).isZero();
        assertThat(out).contains("iot: no image changed");

        TestRegistries.retag(registry, "p4n4/busybox", "2", tag);
        assertThat(run("--json", "upgrade", "iot")).as(err).isZero();
        String[] lines = out.strip().split("\n");
        JsonNode doc = JSON.readTree(lines[lines.length - 1]);
        assertThat(doc.path("type").asText()).isEqualTo("result");
        assertThat(doc.path("engine").asText()).isEqualTo(engine);
        assertThat(java.util.Arrays.stream(lines, 0, lines.length - 1).map(l -> {
            try {
                return JSON.readTree(l);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })).as("progress lines before the result").isNotEmpty()
                .allSatisfy(l -> assertThat(l.path("type").asText()).isIn("progress", "pull"))
                .anySatisfy(l -> assertThat(l.path("type").asText()).isEqualTo("pull"));
        JsonNode iot = doc.path("stacks").path("iot");
        assertThat(iot.path("changed")).hasSize(1);
        assertThat(iot.path("changed").get(0).path("service").asText()).isEqualTo("app");
        assertThat(iot.path("changed").get(0).path("image").asText()).isEqualTo(image);
        assertThat(iot.path("changed").get(0).path("old_image_id").asText())
                .isNotEqualTo(iot.path("changed").get(0).path("new_image_id").asText());
        assertThat(iot.path("recreated")).extracting(JsonNode::asText).containsExactly("app");

        TestRegistries.retag(registry, "p4n4/busybox", "1", tag);
        assertThat(run("upgrade", "iot")).as(err).isZero();
        assertThat(out).containsPattern("iot: app upgraded: " + java.util.regex.Pattern.quote(image)
                + " [0-9a-f]{12} -> [0-9a-f]{12}")
                .contains("image pulling " + image).contains("pull " + image);
    }
}
