package io.p4n4.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void delaysDoubleUpToTheMaximumAndStartOverAfterAReset() {
        Backoff b = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(1));

        assertThat(b.next()).isEqualTo(Duration.ofMillis(250));
        assertThat(b.next()).isEqualTo(Duration.ofMillis(500));
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
        b.reset();
        assertThat(b.next()).isEqualTo(Duration.ofMillis(250));
    }
}
