package io.p4n4.cli.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerInfo;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.cli.Main;
import io.p4n4.testkit.engine.TestEngines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code p4n4 compose} and Debian's docker-compose v1 (1.29) on one dockerd manage each other's projects: what
 * one brings up the other lists and takes down, networks and volumes included, because both name and label the
 * objects alike. v1 names containers {@code PROJECT_SERVICE_N}, v2 and p4n4 {@code PROJECT-SERVICE-N}; both find
 * containers by label, not by name, so that difference does not matter to either (docs/compose.md).
 */
@Tag("engine")
class ComposeInteropWithDockerComposeV1Test {
    private static final Path V1 = Path.of("/usr/bin/docker-compose");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The labels both tools set on a service container (v1's config-hash differs in value: another input). */
    private static final Set<String> SHARED_LABELS = Set.of("com.docker.compose.project",
            "com.docker.compose.service", "com.docker.compose.container-number", "com.docker.compose.oneoff",
            "com.docker.compose.config-hash", "com.docker.compose.project.working_dir",
            "com.docker.compose.project.config_files", "com.docker.compose.version");

    @TempDir
    Path dir;
    private String host;
    private String project;
    private Path file;
    private ContainerEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(Files.isExecutable(V1), V1 + " is absent; apt-get install -y docker-compose (listed in .ci/packages)");
        host = TestEngines.requireEndpoint(TestEngines.endpointVariable("docker"));
        engine = TestEngines.connectAt("docker", host);
        TestEngines.assumeImage(engine, TestEngines.TEST_IMAGE);
        project = "p4n4ccliv1" + UUID.randomUUID().toString().substring(0, 8);
        file = dir.resolve("docker-compose.yml");
        Files.writeString(file, """
                version: "3.8"
                services:
                  db:
                    image: %1$s
                    command: ["sh", "-c", "exec sleep 3600"]
                    volumes: ["data:/data"]
                    networks: [back]
                    stop_grace_period: 1s
                  app:
                    image: %1$s
                    command: ["sh", "-c", "exec sleep 3600"]
                    depends_on: [db]
                    networks: [back]
                    labels:
                      io.p4n4.test: compose-interop
                    stop_grace_period: 1s
                networks:
                  back: {}
                volumes:
                  data: {}
                """.formatted(TestEngines.TEST_IMAGE));
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (engine == null) {
            return;
        }
        p4n4("down", "-v", "--remove-orphans", "-t", "0");
        engine.close();
    }

    @Test
    void dockerComposeV1ListsAndTakesDownWhatP4n4BroughtUp() throws Exception {
        assertThat(p4n4("up")).isZero();
        assertThat(containers()).extracting(ContainerSummary::name)
                .containsExactlyInAnyOrder(project + "-app-1", project + "-db-1");

        String ps = v1("ps");
        assertThat(ps).contains(project + "-app-1").contains(project + "-db-1").containsPattern(project + "-app-1\\s.*Up");
        assertThat(v1("ps", "--services").lines().sorted().toList()).containsExactly("app", "db");

        v1("down", "-v");
        assertThat(containers()).isEmpty();
        assertThat(engine.findNetwork(project + "_back")).isEmpty();
        assertThat(engine.findVolume(project + "_data")).isEmpty();
    }

    @Test
    void p4n4ListsAndTakesDownWhatDockerComposeV1BroughtUpWithTheSameNamesAndLabels() throws Exception {
        v1("up", "-d");
        List<ContainerSummary> byV1 = containers();
        assertThat(byV1).extracting(ContainerSummary::name)
                .containsExactlyInAnyOrder(project + "_app_1", project + "_db_1");
        ContainerInfo v1App = engine.inspectContainer(project + "_app_1");
        assertThat(engine.findNetwork(project + "_back")).isPresent();
        assertThat(engine.findVolume(project + "_data")).isPresent();

        StringWriter out = new StringWriter();
        assertThat(p4n4(out, "ps", "--format", "json")).isZero();
        List<JsonNode> rows = out.toString().lines().map(ComposeInteropWithDockerComposeV1Test::json).toList();
        assertThat(rows).extracting(n -> n.get("Service").asText() + " " + n.get("Name").asText() + " "
                + n.get("State").asText()).containsExactlyInAnyOrder("app " + project + "_app_1 running",
                "db " + project + "_db_1 running");

        assertThat(p4n4("down", "-v")).isZero();
        assertThat(containers()).isEmpty();
        assertThat(engine.findNetwork(project + "_back")).isEmpty();
        assertThat(engine.findVolume(project + "_data")).isEmpty();

        // the same file by p4n4: the same network and volume names, the same compose labels on the container
        assertThat(p4n4("up")).isZero();
        ContainerInfo p4n4App = engine.inspectContainer(project + "-app-1");
        assertThat(composeLabels(p4n4App.labels())).containsAll(composeLabels(v1App.labels()))
                .containsAll(SHARED_LABELS);
        for (String key : List.of("com.docker.compose.project", "com.docker.compose.service",
                "com.docker.compose.container-number", "com.docker.compose.oneoff",
                "com.docker.compose.project.working_dir", "com.docker.compose.project.config_files", "io.p4n4.test")) {
            assertThat(p4n4App.labels().get(key)).as(key).isEqualTo(v1App.labels().get(key));
        }
        assertThat(engine.inspectNetwork(project + "_back").labels()).containsEntry("com.docker.compose.network", "back")
                .containsEntry("com.docker.compose.project", project);
        assertThat(engine.findVolume(project + "_data").orElseThrow().labels())
                .containsEntry("com.docker.compose.volume", "data").containsEntry("com.docker.compose.project", project);
    }

    private static Set<String> composeLabels(Map<String, String> labels) {
        Set<String> keys = new TreeSet<>();
        labels.keySet().stream().filter(k -> k.startsWith("com.docker.compose.")).forEach(keys::add);
        return keys;
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    private List<ContainerSummary> containers() {
        return engine.listContainers(ContainerFilter.all(LabelFilter.of("com.docker.compose.project", project)));
    }

    private int p4n4(String command, String... args) {
        return p4n4(new StringWriter(), command, args);
    }

    private int p4n4(StringWriter out, String command, String... args) {
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("compose", "-f", file.toString(), "-p", project, command,
                "--engine", "docker", "--host", host));
        all.addAll(List.of(args));
        int code = Main.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        assertThat(err.toString()).as("p4n4 compose " + command + " wrote to stderr").doesNotContain("error");
        return code;
    }

    /** Runs docker-compose v1 on the test's dockerd; fails the test when it fails, returns its output. */
    private String v1(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(V1.toString(), "-p", project, "-f", file.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(dir.toFile());
        pb.environment().put("DOCKER_HOST", host);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("docker-compose " + args[0] + " ended").isTrue();
        assertThat(p.exitValue()).as("docker-compose " + String.join(" ", args) + ": " + out).isZero();
        return out;
    }
}
