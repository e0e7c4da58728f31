package io.p4n4.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EventFilter;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.Subscription;
import io.p4n4.testkit.await.Waits;
import io.p4n4.testkit.engine.TestEngines;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An event stream that ends is opened again on the real engine, and the watcher is told; once closed, it is not.
 * The engine is the real one, seen through a proxy that only notes the subscriptions it hands out.
 */
@Tag("engine")
class EventWatchOnEnginesTest {

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void anEndedStreamIsOpenedAgainAndAClosedWatchStaysClosed(String engineId) throws Exception {
        List<Subscription> handedOut = new CopyOnWriteArrayList<>();
        AtomicInteger resubscribed = new AtomicInteger();
        try (ContainerEngine real = TestEngines.connect(engineId)) {
            ContainerEngine engine = noting(real, handedOut);
            EventWatch watch = EventWatch.start(engine, "test", EventFilter.containers(
                    LabelFilter.of("io.p4n4.test.watch", "none")), e -> { }, resubscribed::incrementAndGet);
            assertThat(handedOut).hasSize(1);

            handedOut.get(0).close(); // as if the engine had dropped the stream
            Waits.within(Duration.ofSeconds(5)).alias("a second subscription").until(() -> handedOut.size() == 2);
            Waits.within(Duration.ofSeconds(5)).alias("the watcher to be told").until(() -> resubscribed.get() == 1);
            assertThat(handedOut.get(1).isActive()).isTrue();

            watch.close();
            assertThat(handedOut.get(1).awaitTermination(Duration.ofSeconds(5))).isTrue();
            assertThat(handedOut).hasSize(2);
            assertThat(resubscribed).hasValue(1);
        }
    }

    /** {@code real}, noting each subscription {@code events} returns. */
    private static ContainerEngine noting(ContainerEngine real, List<Subscription> handedOut) {
        return (ContainerEngine) Proxy.newProxyInstance(ContainerEngine.class.getClassLoader(),
                new Class<?>[] {ContainerEngine.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof Subscription s) {
                        handedOut.add(s);
                    }
                    return result;
                });
    }
}
