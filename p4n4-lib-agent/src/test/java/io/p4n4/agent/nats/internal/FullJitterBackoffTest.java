package io.p4n4.agent.nats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FullJitterBackoffTest {

    private final FullJitterBackoff backoff = new FullJitterBackoff(Duration.ofMillis(250), Duration.ofSeconds(5));

    @Test
    void theWindowDoublesPerAttemptUpToTheCap() {
        assertThat(backoff.window(0)).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.window(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.window(4)).isEqualTo(Duration.ofMillis(4000));
        assertThat(backoff.window(5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.window(500)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void delaysSpreadOverTheWholeWindowFromZero() {
        Set<Long> buckets = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            long ms = backoff.delay(1).toMillis();
            assertThat(ms).isBetween(0L, 500L);
            buckets.add(ms / 50); // ten 50 ms slices of the 500 ms window
        }
        assertThat(buckets).as("full jitter: every slice of the window is used").hasSize(11);
    }

    @Test
    void refusesAnEmptyOrInvertedRange() {
        assertThatThrownBy(() -> new FullJitterBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 < base <= cap");
        assertThatThrownBy(() -> new FullJitterBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base PT2S, cap PT1S");
    }
}
