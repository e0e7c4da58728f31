package io.p4n4.compose.exec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.HealthcheckSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarlyHealthProbeTest {

    private static HealthcheckSpec check(String... test) {
        return new HealthcheckSpec(List.of(test), Duration.ofSeconds(30), Duration.ZERO, 3, Duration.ZERO);
    }

    @Test
    void cmdRunsItsArgumentsAsGiven() {
        assertThat(EarlyHealthProbe.command(check("CMD", "test", "-f", "/tmp/ok")))
                .contains(List.of("test", "-f", "/tmp/ok"));
    }

    @Test
    void cmdShellRunsTheLineUnderBinSh() {
        assertThat(EarlyHealthProbe.command(check("CMD-SHELL", "wget -q -O- localhost:8086/health || exit 1")))
                .contains(List.of("/bin/sh", "-c", "wget -q -O- localhost:8086/health || exit 1"));
    }

    @Test
    void noCommandForDisabledOrEmptyTests() {
        assertThat(EarlyHealthProbe.command(HealthcheckSpec.disabled())).isEmpty();
        assertThat(EarlyHealthProbe.command(check("CMD"))).isEmpty();
    }

    @Test
    void backoffDoublesFromFiftyMillisecondsUpToOneSecond() {
        assertThat(EarlyHealthProbe.backoff(0)).isEqualTo(Duration.ofMillis(50));
        assertThat(EarlyHealthProbe.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(EarlyHealthProbe.backoff(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(EarlyHealthProbe.backoff(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(EarlyHealthProbe.backoff(1000)).isEqualTo(Duration.ofSeconds(1));
    }
}
