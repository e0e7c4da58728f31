package io.p4n4.compose.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.HealthStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What up and ps report, built with builders. */
class ExecResultTypesTest {

    @Test
    void anUpThatOnlyFoundRunningServicesChangedNothing() {
        UpResult quiet = UpResult.builder().unchanged(List.of("db", "web")).elapsed(Duration.ofMillis(40)).build();
        UpResult scaled = UpResult.builder().unchanged(List.of("db"))
                .scaledDown(List.of("web")).build();

        assertThat(quiet.nothingChanged()).isTrue();
        assertThat(quiet.created()).isEmpty();
        assertThat(scaled.nothingChanged()).isFalse();
        assertThat(scaled.elapsed()).isEqualTo(Duration.ZERO);
    }

    @Test
    void aServiceIsReadyWhenRunningAndHealthyOrWithoutHealthcheck() {
        assertThat(ServiceStatus.builder("db", ContainerState.RUNNING).build().isReady()).isTrue();
        assertThat(ServiceStatus.builder("db", ContainerState.RUNNING).health(HealthStatus.STARTING).build()
                .isReady()).isFalse();
        assertThat(ServiceStatus.builder("db", ContainerState.EXITED).health(HealthStatus.HEALTHY).build()
                .isReady()).isFalse();
    }
}
