package io.p4n4.clients.router;

import static io.p4n4.clients.router.ChatPayloads.OPENAI_COMPLETION;
import static io.p4n4.clients.router.ChatPayloads.OPENAI_OVERLOADED;
import static io.p4n4.clients.router.ChatPayloads.error;
import static io.p4n4.clients.router.ChatPayloads.json;
import static io.p4n4.clients.router.RouterFixture.HELLO;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A provider's breaker opens after N failures, skips it for the cooldown, then lets one probe through. */
@Timeout(20)
class CircuitBreakerTest {
    private final RouterFixture f = new RouterFixture();
    private final List<String> changes = new CopyOnWriteArrayList<>();
    private final RouterListener listener = new RouterListener() {
        @Override
        public void breakerChanged(String provider, BreakerState from, BreakerState to) {
            changes.add(provider + " " + from + "->" + to);
        }
    };

    @AfterEach
    void close() {
        f.close();
    }

    private ChatRouter router() {
        return f.router().breaker(BreakerPolicy.of(2, Duration.ofSeconds(30))).listener(listener)
                .provider(f.cloud("flaky", f.cloud)).provider(f.cloud("backup", f.cloud2)).build();
    }

    private void failTwice(ChatRouter router) {
        for (int i = 0; i < 2; i++) {
            f.cloud.server.enqueue(error(503, OPENAI_OVERLOADED));
            f.cloud2.server.enqueue(json(OPENAI_COMPLETION));
            assertThat(router.route(HELLO).provider()).isEqualTo("backup");
        }
    }

    @Test
    void opensAfterTheThresholdAndSkipsTheProviderDuringTheCooldown() {
        ChatRouter router = router();
        f.cloud.server.enqueue(error(503, OPENAI_OVERLOADED));
        f.cloud2.server.enqueue(json(OPENAI_COMPLETION));
        router.route(HELLO);
        assertThat(router.breakerState("flaky")).as("one failure of two").isEqualTo(BreakerState.CLOSED);
        f.cloud.server.enqueue(error(503, OPENAI_OVERLOADED));
        f.cloud2.server.enqueue(json(OPENAI_COMPLETION));
        router.route(HELLO);
        assertThat(router.breakerState("flaky")).isEqualTo(BreakerState.OPEN);

        f.ticker.advance(Duration.ofSeconds(29));
        f.cloud2.server.enqueue(json(OPENAI_COMPLETION));
        RoutedAnswer a = router.route(HELLO);

        assertThat(a.attempts()).extracting(Attempt::provider, Attempt::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("flaky", FailureReason.CIRCUIT_OPEN),
                        org.assertj.core.groups.Tuple.tuple("backup", null));
        assertThat(f.cloud.server.getRequestCount()).as("not called while open").isEqualTo(2);
        assertThat(changes).containsExactly("flaky CLOSED->OPEN");
    }

    @Test
    void afterTheCooldownOneProbeGoesThroughAndItsSuccessCloses() {
        ChatRouter router = router();
        failTwice(router);
        f.ticker.advance(Duration.ofSeconds(30));
        f.cloud.server.enqueue(json(OPENAI_COMPLETION));

        RoutedAnswer a = router.route(HELLO);

        assertThat(a.provider()).isEqualTo("flaky");
        assertThat(router.breakerState("flaky")).isEqualTo(BreakerState.CLOSED);
        assertThat(changes).containsExactly("flaky CLOSED->OPEN", "flaky OPEN->HALF_OPEN", "flaky HALF_OPEN->CLOSED");
    }

    @Test
    void aFailedProbeOpensItForAnotherCooldownAtOnce() {
        ChatRouter router = router();
        failTwice(router);
        f.ticker.advance(Duration.ofSeconds(31));
        f.cloud.server.enqueue(error(500, OPENAI_OVERLOADED));
        f.cloud2.server.enqueue(json(OPENAI_COMPLETION));

        assertThat(router.route(HELLO).provider()).isEqualTo("backup");

        assertThat(router.breakerState("flaky")).isEqualTo(BreakerState.OPEN);
        assertThat(changes).containsExactly("flaky CLOSED->OPEN", "flaky OPEN->HALF_OPEN", "flaky HALF_OPEN->OPEN");
        f.ticker.advance(Duration.ofSeconds(29));
        f.cloud2.server.enqueue(json(OPENAI_COMPLETION));
        assertThat(router.route(HELLO).attempts().get(0).reason()).isEqualTo(FailureReason.CIRCUIT_OPEN);
        assertThat(f.cloud.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aSuccessBetweenFailuresResetsTheCount() {
        ChatRouter router = router();
        f.cloud.server.enqueue(error(503, OPENAI_OVERLOADED));
        f.cloud2.server.enqueue(json(OPENAI_COMPLETION));
        router.route(HELLO);
        f.cloud.server.enqueue(json(OPENAI_COMPLETION));
        router.route(HELLO);
        f.cloud.server.enqueue(error(503, OPENAI_OVERLOADED));
        f.cloud2.server.enqueue(json(OPENAI_COMPLETION));
        router.route(HELLO);

        assertThat(router.breakerState("flaky")).as("failures were not consecutive").isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void theDefaultsAreThreeFailuresAndThirtySeconds() {
        assertThat(BreakerPolicy.defaults()).isEqualTo(new BreakerPolicy(3, Duration.ofSeconds(30), Duration.ofMinutes(5)));
    }
}
