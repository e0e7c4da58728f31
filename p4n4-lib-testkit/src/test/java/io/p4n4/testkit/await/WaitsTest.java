package io.p4n4.testkit.await;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

class WaitsTest {

    @Test
    void aConditionThatHoldsAtOnceIsCheckedOnceInTheCallingThreadWithoutWaiting() {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();

        Waits.within(Duration.ofSeconds(5), Duration.ofSeconds(2)).until(() -> threads.add(Thread.currentThread()));

        assertThat(threads).containsExactly(Thread.currentThread());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void pollsUntilTheConditionHolds() {
        AtomicInteger checks = new AtomicInteger();

        Waits.within(Duration.ofSeconds(5), Duration.ofMillis(10)).until(() -> checks.incrementAndGet() == 3);

        assertThat(checks).hasValue(3);
    }

    @Test
    void aConditionThatNeverHoldsFailsNamingWhatWasAwaited() {
        assertThatThrownBy(() -> Waits.within(Duration.ofMillis(200)).alias("the moon to turn blue")
                .until(() -> false))
                .isInstanceOf(ConditionTimeoutException.class).hasMessageContaining("the moon to turn blue");
    }
}
