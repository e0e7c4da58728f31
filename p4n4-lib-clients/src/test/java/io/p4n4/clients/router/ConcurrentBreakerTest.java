package io.p4n4.clients.router;

import static io.p4n4.clients.router.ChatPayloads.OPENAI_COMPLETION;
import static io.p4n4.clients.router.ChatPayloads.OPENAI_OVERLOADED;
import static io.p4n4.clients.router.ChatPayloads.error;
import static io.p4n4.clients.router.ChatPayloads.json;
import static io.p4n4.clients.router.RouterFixture.HELLO;
import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.testkit.await.Waits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many callers arrive as a provider's cooldown ends: exactly one probes it, the others go elsewhere. */
@Timeout(30)
class ConcurrentBreakerTest {
    private static final int CALLERS = 16;
    private final RouterFixture f = new RouterFixture();
    private final ExecutorService pool = Executors.newFixedThreadPool(CALLERS);

    @AfterEach
    void close() throws Exception {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        f.close();
    }

    @Test
    void onlyOneOfManyConcurrentCallersProbesAHalfOpenProvider() throws Exception {
        ChatRouter router = f.router().breaker(BreakerPolicy.of(1, Duration.ofSeconds(30)))
                .provider(f.cloud("flaky", f.cloud)).provider(f.cloud("backup", f.cloud2)).build();
        f.cloud.server.enqueue(error(503, OPENAI_OVERLOADED));
        f.cloud2.server.enqueue(json(OPENAI_COMPLETION));
        router.route(HELLO);
        assertThat(router.breakerState("flaky")).isEqualTo(BreakerState.OPEN);

        // the probe is held at the server until every other caller has been answered by the backup
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger probes = new AtomicInteger();
        f.cloud.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                probes.incrementAndGet();
                release.await(20, TimeUnit.SECONDS);
                return json(OPENAI_COMPLETION);
            }
        });
        f.cloud2.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return json(OPENAI_COMPLETION);
            }
        });
        f.ticker.advance(Duration.ofSeconds(30));

        CountDownLatch start = new CountDownLatch(1);
        List<Future<RoutedAnswer>> answers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return router.route(HELLO);
            }));
        }
        start.countDown();
        Waits.within(Duration.ofSeconds(10), Duration.ofMillis(10)).untilAsserted(() ->
                assertThat(answers.stream().filter(Future::isDone).count()).isEqualTo(CALLERS - 1));
        assertThat(router.breakerState("flaky")).isEqualTo(BreakerState.HALF_OPEN);
        release.countDown();

        List<RoutedAnswer> done = new ArrayList<>();
        for (Future<RoutedAnswer> a : answers) {
            done.add(a.get(10, TimeUnit.SECONDS));
        }
        assertThat(probes).hasValue(1);
        assertThat(done).filteredOn(a -> a.provider().equals("flaky")).hasSize(1);
        assertThat(done).filteredOn(a -> a.provider().equals("backup")).hasSize(CALLERS - 1)
                .allSatisfy(a -> assertThat(a.attempts().get(0).reason()).isEqualTo(FailureReason.CIRCUIT_OPEN));
        assertThat(router.breakerState("flaky")).isEqualTo(BreakerState.CLOSED);
    }
}
