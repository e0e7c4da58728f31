package io.p4n4.podman.internal.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs containers' healthchecks on their interval for an engine that does not (Podman without
 * systemd), but only while someone cares: each container is driven while at least one "interest" holds
 * — a lease renewed whenever its health is polled, or an open event subscription. When every interest
 * has lapsed, the container is stopped (gone, not running, no healthcheck) or the driver is closed, the
 * container's schedule ends; idle threads end on their own after a few seconds and {@link #close()}
 * ends them at once.
 *
 * <p>Checks of one container never overlap: a caller asking for a run while one is in flight waits for
 * that one instead of starting another. Thread-safe.
 */
public final class HealthcheckDriver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthcheckDriver.class);
    private static final AtomicInteger DRIVER_IDS = new AtomicInteger();

    /** What one check run found out about the container. */
    public enum Outcome {
        /** The check ran; its result is recorded in the container's health. */
        RAN,
        /** The container is not running, so there is nothing to check (now). */
        NOT_RUNNING,
        /** The container has no healthcheck. */
        NO_HEALTHCHECK,
        /** The container no longer exists. */
        GONE
    }

    /** Runs one check of a container, synchronously. */
    @FunctionalInterface
    public interface CheckRunner {
        /** Runs the check; throws (any runtime exception) when the engine could not be asked. */
        Outcome run(String container);
    }

    private final CheckRunner runner;
    private final LongSupplier nanoClock;
    private final ScheduledThreadPoolExecutor executor;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Creates a driver using {@code runner}; no thread starts until a container is driven. */
    public HealthcheckDriver(CheckRunner runner) {
        this(runner, System::nanoTime, 2);
    }

    HealthcheckDriver(CheckRunner runner, LongSupplier nanoClock, int threads) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.nanoClock = nanoClock;
        int id = DRIVER_IDS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "p4n4-podman-health-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = new ScheduledThreadPoolExecutor(threads, tf);
        executor.setRemoveOnCancelPolicy(true);
        executor.setKeepAliveTime(5, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs the container's check now, unless one is already running, in which case this waits for
     * that one. Does not schedule anything.
     */
    public Outcome runNow(String container) {
        return entry(container).runOnce();
    }

    /**
     * Keeps running the container's check every {@code interval} while {@code interest} holds; the
     * first run happens after {@code firstDelay}. Calling again adds another interest and may shorten
     * the interval; it never starts a second schedule.
     */
    public void drive(String container, Duration interval, Duration firstDelay, BooleanSupplier interest) {
        if (closed) {
            return;
        }
        Entry e = entry(container);
        e.addInterest(interest, interval);
        e.scheduleIfIdle(firstDelay);
    }

    /**
     * Drives the container for at least {@code lease} from now (renewing an existing lease): what a poll
     * of its health does.
     */
    public void driveFor(String container, Duration interval, Duration firstDelay, Duration lease) {
        if (closed) {
            return;
        }
        long until = nanoClock.getAsLong() + lease.toNanos();
        Entry e = entry(container);
        synchronized (e) {
            if (until - e.leaseUntil > 0) {
                e.leaseUntil = until;
            }
            if (!e.leaseRegistered) {
                e.leaseRegistered = true;
                e.addInterest(() -> nanoClock.getAsLong() - e.leaseUntil < 0, interval);
            } else {
                e.addInterest(null, interval);
            }
            e.scheduleIfIdle(firstDelay);
        }
    }

    /** Tells whether the container is being driven on a schedule now. */
    public boolean isDriving(String container) {
        Entry e = entries.get(container);
        return e != null && e.future != null && !e.future.isDone();
    }

    /** Number of threads alive in the driver's pool (for tests and diagnostics). */
    public int threadCount() {
        return executor.getPoolSize();
    }

    /** Stops every schedule and the threads; a check in flight finishes on its own. Idempotent. */
    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        entries.clear();
    }

    /** Waits for the threads to end after {@link #close()}. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private Entry entry(String container) {
        return entries.computeIfAbsent(container, Entry::new);
    }

    private final class Entry {
        private final String container;
        private final ReentrantLock runLock = new ReentrantLock();
        private final List<BooleanSupplier> interests = new ArrayList<>();
        private long interval = Long.MAX_VALUE;
        private volatile long lastRun = Long.MIN_VALUE;
        private long leaseUntil;
        private boolean leaseRegistered;
        private volatile ScheduledFuture<?> future;

        Entry(String container) {
            this.container = container;
        }

        synchronized void addInterest(BooleanSupplier interest, Duration every) {
            if (interest != null) {
                interests.add(interest);
            }
            long ns = Math.max(every.toNanos(), TimeUnit.MILLISECONDS.toNanos(100));
            interval = Math.min(interval, ns);
        }

        synchronized void scheduleIfIdle(Duration firstDelay) {
            if (closed || future != null && !future.isDone()) {
                return;
            }
            schedule(Math.max(0, firstDelay.toNanos()));
        }

        private void schedule(long delayNanos) {
            try {
                future = executor.schedule(this::tick, delayNanos, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                future = null; // closed meanwhile
            }
        }

        Outcome runOnce() {
            if (!runLock.tryLock()) {
                runLock.lock(); // another run is in flight: its result is as fresh as ours would be
                runLock.unlock();
                return Outcome.RAN;
            }
            try {
                Outcome o = runner.run(container);
                lastRun = nanoClock.getAsLong();
                return o;
            } finally {
                runLock.unlock();
            }
        }

        private void tick() {
            if (closed) {
                return;
            }
            long delay;
            synchronized (this) {
                interests.removeIf(i -> !i.getAsBoolean());
                if (interests.isEmpty()) {
                    finish("no one waits for its health any more");
                    return;
                }
                long sinceLast = nanoClock.getAsLong() - lastRun;
                if (lastRun != Long.MIN_VALUE && sinceLast < interval) {
                    // a poll ran the check meanwhile: keep to the interval from that run
                    schedule(interval - sinceLast);
                    return;
                }
                delay = interval;
            }
            Outcome outcome;
            try {
                outcome = runOnce();
            } catch (RuntimeException ex) {
                LOG.debug("healthcheck of {} failed to run: {}", container, ex.getMessage());
                outcome = Outcome.RAN; // the engine may come back; interests decide when to give up
            }
            synchronized (this) {
                if (outcome == Outcome.GONE) {
                    entries.remove(container, this);
                }
                if (outcome != Outcome.RAN) {
                    finish(outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
                } else if (!closed) {
                    schedule(delay);
                }
            }
        }

        private void finish(String why) {
            LOG.debug("stopped driving the healthcheck of {}: {}", container, why);
            interests.clear();
            leaseRegistered = false;
            interval = Long.MAX_VALUE;
            future = null;
        }
    }
}
