package io.p4n4.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.compose.env.EnvFile;
import io.p4n4.compose.exec.ComposeLabels;
import io.p4n4.core.P4n4;
import io.p4n4.testkit.engine.TestEngines;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST API over a real engine, end to end: project, stacks and validation; {@code up} as an operation whose
 * progress streams and whose outcome is kept; the status stream turning healthy by the engine's events and
 * empty after {@code down}; a followed log showing the line the container printed; conflicts and unknown names.
 */
@Tag("engine")
class ServerApiOnEnginesTest {
    @TempDir
    Path tmp;
    private TestProject project;
    private ContainerEngine engine;
    private P4n4Server server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            for (var c : engine.listContainers(ContainerFilter.all(LabelFilter.of(ComposeLabels.PROJECT,
                    project.composeName)))) {
                engine.removeContainer(c.id(), io.p4n4.api.engine.RemoveContainerOptions.forced());
            }
            engine.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void upStatusLogsAndDownThroughTheApi(String engineId) throws Exception {
        project = new TestProject(tmp);
        engine = TestEngines.connectAt(engineId, TestEngines.requireEndpoint(TestEngines.endpointVariable(engineId)));
        TestEngines.assumeImage(engine, TestEngines.TEST_IMAGE);
        server = P4n4Server.builder().project(project.directory).engine(engine).port(0).build().start();
        TestHttp http = new TestHttp(server.url());
        String token = EnvFile.read(project.directory.resolve(".env")).get("P4N4_SERVER_TOKEN").orElseThrow();

        JsonNode p = TestHttp.json(http.get("/api/v1/project"));
        assertThat(p.get("directory").asText()).isEqualTo(project.directory.toString());
        assertThat(p.at("/stacks/0/id").asText()).isEqualTo("iot");
        assertThat(p.at("/stacks/0/compose_project").asText()).isEqualTo(project.composeName);
        assertThat(p.at("/stacks/0/services").toString()).isEqualTo("[\"web\",\"worker\"]");
        assertThat(p.at("/stacks/0/version").asText()).matches("\\d+\\.\\d+\\.\\d+");
        JsonNode validation = TestHttp.json(http.get("/api/v1/validate"));
        assertThat(validation.get("exit_code").asInt())
                .isEqualTo(P4n4.projects().validate(project.directory).errorCode().exitCode());
        assertThat(validation.get("project").asText()).isEqualTo(project.directory.toString());

        try (TestHttp.Events status = http.events("/api/v1/status/events")) {
            JsonNode first = status.next("status", Duration.ofSeconds(5)).data();
            assertThat(first.at("/stacks/iot")).isEmpty();

            HttpResponse<String> up = http.call("POST", "/api/v1/stacks/iot/up", token, "{\"wait\": true}");
            assertThat(up.statusCode()).as(up.body()).isEqualTo(202);
            JsonNode op = TestHttp.json(up);
            assertThat(up.headers().firstValue("Location")).hasValue("/api/v1/operations/" + op.get("id").asText());
            assertThat(op.get("state").asText()).isEqualTo("running");
            HttpResponse<String> again = http.call("POST", "/api/v1/stacks/iot/down", token, null);
            assertThat(again.statusCode()).as("one operation per stack at a time").isEqualTo(409);
            assertThat(TestHttp.json(again).get("detail").asText()).contains(op.get("id").asText());

            List<String> steps = new ArrayList<>();
            JsonNode done;
            try (TestHttp.Events progress = http.events(op.get("events").asText())) {
                for (TestHttp.Event e = progress.next(Duration.ofSeconds(60)); ; e = progress.next(Duration.ofSeconds(60))) {
                    assertThat(e).as("the stream ends with done or failed").isNotNull();
                    if (!e.name().equals("progress")) {
                        assertThat(e.name()).as(e.data().toString()).isEqualTo("done");
                        done = e.data();
                        break;
                    }
                    steps.add(e.data().get("step").asText() + " " + e.data().get("subject").asText());
                }
                assertThat(progress.next(Duration.ofSeconds(2))).as("nothing after the last event").isNull();
            }
            assertThat(steps).anyMatch(s -> s.startsWith("container_started") && s.contains("web"));
            assertThat(done.at("/stacks/iot/created")).hasSize(2);
            JsonNode kept = TestHttp.json(http.get("/api/v1/operations/" + op.get("id").asText()));
            assertThat(kept.get("state").asText()).isEqualTo("succeeded");
            assertThat(kept.at("/result/stacks/iot/created")).hasSize(2);

            JsonNode healthy = until(status, s -> "healthy".equals(service(s, "web", "health"))
                    && "running".equals(service(s, "worker", "state")));
            assertThat(healthy).as("web healthy and worker running, pushed by the engine's events").isNotNull();
            JsonNode now = TestHttp.json(http.get("/api/v1/status"));
            assertThat(service(now, "web", "health")).isEqualTo("healthy");

            try (TestHttp.Events logs = http.events("/api/v1/stacks/iot/services/web/logs?tail=10")) {
                TestHttp.Event line = logs.next("log", Duration.ofSeconds(10));
                assertThat(line).isNotNull();
                assertThat(line.data().get("text").asText()).isEqualTo(project.marker);
                assertThat(line.data().get("service").asText()).isEqualTo("web");
            }
            try (TestHttp.Events logs = http.events("/api/v1/stacks/iot/services/web/logs?follow=false")) {
                assertThat(logs.next("log", Duration.ofSeconds(10)).data().get("text").asText())
                        .isEqualTo(project.marker);
                assertThat(logs.next("end", Duration.ofSeconds(10))).as("a log that is not followed ends").isNotNull();
            }
            assertThat(http.get("/api/v1/stacks/iot/services/nope/logs").statusCode()).isEqualTo(404);

            HttpResponse<String> down = http.call("POST", "/api/v1/stacks/iot/down", token, null);
            assertThat(down.statusCode()).isEqualTo(202);
            String downId = TestHttp.json(down).get("id").asText();
            try (TestHttp.Events progress = http.events("/api/v1/operations/" + downId + "/events")) {
                assertThat(progress.next("done", Duration.ofSeconds(60))).isNotNull();
            }
            long gone = System.nanoTime();
            JsonNode empty = until(status, s -> s.at("/stacks/iot").isEmpty());
            assertThat(empty).isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - gone)).as("the page learns of it within a second")
                    .isLessThan(Duration.ofSeconds(1));
        }
        assertThat(http.get("/api/v1/operations/nope").statusCode()).isEqualTo(404);
    }

    /** The state or health of {@code service} of the iot stack in a status document, or {@code null}. */
    private static String service(JsonNode status, String service, String field) {
        for (JsonNode s : status.at("/stacks/iot")) {
            if (s.get("service").asText().equals(service)) {
                return s.get(field).asText();
            }
        }
        return null;
    }

    /** The first status event within 30 s that {@code test} accepts, or {@code null}. */
    private static JsonNode until(TestHttp.Events status, java.util.function.Predicate<JsonNode> test)
            throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            TestHttp.Event e = status.next("status", Duration.ofNanos(end - System.nanoTime()));
            if (e == null) {
                return null;
            }
            if (test.test(e.data())) {
                return e.data();
            }
        }
        return null;
    }
}
