package io.p4n4.clients.internal.influx;

import io.p4n4.api.ServiceException;

/** Sends one batch of line protocol; one call is one attempt (the writer owns retries). */
interface WriteTransport {

    /**
     * Sends the batch.
     *
     * @throws SendFailure when the server did not accept it
     */
    void send(Batch batch) throws SendFailure;

    /** Aborts the request in flight, if any (from another thread). */
    void abort();

    /** Why one attempt failed, and whether another attempt can succeed. */
    final class SendFailure extends Exception {
        private static final long serialVersionUID = 1L;

        /** The mapped error, as users see it. */
        final transient ServiceException error;
        /** Whether a later attempt may succeed (no response, 429, 5xx). */
        final boolean retryable;
        /** The raw {@code Retry-After} header, or {@code null}. */
        final String retryAfter;

        SendFailure(ServiceException error, boolean retryable, String retryAfter) {
            super(error.getMessage(), error, false, false);
            this.error = error;
            this.retryable = retryable;
            this.retryAfter = retryAfter;
        }
    }
}
