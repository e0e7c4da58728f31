package io.p4n4.docker.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Enforces read timeouts on unix-domain socket channels, which have no SO_TIMEOUT: a blocking read is armed
 * here and the connection is closed when it outlasts the timeout. One daemon thread for the process, started
 * on the first armed read.
 */
final class ReadTimeoutWatchdog {

    private ReadTimeoutWatchdog() {
    }

    private static final class Holder {
        static final ScheduledThreadPoolExecutor TIMER = timer();

        private static ScheduledThreadPoolExecutor timer() {
            ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
                Thread thread = new Thread(r, "p4n4-docker-read-timeout");
                thread.setDaemon(true);
                return thread;
            });
            // cancelled reads (nearly all of them) must not pile up in the queue
            t.setRemoveOnCancelPolicy(true);
            return t;
        }
    }

    /** Runs {@code expire} after {@code timeout} unless the returned handle is cancelled first. */
    static ScheduledFuture<?> arm(Duration timeout, Runnable expire) {
        return Holder.TIMER.schedule(expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
