package io.p4n4.cli.ei;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.ExecResult;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.cli.CliRun;
import io.p4n4.testkit.engine.TestEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Edge Impulse model lifecycle on the real engines, with the stand-in runner image scripts/engines.sh builds
 * under {@code edgeimpulse/linux-runner:latest}: {@code ei run --model}, {@code ei update}, {@code ei rollback} recreate
 * the runner through the engine API and the container then loads the new file (checked inside it by exec);
 * {@code ei status}, {@code ei info} and {@code ei list} report it; a model that cannot be deployed is a VALIDATION
 * error (5) and a stopped stack a NETWORK error (4), with files, {@code .env} and container untouched.
 * The edge stack is a one-service compose file under a random project name with an ephemeral port.
 */
@Tag("engine")
class EiLifecycleOnEnginesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private Path dir;
    private String composeProject;
    private String engineId;
    private String host;

    private CliRun p4n4(String... args) {
        List<String> all = new ArrayList<>(List.of("--project", dir.toString()));
        all.addAll(List.of(args));
        all.addAll(List.of("--engine", engineId, "--host", host));
        return CliRun.of(all.toArray(String[]::new));
    }

    private Path model(String name, String version, boolean executable) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, "#!/bin/sh\necho model " + version + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        return f;
    }

    private void project(String engine) throws Exception {
        engineId = engine;
        host = TestEngines.requireEndpoint(TestEngines.endpointVariable(engine));
        try (ContainerEngine e = TestEngines.connectAt(engine, host)) {
            TestEngines.assumeImage(e, "edgeimpulse/linux-runner:latest");
        }
        composeProject = "p4n4-ei-" + UUID.randomUUID().toString().substring(0, 8);
        dir = tmp.resolve("p");
        CliRun init = CliRun.of("init", dir.toString(), "--name", composeProject, "--stacks", "iot,edge");
        assertThat(init.code()).as(init.err()).isZero();
        // the bundled file joins p4n4-net and publishes 8080; this one stands alone on an ephemeral port
        Files.writeString(dir.resolve("stacks/edge/docker-compose.yml"), """
                name: %s
                services:
                  ei-runner:
                    image: edgeimpulse/linux-runner:latest
                    environment:
                      EI_MODEL_PATH: /models/${EI_MODEL_FILE:-model.eim}
                    ports:
                      - "8080"
                    volumes:
                      - ./models:/models:ro
                    labels:
                      io.p4n4.test: ei-lifecycle
                    stop_grace_period: 1s
                """.formatted(composeProject));
    }

    @AfterEach
    void removeEverything() {
        if (dir != null) {
            p4n4("down", "edge", "--volumes");
            try (ContainerEngine e = TestEngines.connectAt(engineId, host)) {
                assertThat(e.listContainers(ContainerFilter.all(LabelFilter.of("com.docker.compose.project",
                        composeProject)))).isEmpty();
            }
        }
    }

    private ContainerSummary runner() {
        try (ContainerEngine e = TestEngines.connectAt(engineId, host)) {
            List<ContainerSummary> c = e.listContainers(ContainerFilter.all(LabelFilter.of(
                    "com.docker.compose.project", composeProject)));
            assertThat(c).hasSize(1);
            return c.get(0);
        }
    }

    /** What the running container sees: its EI_MODEL_PATH and the content of that file. */
    private String insideTheRunner() {
        try (ContainerEngine e = TestEngines.connectAt(engineId, host)) {
            ExecResult r = e.exec(runner().id(), List.of("sh", "-c", "echo $EI_MODEL_PATH; cat $EI_MODEL_PATH"));
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            return r.stdout();
        }
    }

    /** Every file under the models folder with its content, .env, and the runner container's id. */
    private Map<String, String> snapshot() throws Exception {
        Map<String, String> s = new TreeMap<>();
        Path models = dir.resolve("stacks/edge/models");
        try (Stream<Path> files = Files.walk(models)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                s.put(models.relativize(f).toString(), Files.readString(f));
            }
        }
        s.put(".env", Files.readString(dir.resolve(".env")));
        s.put("container", runner().id() + " " + runner().state());
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void runUpdateAndRollbackRecreateTheRunnerWithTheNewModel(String engine) throws Exception {
        project(engine);
        Path v1 = model("vibration.eim", "v1", true);

        CliRun run = p4n4("ei", "run", "--model", v1.toString());
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(insideTheRunner()).isEqualTo("/models/vibration.eim\n#!/bin/sh\necho model v1\n");
        String firstContainer = runner().id();

        CliRun status = p4n4("--json", "ei", "status");
        assertThat(status.code()).as(status.err()).isZero();
        JsonNode s = JSON.readTree(status.out());
        assertThat(s.get("state").asText()).isEqualTo("running");
        assertThat(s.get("image").asText()).contains("edgeimpulse/linux-runner:latest");
        assertThat(s.get("mounted_model").asText()).as(status.out()).isEqualTo("vibration.eim");
        assertThat(s.get("configured_model").asText()).isEqualTo("vibration.eim");
        assertThat(s.at("/runner/endpoint").asText()).isEqualTo("/health");
        assertThat(s.at("/runner/status").asText()).isEqualTo("ok");

        CliRun info = p4n4("ei", "info");
        assertThat(info.code()).as(info.err()).isZero();
        assertThat(info.out()).containsPattern("image: +\\S*edgeimpulse/linux-runner:latest")
                .containsPattern("model: +vibration.eim\\R").containsPattern("status: +ok");

        // a newer build under the same name: the old one is kept, the container recreated and sees v2
        Files.writeString(v1, "#!/bin/sh\necho model v2\n");
        CliRun update = p4n4("--json", "ei", "update", v1.toString());
        assertThat(update.code()).as(update.out() + update.err()).isZero();
        List<String> lines = update.out().lines().toList();
        JsonNode result = JSON.readTree(lines.get(lines.size() - 1));
        assertThat(result.get("type").asText()).isEqualTo("result");
        assertThat(result.get("kept_for_rollback").asText()).isEqualTo("vibration.eim");
        assertThat(runner().id()).isNotEqualTo(firstContainer);
        assertThat(insideTheRunner()).isEqualTo("/models/vibration.eim\n#!/bin/sh\necho model v2\n");

        // another file: EI_MODEL_FILE changes, so does the path inside
        CliRun deploy = p4n4("ei", "deploy", model("anomaly.eim", "a1", true).toString());
        assertThat(deploy.code()).as(deploy.out() + deploy.err()).isZero();
        assertThat(deploy.out()).contains("model anomaly.eim is active").contains("(was vibration.eim)");
        assertThat(insideTheRunner()).isEqualTo("/models/anomaly.eim\n#!/bin/sh\necho model a1\n");
        assertThat(Files.readString(dir.resolve(".env"))).contains("EI_MODEL_FILE=anomaly.eim");

        CliRun list = CliRun.of("--project", dir.toString(), "--json", "ei", "list");
        assertThat(list.code()).as(list.err()).isZero();
        JsonNode l = JSON.readTree(list.out());
        assertThat(l.get("active").asText()).isEqualTo("anomaly.eim");
        assertThat(l.get("kept_for_rollback").asText()).isEqualTo("vibration.eim");
        assertThat(l.get("models").findValuesAsText("file")).containsExactly("anomaly.eim", "vibration.eim");

        // rollback brings back what update kept: v1 under its name
        CliRun rollback = p4n4("ei", "rollback");
        assertThat(rollback.code()).as(rollback.out() + rollback.err()).isZero();
        assertThat(insideTheRunner()).isEqualTo("/models/vibration.eim\n#!/bin/sh\necho model v1\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void aModelThatCannotBeDeployedOrAStoppedStackChangesNothing(String engine) throws Exception {
        project(engine);
        CliRun run = p4n4("ei", "run", "--model", model("good.eim", "g", true).toString());
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        Map<String, String> before = snapshot();

        CliRun notExecutable = p4n4("ei", "deploy", model("plain.eim", "p", false).toString());
        assertThat(notExecutable.code()).isEqualTo(5);
        assertThat(notExecutable.err()).contains("plain.eim").contains("not executable").contains("chmod +x");
        CliRun missing = p4n4("ei", "update", tmp.resolve("gone.eim").toString());
        assertThat(missing.code()).isEqualTo(5);
        assertThat(missing.err()).contains("gone.eim").contains("does not exist");
        CliRun runMissing = p4n4("ei", "run", "--model", tmp.resolve("gone.eim").toString());
        assertThat(runMissing.code()).isEqualTo(5);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(insideTheRunner()).isEqualTo("/models/good.eim\n#!/bin/sh\necho model g\n");

        assertThat(p4n4("down", "edge").code()).isZero();
        CliRun deploy = p4n4("ei", "deploy", model("next.eim", "n", true).toString());
        assertThat(deploy.code()).as(deploy.out()).isEqualTo(4);
        assertThat(deploy.err()).contains("edge stack").contains("not running").contains("p4n4 ei run");
        CliRun status = p4n4("ei", "status");
        assertThat(status.code()).isEqualTo(4);
        assertThat(p4n4("ei", "info").code()).isEqualTo(4);
        assertThat(p4n4("ei", "rollback").code()).as("nothing kept").isEqualTo(2);
        assertThat(Files.readString(dir.resolve(".env"))).isEqualTo(before.get(".env"));
        assertThat(dir.resolve("stacks/edge/models/next.eim")).doesNotExist();
    }
}
