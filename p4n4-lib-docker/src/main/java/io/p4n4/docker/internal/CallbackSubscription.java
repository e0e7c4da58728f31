package io.p4n4.docker.internal;

import com.github.dockerjava.api.async.ResultCallback;
import io.p4n4.api.engine.Subscription;
import java.io.Closeable;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A docker-java streaming callback exposed as a {@link Subscription}: items are converted and handed
 * to the consumer on docker-java's thread; closing stops delivery at once. Thread-safe.
 *
 * @param <T> docker-java's item type
 * @param <R> what the consumer receives
 */
final class CallbackSubscription<T, R> implements ResultCallback<T>, Subscription {
    private final Function<T, Iterable<R>> convert;
    private final Consumer<R> consumer;
    private final Function<RuntimeException, RuntimeException> wrapError;
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<Closeable> stream = new AtomicReference<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Supplier<Iterable<R>> tail;
    private final Runnable onEnd;

    /**
     * @param convert turns one docker-java item into what the consumer receives (possibly nothing)
     * @param consumer receives items until the stream ends or is closed
     * @param wrapError turns a stream failure into the exception {@link #findFailure()} reports
     * @param tail items still buffered when the stream ends normally (not delivered after close)
     * @param onEnd runs once when the stream ends, however it ends
     */
    CallbackSubscription(Function<T, Iterable<R>> convert, Consumer<R> consumer,
                         Function<RuntimeException, RuntimeException> wrapError, Supplier<Iterable<R>> tail,
                         Runnable onEnd) {
        this.convert = convert;
        this.consumer = consumer;
        this.wrapError = wrapError;
        this.tail = tail;
        this.onEnd = onEnd;
    }

    @Override
    public void onStart(Closeable closeable) {
        stream.set(closeable);
        if (closed.get()) {
            closeQuietly(closeable);
        }
    }

    @Override
    public void onNext(T item) {
        if (closed.get()) {
            return;
        }
        for (R r : convert.apply(item)) {
            if (closed.get()) {
                return;
            }
            consumer.accept(r);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        if (!closed.get()) {
            RuntimeException re = throwable instanceof RuntimeException
                    ? (RuntimeException) throwable : new RuntimeException(throwable);
            failure.compareAndSet(null, wrapError.apply(re));
        }
        finish();
    }

    @Override
    public void onComplete() {
        for (R r : tail.get()) {
            if (closed.get()) {
                break;
            }
            consumer.accept(r);
        }
        finish();
    }

    private void finish() {
        if (done.getCount() > 0) {
            done.countDown();
            onEnd.run();
        }
    }

    @Override
    public boolean isActive() {
        return done.getCount() > 0 && !closed.get();
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Optional<RuntimeException> findFailure() {
        return Optional.ofNullable(failure.get());
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Closeable c = stream.get();
            if (c != null) {
                closeQuietly(c);
            }
            finish();
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // the stream is being abandoned; a failure to close it changes nothing for the caller
        }
    }
}
