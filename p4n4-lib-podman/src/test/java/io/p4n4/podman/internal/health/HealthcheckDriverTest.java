package io.p4n4.podman.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.podman.internal.health.HealthcheckDriver.Outcome;
import io.p4n4.testkit.await.Waits;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HealthcheckDriverTest {
    private static final Duration EVERY = Duration.ofMillis(100);
    private static final ConditionFactory WAIT = Waits.within(Duration.ofSeconds(5), Duration.ofMillis(10));
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final java.util.Set<Thread> checkThreads = ConcurrentHashMap.newKeySet();
    private final HealthcheckDriver driver = new HealthcheckDriver(c -> {
        checkThreads.add(Thread.currentThread());
        runs.computeIfAbsent(c, k -> new AtomicInteger()).incrementAndGet();
        return outcomes.getOrDefault(c, Outcome.RAN);
    });

    @AfterEach
    void close() {
        driver.close();
    }

    private int runsOf(String c) {
        return runs.getOrDefault(c, new AtomicInteger()).get();
    }

    @Test
    void runsOnTheIntervalWhileTheInterestHolds() throws Exception {
        AtomicBoolean wanted = new AtomicBoolean(true);
        driver.drive("web", EVERY, Duration.ZERO, wanted::get);
        WAIT.until(() -> runsOf("web") >= 4);
        wanted.set(false);
        WAIT.until(() -> !driver.isDriving("web"));
        int after = runsOf("web");
        Thread.sleep(400);
        assertThat(runsOf("web")).as("no runs once nobody waits").isEqualTo(after);
    }

    @Test
    void theIntervalIsKept() throws Exception {
        driver.drive("web", Duration.ofMillis(300), Duration.ZERO, () -> true);
        Thread.sleep(1000);
        // runs at ~0, 300, 600, 900 ms: never one per tick of a busy loop
        assertThat(runsOf("web")).isBetween(2, 5);
    }

    @Test
    void aLeaseEndsByItself() throws Exception {
        driver.driveFor("web", EVERY, Duration.ZERO, Duration.ofMillis(350));
        WAIT.until(() -> runsOf("web") >= 2);
        WAIT.until(() -> !driver.isDriving("web"));
        assertThat(runsOf("web")).isBetween(2, 6);
    }

    @Test
    void pollingRenewsTheLease() throws Exception {
        for (int i = 0; i < 6; i++) {
            driver.driveFor("web", EVERY, Duration.ZERO, Duration.ofMillis(250));
            Thread.sleep(150);
        }
        // 900 ms of polling with a 250 ms lease: still driven at the end
        assertThat(driver.isDriving("web")).isTrue();
        assertThat(runsOf("web")).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aStoppedOrVanishedContainerIsNoLongerDriven() throws Exception {
        outcomes.put("stopped", Outcome.NOT_RUNNING);
        outcomes.put("gone", Outcome.GONE);
        outcomes.put("plain", Outcome.NO_HEALTHCHECK);
        for (String c : new String[] {"stopped", "gone", "plain"}) {
            driver.drive(c, EVERY, Duration.ZERO, () -> true);
        }
        Thread.sleep(500);
        assertThat(runsOf("stopped")).isEqualTo(1);
        assertThat(runsOf("gone")).isEqualTo(1);
        assertThat(runsOf("plain")).isEqualTo(1);
        assertThat(driver.isDriving("stopped")).isFalse();
    }

    @Test
    void drivingTwiceKeepsOneSchedule() throws Exception {
        driver.drive("web", Duration.ofMillis(200), Duration.ZERO, () -> true);
        driver.drive("web", Duration.ofMillis(200), Duration.ZERO, () -> true);
        driver.driveFor("web", Duration.ofMillis(200), Duration.ZERO, Duration.ofSeconds(5));
        Thread.sleep(700);
        assertThat(runsOf("web")).isBetween(3, 5);
    }

    @Test
    void aCheckRunByAPollPostponesTheScheduledOne() throws Exception {
        long start = System.nanoTime();
        driver.drive("web", Duration.ofMillis(800), Duration.ofMillis(600), () -> true);
        Thread.sleep(200);
        driver.runNow("web"); // at ~200 ms: the scheduled run due at 600 ms moves to ~1000 ms
        Thread.sleep(600);
        assertThat(runsOf("web")).as("only the poll's run by ~800 ms").isEqualTo(1);
        WAIT.until(() -> runsOf("web") == 2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void concurrentRunsOfOneContainerShareOneCheck() throws Exception {
        CountDownLatch inCheck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        try (HealthcheckDriver slow = new HealthcheckDriver(c -> {
            calls.incrementAndGet();
            inCheck.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Outcome.RAN;
        })) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Outcome> first = pool.submit(() -> slow.runNow("web"));
                inCheck.await();
                Future<Outcome> second = pool.submit(() -> slow.runNow("web"));
                Thread.sleep(100);
                assertThat(second).isNotDone();
                release.countDown();
                assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(Outcome.RAN);
                assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(Outcome.RAN);
                assertThat(calls.get()).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aFailingEngineDoesNotEndTheScheduleButTheInterestDoes() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean wanted = new AtomicBoolean(true);
        try (HealthcheckDriver flaky = new HealthcheckDriver(c -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("engine down");
        })) {
            flaky.drive("web", EVERY, Duration.ZERO, wanted::get);
            WAIT.until(() -> attempts.get() >= 3);
            wanted.set(false);
            WAIT.until(() -> !flaky.isDriving("web"));
        }
    }

    @Test
    void closeLeavesNoThreadBehind() throws Exception {
        for (int i = 0; i < 5; i++) {
            driver.drive("c" + i, EVERY, Duration.ZERO, () -> true);
        }
        WAIT.until(() -> runsOf("c4") >= 2);
        assertThat(driver.threadCount()).isPositive();
        driver.close();
        driver.close();
        assertThat(driver.awaitTermination(Duration.ofSeconds(5))).isTrue();
        // a pool thread leaves the pool's count just before it dies: give it a moment to finish dying
        for (Thread t : checkThreads) {
            t.join(2000);
        }
        assertThat(checkThreads).isNotEmpty().allMatch(t -> t.getName().startsWith("p4n4-podman-health-"))
                .noneMatch(Thread::isAlive);
        assertThat(driver.threadCount()).isZero();
        int after = runsOf("c0");
        Thread.sleep(300);
        assertThat(runsOf("c0")).isEqualTo(after);
        driver.drive("late", EVERY, Duration.ZERO, () -> true);
        Thread.sleep(200);
        assertThat(runsOf("late")).as("a closed driver schedules nothing").isZero();
    }

    @Test
    void idleThreadsEndOnTheirOwn() throws Exception {
        driver.drive("web", EVERY, Duration.ZERO, () -> false);
        WAIT.until(() -> !driver.isDriving("web"));
        // the keep-alive is 5 s from the thread's last run, which is before this wait starts; a 5 s wait raced
        // it (it failed about one run in three before Awaitility, at 5.08 s): one second of slack for scheduling
        Waits.within(Duration.ofSeconds(6), Duration.ofMillis(10)).alias("the idle health thread to end")
                .until(() -> driver.threadCount() == 0);
    }

}
