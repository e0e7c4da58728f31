package io.p4n4.it.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.HealthStatus;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.exec.ServiceNotReadyException;
import io.p4n4.compose.exec.UpOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compose executor on dockerd ({@code P4N4_TEST_DOCKER_HOST}), plus what only Docker shows: it runs
 * healthchecks on its own schedule, so p4n4's early exec probes are what release a quick dependency's
 * dependents before the engine's first check.
 */
class DockerComposeExecutorTest extends ComposeExecutorContract {

    @Test
    void failedEarlyProbesDoNotCountAgainstTheService() throws IOException {
        // retries: 1 means one failed engine check would be fatal; the probes fail for ~2 s and must not be.
        ComposeProject p = load(QUICK_WITH_SLOW_INTERVAL.replace("SETUP", "sleep 2"), Map.of());

        compose.up(p, UpOptions.builder().timeout(Duration.ofSeconds(25)).build());

        assertThat(engine.inspectContainer(ids().get("after")).state()).isEqualTo(ContainerState.RUNNING);
        assertThat(engine.inspectContainer(ids().get("quick")).health().status())
                .as("the engine has not checked yet; p4n4's probe passed")
                .isEqualTo(HealthStatus.STARTING);
    }

    @Test
    void withoutEarlyHealthchecksDependentsWaitForTheEnginesFirstCheck() throws IOException {
        ComposeProject p = load(QUICK_WITH_SLOW_INTERVAL.replace("SETUP", "true"), Map.of());

        assertThatThrownBy(() -> compose.up(p, UpOptions.builder().earlyHealthchecks(false)
                .timeout(Duration.ofSeconds(4)).build()))
                .isInstanceOfSatisfying(ServiceNotReadyException.class, e -> {
                    assertThat(e.service()).isEqualTo("quick");
                    assertThat(e.timedOut()).isTrue();
                })
                .hasMessageContaining("health starting");
    }

    @Override
    protected String engineId() {
        return "docker";
    }

    @Override
    protected String endpointVariable() {
        return "P4N4_TEST_DOCKER_HOST";
    }
}
