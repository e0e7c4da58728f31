package io.p4n4.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.RemoveContainerOptions;
import io.p4n4.compose.exec.ComposeLabels;
import io.p4n4.testkit.engine.TestEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code p4n4 validate} reaches every exit code: 0, 2 (no manifest), 3 (a compose file the loader refuses; a
 * project name another directory uses on the engine), 4 ({@code p4n4-net} missing for an ai-only project),
 * 5 (a required variable missing), 6 (a stack VERSION outside the range; an engine older than supported).
 */
class ValidateExitCodesTest {
    @TempDir
    Path tmp;
    /** The last run. */
    private CliRun last;

    private int run(String... args) {
        last = CliRun.of(args);
        return last.code();
    }

    private Path project(String name, String stacks) {
        Path dir = tmp.resolve(name);
        assertThat(run("init", dir.toString(), "--stacks", stacks)).as(last.err()).isZero();
        return dir;
    }

    @Test
    void zeroWhenEverythingHoldsAndTheOutputSaysTheEngineWasNotAsked() {
        Path dir = project("ok", "iot");
        assertThat(run("--project", dir.toString(), "validate", "--offline")).as(last.err()).isZero();
        assertThat(last.out()).contains("All checks passed.").contains("Engine checks skipped: --offline.");
    }

    @Test
    void twoWithoutManifest() {
        assertThat(run("--project", tmp.toString(), "validate", "--offline")).isEqualTo(2);
        assertThat(last.err()).contains("no .p4n4.json found in " + tmp);
    }

    @Test
    void threeForAComposeFileTheLoaderRefuses() throws Exception {
        Path dir = project("broken", "iot");
        Path compose = dir.resolve("stacks/iot/docker-compose.yml");
        Files.writeString(compose, Files.readString(compose).replace("restart: unless-stopped", "restart: [1, 2]"));
        assertThat(run("--project", dir.toString(), "validate", "--offline")).as(last.out() + last.err()).isEqualTo(3);
        assertThat(last.err()).contains("compose.invalid");
    }

    @Test
    void fiveForAMissingRequiredVariable() throws Exception {
        Path dir = project("novar", "iot");
        Path env = dir.resolve(".env");
        Files.writeString(env, Files.readString(env).replaceFirst("(?m)^MQTT_PASSWORD=.*$", ""));
        assertThat(run("--project", dir.toString(), "validate", "--offline")).isEqualTo(5);
        assertThat(last.err()).contains(".env is missing required variable MQTT_PASSWORD");
    }

    @Test
    void sixForAStackVersionOutsideTheSupportedRange() throws Exception {
        Path dir = project("future", "iot");
        Files.writeString(dir.resolve("stacks/iot/VERSION"), "3.0.0\n");
        assertThat(run("--project", dir.toString(), "--json", "validate", "--offline")).isEqualTo(6);
        JsonNode json = new ObjectMapper().readTree(last.out());
        assertThat(json.get("error_code").asText()).isEqualTo("COMPATIBILITY");
        assertThat(json.get("engine_checks_skipped").asText()).isEqualTo("--offline");
        assertThat(json.get("problems").get(0).get("message").asText())
                .contains("iot stack is version '3.0.0'").contains("supports iot >=0.1.0 <1.0.0");
    }

    /** A scripted Docker Engine API that reports Docker 19.03 and has no containers and no networks. */
    private static MockWebServer oldDocker() throws Exception {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath() == null ? "" : request.getPath();
                if (path.endsWith("/_ping")) {
                    return new MockResponse().setBody("OK").setHeader("Api-Version", "1.40");
                }
                if (path.contains("/version")) {
                    return new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"Version\":"
                            + "\"19.03.15\",\"ApiVersion\":\"1.40\",\"MinAPIVersion\":\"1.12\",\"Os\":\"linux\","
                            + "\"Arch\":\"amd64\",\"Components\":[{\"Name\":\"Engine\",\"Version\":\"19.03.15\"}],"
                            + "\"Platform\":{\"Name\":\"Docker Engine - Community\"}}");
                }
                if (path.contains("/containers/json")) {
                    return new MockResponse().setHeader("Content-Type", "application/json").setBody("[]");
                }
                return new MockResponse().setResponseCode(404).setHeader("Content-Type", "application/json")
                        .setBody("{\"message\":\"not found: " + path + "\"}");
            }
        });
        server.start();
        return server;
    }

    @Test
    void sixForAnEngineOlderThanSupported() throws Exception {
        Path dir = project("oldengine", "iot");
        try (MockWebServer docker = oldDocker()) {
            String host = "tcp://127.0.0.1:" + docker.getPort();
            assertThat(run("--project", dir.toString(), "validate", "--engine", "docker", "--host", host))
                    .as(last.out() + last.err()).isEqualTo(6);
            assertThat(last.err()).contains("docker 19.03.15").contains("is not supported by this p4n4, which needs docker"
                    + " >=20.10").contains("[engine.incompatible]");
            assertThat(last.out()).contains("Engine checks ran on docker.");
        }
    }

    @Tag("engine")
    @Test
    void fourWhenAnAiOnlyProjectFindsNoP4n4Net() {
        Path dir = project("aionly", "ai");
        String engineId = null;
        for (String candidate : new String[] {"docker", "podman"}) {
            try (ContainerEngine engine = TestEngines.connect(candidate)) {
                if (engine.findNetwork("p4n4-net").isEmpty()) {
                    engineId = candidate;
                    break;
                }
            }
        }
        Assumptions.assumeTrue(engineId != null, "p4n4-net exists on both test engines (another test's demo is"
                + " up); this test needs it absent and must not remove what another test uses");
        String host = TestEngines.requireEndpoint(TestEngines.endpointVariable(engineId));
        assertThat(run("--project", dir.toString(), "validate", "--engine", engineId, "--host", host))
                .as(last.out() + last.err()).isEqualTo(4);
        assertThat(last.err()).contains("network p4n4-net, which aionly-ai joins, does not exist on " + engineId)
                .contains("bring the iot stack up first (p4n4 up iot), which creates it with subnet 172.20.0.0/16")
                .contains("[network.missing]");
    }

    @Tag("engine")
    @Test
    void threeWhenAnotherDirectoryUsesTheProjectNameOnTheEngine() {
        String name = "v" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = project(name, "iot");
        try (ContainerEngine engine = TestEngines.connect("podman")) {
            TestEngines.assumeImage(engine, TestEngines.TEST_IMAGE);
            String other = engine.createContainer(ContainerSpec.builder(TestEngines.TEST_IMAGE).name(name + "-old")
                    .command("sleep", "60").label(ComposeLabels.PROJECT, name + "-iot")
                    .label(ComposeLabels.WORKING_DIR, "/srv/old-" + name + "/stacks/iot").build());
            try {
                String host = TestEngines.requireEndpoint(TestEngines.endpointVariable("podman"));
                assertThat(run("--project", dir.toString(), "validate", "--engine", "podman", "--host", host))
                        .as(last.out() + last.err()).isEqualTo(3);
                assertThat(last.err()).contains("compose project " + name + "-iot of " + dir.resolve("stacks/iot")
                        + " clashes with compose project " + name + "-iot of /srv/old-" + name + "/stacks/iot");
            } finally {
                engine.removeContainer(other, RemoveContainerOptions.forced());
            }
        }
    }
}
