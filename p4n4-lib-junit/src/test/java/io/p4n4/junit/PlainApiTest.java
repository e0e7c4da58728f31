package io.p4n4.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.junit.internal.EngineConnector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link ComposeEnvironment#start(ComposeSetup)} without the extension, on both engines. */
@Tag("engine")
class PlainApiTest {

    @ParameterizedTest
    @EnumSource(value = EngineChoice.class, names = {"DOCKER", "PODMAN"})
    void anHttpWaitHoldsStartUntilTheServiceAnswersAndCloseRemovesEverything(EngineChoice engine) throws Exception {
        String project;
        try (ComposeEnvironment env = ComposeEnvironment.start(ComposeSetup.builder(
                        "src/test/resources/compose/slow-http.yml").engine(engine).host(TestHosts.hostOf(engine))
                .waitFor(ReadinessCheck.http("slow", 8080, "/", 200)).build())) {
            project = env.projectName();
            // no healthcheck: without the wait, the first request would come 2 s too early
            URI uri = URI.create("http://" + env.host("slow", 8080) + ":" + env.port("slow", 8080) + "/");
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("late\n");
            assertThat(ProjectObjects.of(env.engine(), project).containers()).hasSize(1);
        }
        try (ContainerEngine engineClient = EngineConnector.connect(engine, TestHosts.hostOf(engine))) {
            assertThat(ProjectObjects.of(engineClient, project).isEmpty()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = EngineChoice.class, names = {"DOCKER", "PODMAN"})
    void aServiceThatFailsAtStartIsReportedWithItsLogFile(EngineChoice engine, @TempDir Path logs) throws Exception {
        ComposeSetup setup = ComposeSetup.builder("src/test/resources/compose/broken.yml").engine(engine)
                .host(TestHosts.hostOf(engine)).waitTimeout(Duration.ofSeconds(30)).logDirectory(logs).build();

        assertThatThrownBy(() -> ComposeEnvironment.start(setup)).isInstanceOf(P4n4Exception.class)
                .hasMessageContaining("broken")
                .hasMessageContaining("Service logs: " + logs.resolve("broken.log"));
        assertThat(Files.readString(logs.resolve("broken.log"))).contains("broken-service-says-missing-config");
    }

    @ParameterizedTest
    @EnumSource(value = EngineChoice.class, names = {"DOCKER", "PODMAN"})
    void aLogLineWaitPassesOnceTheLineIsThere(EngineChoice engine) {
        try (ComposeEnvironment env = ComposeEnvironment.start(ComposeSetup.builder(
                        "src/test/resources/compose/slow-http.yml").engine(engine).host(TestHosts.hostOf(engine))
                .waitFor(ReadinessCheck.logLine("slow", "serving n.w")).build())) {
            assertThat(env.logs("slow")).contains("serving now");
        }
    }

    @ParameterizedTest
    @EnumSource(value = EngineChoice.class, names = {"DOCKER", "PODMAN"})
    void aCheckThatNeverPassesFailsAfterTheTimeoutNamingTheCheck(EngineChoice engine) {
        ComposeSetup setup = ComposeSetup.builder("src/test/resources/compose/slow-http.yml").engine(engine)
                .host(TestHosts.hostOf(engine)).waitTimeout(Duration.ofSeconds(4))
                .waitFor(ReadinessCheck.logLine("slow", "never-printed")).build();
        assertThatThrownBy(() -> ComposeEnvironment.start(setup)).isInstanceOf(P4n4Exception.class)
                .hasMessageContaining("log line of slow matching /never-printed/")
                .hasMessageContaining("did not pass before the timeout");
    }
}
