package io.p4n4.compose.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The readiness choices of {@link UpOptions}. */
class UpOptionsTest {

    @Test
    void waitReadyWaitsForTheEnginesVerdictUnlessEarlyPassesAreAccepted() {
        assertThat(UpOptions.builder().waitReady(true).build().waitReadyEarly()).isFalse();
        assertThat(UpOptions.builder().waitReady(true).waitReadyEarly(true).build().waitReadyEarly()).isTrue();
    }

    @Test
    void toBuilderKeepsTheEarlyReadinessChoice() {
        UpOptions early = UpOptions.builder().waitReady(true).waitReadyEarly(true).build();

        UpOptions copy = early.toBuilder().build();

        assertThat(copy.waitReady()).isTrue();
        assertThat(copy.waitReadyEarly()).isTrue();
    }
}
