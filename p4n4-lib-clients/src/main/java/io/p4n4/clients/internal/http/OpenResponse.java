package io.p4n4.clients.internal.http;

import io.p4n4.api.ServiceException;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * A successful response whose body is still to be read. Closing it after {@link #complete()} returns
 * the connection to the pool; closing it earlier cancels the call, which closes the connection (a
 * half-read HTTP/1.1 body cannot be reused). {@code close()} is idempotent.
 * Not thread-safe, except {@link #cancel()} which may be called from any thread.
 */
public final class OpenResponse implements AutoCloseable {
    private final Call call;
    private final Response response;
    private final CallContext context;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean complete;

    OpenResponse(Call call, Response response, CallContext context) {
        this.call = call;
        this.response = response;
        this.context = context;
    }

    /** Returns the HTTP status. */
    public int status() {
        return response.code();
    }

    /** Returns a response header, or {@code null}. */
    public String header(String name) {
        return response.header(name);
    }

    /** Returns the body to read. */
    public BufferedSource body() {
        return response.body().source();
    }

    /** Returns the call's context, for messages. */
    public CallContext context() {
        return context;
    }

    /**
     * Maps an I/O failure while reading the body: cancellation when the call was cancelled,
     * otherwise a NETWORK {@link ServiceException} (broken connection or malformed JSON).
     */
    public RuntimeException failure(IOException e) {
        if (call.isCanceled()) {
            return cancelledException(e);
        }
        return context.badBody(status(), e);
    }

    CancellationException cancelledException(Exception cause) {
        return HttpService.cancelled(context, cause);
    }

    boolean isCancelled() {
        return call.isCanceled();
    }

    /**
     * Says the body was read to its end, so {@link #close()} may return the connection to the pool
     * instead of closing it.
     */
    public void complete() {
        complete = true;
    }

    /** Cancels the call from any thread: the connection is closed and a blocked read fails. */
    public void cancel() {
        call.cancel();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // a half-read body would block or poison a pooled connection: drop the connection instead
        if (!complete) {
            call.cancel();
        }
        response.close();
    }
}
