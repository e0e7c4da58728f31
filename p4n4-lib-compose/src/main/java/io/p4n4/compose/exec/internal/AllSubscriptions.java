package io.p4n4.compose.exec.internal;

import io.p4n4.api.engine.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Several streams as one: active while any is, ended when all are, closing closes them all. */
public final class AllSubscriptions implements Subscription {
    private final List<Subscription> parts;

    private AllSubscriptions(List<Subscription> parts) {
        this.parts = List.copyOf(parts);
    }

    /** {@code parts} as one subscription; the single part itself when there is only one. */
    public static Subscription of(List<Subscription> parts) {
        return parts.size() == 1 ? parts.get(0) : new AllSubscriptions(parts);
    }

    @Override
    public boolean isActive() {
        return parts.stream().anyMatch(Subscription::isActive);
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Subscription s : parts) {
            if (!s.awaitTermination(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Optional<RuntimeException> findFailure() {
        return parts.stream().map(Subscription::findFailure).flatMap(Optional::stream).findFirst();
    }

    @Override
    public void close() {
        parts.forEach(Subscription::close);
    }
}
