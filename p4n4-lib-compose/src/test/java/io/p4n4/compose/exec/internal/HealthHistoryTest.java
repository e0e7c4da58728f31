package io.p4n4.compose.exec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.ContainerHealth;
import io.p4n4.api.engine.HealthStatus;
import org.junit.jupiter.api.Test;

/** The last checks' exit codes are shown also when the checks printed nothing. */
class HealthHistoryTest {

    @Test
    void silentFailingChecksShowTheirExitCodes() {
        HealthHistory h = new HealthHistory();

        h.observe(new ContainerHealth(HealthStatus.STARTING, 1, "", 3));
        h.observe(new ContainerHealth(HealthStatus.STARTING, 1, "", 3)); // the same check seen again
        h.observe(new ContainerHealth(HealthStatus.UNHEALTHY, 2, "", 3));

        assertThat(h.describe()).isEqualTo("last healthchecks (oldest first): exit 3, no output; exit 3, no output");
        assertThat(h.lastOutput()).isEmpty();
    }

    @Test
    void noResultYetSaysSoAndOnlyTheLastFiveAreKept() {
        HealthHistory h = new HealthHistory();
        assertThat(h.describe()).isEqualTo("no healthcheck result yet");

        h.observe(ContainerHealth.of(HealthStatus.STARTING)); // no check ran: nothing to record
        for (int i = 1; i <= 7; i++) {
            h.observe(new ContainerHealth(HealthStatus.STARTING, i, "try " + i + "\n", 1));
        }

        assertThat(h.describe()).startsWith("last healthchecks (oldest first): exit 1, \"try 3\"")
                .endsWith("exit 1, \"try 7\"");
        assertThat(h.lastOutput()).isEqualTo("try 7");
    }

    @Test
    void aCheckThatDidNotFinishAndAProbeAreShown() {
        HealthHistory h = new HealthHistory();

        h.observe(new ContainerHealth(HealthStatus.STARTING, 1, "timed out", -1));
        h.observeProbe(7, "refused");

        assertThat(h.describe()).contains("no exit code (did not finish: timeout or could not start), \"timed out\"")
                .contains("exit 7, \"refused\"");
    }
}
