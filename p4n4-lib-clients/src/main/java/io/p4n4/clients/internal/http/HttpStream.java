package io.p4n4.clients.internal.http;

import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A streamed response read one item at a time. Must be closed: {@code close()} before the end
 * closes the connection, {@link #cancel()} does so from another thread and makes a blocked
 * {@link #next()} end with a {@link java.util.concurrent.CancellationException}. Reading is not
 * thread-safe; {@code cancel()} is.
 *
 * @param <T> the item type
 */
public final class HttpStream<T> implements AutoCloseable {
    private final OpenResponse response;
    private final ItemReader<T> reader;
    private boolean ended;

    HttpStream(OpenResponse response, ItemReader<T> reader) {
        this.response = response;
        this.reader = reader;
    }

    /**
     * Returns the next item, or {@code null} at the end of the body.
     *
     * @throws io.p4n4.api.ServiceException NETWORK when the connection breaks or an item is malformed
     * @throws java.util.concurrent.CancellationException when the stream was cancelled
     */
    public T next() {
        if (ended) {
            return null;
        }
        if (response.isCancelled()) {
            close();
            throw response.cancelledException(null);
        }
        try {
            T item = reader.next(response.body());
            if (item == null) {
                ended = true;
                response.complete();
            }
            return item;
        } catch (IOException | IllegalStateException e) {
            // decide before close(): closing early cancels the call, which would read as a cancellation
            RuntimeException failure = e instanceof IOException io ? response.failure(io)
                    : response.cancelledException(e);
            close();
            throw failure;
        }
    }

    /** Returns the context of the call, for messages about its content. */
    public CallContext context() {
        return response.context();
    }

    /**
     * Returns the remaining items as a sequential Stream mapped by {@code mapper}; closing the
     * Stream closes this.
     */
    public <R> Stream<R> stream(Function<? super T, ? extends R> mapper) {
        Iterator<R> it = new Iterator<>() {
            private T nextItem;

            @Override
            public boolean hasNext() {
                if (nextItem == null) {
                    nextItem = HttpStream.this.next();
                }
                return nextItem != null;
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                T item = nextItem;
                nextItem = null;
                return mapper.apply(item);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(this::close);
    }

    /** Closes the connection from any thread; a blocked read ends with a cancellation. */
    public void cancel() {
        response.cancel();
    }

    @Override
    public void close() {
        response.close();
    }
}
