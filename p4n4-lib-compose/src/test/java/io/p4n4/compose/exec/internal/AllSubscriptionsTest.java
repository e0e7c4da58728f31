package io.p4n4.compose.exec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.EngineException;
import io.p4n4.api.engine.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AllSubscriptionsTest {
    /** A stream that ends when closed or ended, like the engines' log streams. */
    private static final class Stream implements Subscription {
        private final CountDownLatch ended = new CountDownLatch(1);
        private volatile RuntimeException failure;

        void end(RuntimeException why) {
            failure = why;
            ended.countDown();
        }

        @Override
        public boolean isActive() {
            return ended.getCount() > 0;
        }

        @Override
        public boolean awaitTermination(Duration timeout) throws InterruptedException {
            return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public Optional<RuntimeException> findFailure() {
            return Optional.ofNullable(failure);
        }

        @Override
        public void close() {
            ended.countDown();
        }
    }

    @Test
    void activeUntilEveryPartEndedAndTheFirstFailureIsReported() throws InterruptedException {
        Stream a = new Stream();
        Stream b = new Stream();
        Subscription all = AllSubscriptions.of(List.of(a, b));

        a.end(null);
        assertThat(all.isActive()).isTrue();
        assertThat(all.awaitTermination(Duration.ofMillis(50))).isFalse();
        EngineException gone = new EngineException("docker", "c", "connection lost", null);
        b.end(gone);

        assertThat(all.isActive()).isFalse();
        assertThat(all.awaitTermination(Duration.ZERO)).isTrue();
        assertThat(all.findFailure()).containsSame(gone);
    }

    @Test
    void closingClosesEveryPartAndOnePartIsItself() {
        Stream a = new Stream();
        Stream b = new Stream();

        AllSubscriptions.of(List.of(a, b)).close();

        assertThat(a.isActive()).isFalse();
        assertThat(b.isActive()).isFalse();
        assertThat(AllSubscriptions.of(List.of(a))).isSameAs(a);
    }
}
