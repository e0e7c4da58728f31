package io.p4n4.compose.exec.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Runs one engine call per item on a few threads and waits for all of them. */
final class Parallel {
    private Parallel() {
    }

    /**
     * Applies {@code work} to every item, at most {@code limit} at once, and returns the results in the
     * items' order. Waits for every call even when one fails, then rethrows the first failure as thrown
     * (so a {@link io.p4n4.api.P4n4Exception} keeps its code). A single item runs on the calling thread.
     */
    static <T, R> List<R> map(List<T> items, int limit, Function<T, R> work) {
        if (items.size() <= 1) {
            return items.stream().map(work).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(limit, items.size()), r -> {
            Thread t = new Thread(r, "p4n4-compose");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> work.apply(item)));
            }
            List<R> results = new ArrayList<>();
            RuntimeException first = null;
            for (Future<R> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException r ? r
                                : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    pool.shutdownNow();
                    throw new P4n4Exception(ErrorCode.GENERAL, "interrupted while waiting for the engine", e);
                }
            }
            if (first != null) {
                throw first;
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
