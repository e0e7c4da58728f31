package io.p4n4.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.HealthStatus;
import io.p4n4.compose.exec.ServiceNotReadyException;
import io.p4n4.compose.exec.ServiceStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * When a service with a healthcheck counts as ready: by default at the first pass of its own test run by p4n4,
 * with {@link ComposeSetup#waitForEngineHealth()} at the engine's verdict. The files use a 30 s interval, so on
 * Docker (first check one interval after start) the two differ within the short timeouts used here.
 */
@Tag("engine")
class HealthVerdictTest {
    private static final String SLOW_INTERVAL = "src/test/resources/compose/slow-interval.yml";

    @ParameterizedTest
    @EnumSource(value = EngineChoice.class, names = {"DOCKER", "PODMAN"})
    void byDefaultTheFirstPassingCheckIsEnoughLongBeforeTheEnginesInterval(EngineChoice engine) throws Exception {
        // 15 s: half the interval, so on Docker only p4n4's own run of the check can let start() return
        try (ComposeEnvironment env = ComposeEnvironment.start(ComposeSetup.builder(SLOW_INTERVAL).engine(engine)
                .host(TestHosts.hostOf(engine)).waitTimeout(Duration.ofSeconds(15)).build())) {
            URI uri = URI.create("http://" + env.host("web", 80) + ":" + env.port("web", 80) + "/");
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("quick\n");
            // Docker has not run its first check yet; on Podman p4n4 runs the engine's own check, at once
            assertThat(webHealth(env)).isEqualTo(engine == EngineChoice.DOCKER ? HealthStatus.STARTING
                    : HealthStatus.HEALTHY);
        }
    }

    @Test
    void waitingForTheEnginesVerdictOnDockerWaitsForItsFirstScheduledCheck() {
        ComposeSetup setup = ComposeSetup.builder(SLOW_INTERVAL).engine(EngineChoice.DOCKER)
                .host(TestHosts.hostOf(EngineChoice.DOCKER)).waitTimeout(Duration.ofSeconds(4))
                .waitForEngineHealth(true).build();

        assertThatThrownBy(() -> ComposeEnvironment.start(setup)).isInstanceOf(P4n4Exception.class)
                .hasMessageContaining("timed out waiting for service web")
                .hasMessageContaining("health starting")
                .cause().isInstanceOfSatisfying(ServiceNotReadyException.class, e -> {
                    assertThat(e.service()).isEqualTo("web");
                    assertThat(e.timedOut()).isTrue();
                });
    }

    @ParameterizedTest
    @EnumSource(value = EngineChoice.class, names = {"DOCKER", "PODMAN"})
    void waitingForTheEnginesVerdictReturnsWhenTheEngineSaysHealthy(EngineChoice engine) {
        // web.yml checks every second, so the engine's verdict comes quickly on both engines
        try (ComposeEnvironment env = ComposeEnvironment.start(ComposeSetup.builder(
                        "src/test/resources/compose/web.yml").engine(engine).host(TestHosts.hostOf(engine))
                .waitTimeout(Duration.ofSeconds(60)).waitForEngineHealth(true).build())) {
            assertThat(webHealth(env)).isEqualTo(HealthStatus.HEALTHY);
        }
    }

    @ParameterizedTest
    @EnumSource(value = EngineChoice.class, names = {"DOCKER", "PODMAN"})
    void aCheckThatFailsKeepsTheServiceNotReadyUntilTheTimeoutNamingIt(EngineChoice engine) {
        ComposeSetup setup = ComposeSetup.builder("src/test/resources/compose/never-healthy.yml").engine(engine)
                .host(TestHosts.hostOf(engine)).waitTimeout(Duration.ofSeconds(4)).build();

        assertThatThrownBy(() -> ComposeEnvironment.start(setup)).isInstanceOf(P4n4Exception.class)
                .hasMessageContaining("timed out waiting for service stuck")
                .cause().isInstanceOfSatisfying(ServiceNotReadyException.class, e -> {
                    assertThat(e.service()).isEqualTo("stuck");
                    assertThat(e.timedOut()).isTrue();
                });
    }

    private static HealthStatus webHealth(ComposeEnvironment env) {
        return env.executor().ps(env.project()).stream().filter(s -> s.service().equals("web"))
                .map(ServiceStatus::health).findFirst().orElseThrow();
    }
}
