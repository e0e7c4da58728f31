package io.p4n4.api.clients.influx;

import io.p4n4.api.clients.Cancellation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A client for one InfluxDB 2 server: health, writes (blocking, or batched through a
 * {@link WriteApi}), Flux queries streamed from annotated CSV, and buckets. Calls go to the
 * configured organization and default bucket unless told otherwise; the token is sent as
 * {@code Authorization: Token ...} and never appears in messages or {@code toString()}.
 *
 * <p>Errors are {@link io.p4n4.api.ServiceException}s: NETWORK when the server is unreachable or
 * answers 5xx after retries, USER for 401/403/404, VALIDATION for 400/422 and Flux errors, each with
 * InfluxDB's own {@code message}. Immutable and thread-safe; {@link #close()} stops the writers it
 * created and is idempotent.
 */
public interface InfluxClient extends AutoCloseable {

    /** Returns {@code GET /health}: up or not, and the version. Never requires a token. */
    InfluxHealth health();

    /** Returns {@code GET /ready}. */
    InfluxReady ready();

    /**
     * Writes lines of line protocol exactly as given to the default bucket, nanosecond precision,
     * in one request. Retries only when the connection was refused.
     */
    void writeRecords(List<String> lines);

    /** Writes lines of line protocol exactly as given to {@code bucket} with {@code precision}. */
    void writeRecords(String bucket, WritePrecision precision, List<String> lines);

    /** Writes points to the default bucket, nanosecond precision, in one request. */
    void writePoints(List<Point> points);

    /**
     * Writes points to {@code bucket}, their times converted to {@code precision}, in one request.
     * A point that cannot be written (its time does not fit the precision) does not stop the others:
     * they are sent, then a VALIDATION {@link io.p4n4.api.P4n4Exception} names the refused point.
     */
    void writePoints(String bucket, WritePrecision precision, List<Point> points);

    /** Starts a batching writer; close it (or the client) to flush. */
    WriteApi newWriteApi(WriteOptions options);

    /** Runs a Flux query and collects every table. For large results use {@link #query(String, FluxRecordHandler)}. */
    List<FluxTable> query(String flux);

    /**
     * Runs a Flux query and streams its records to {@code handler} as they arrive.
     *
     * @return {@code true} when every record was delivered, {@code false} when the handler stopped
     */
    boolean query(String flux, FluxRecordHandler handler);

    /**
     * Like {@link #query(String, FluxRecordHandler)}, cancellable from another thread: cancelling
     * closes the connection and the call ends with a {@link java.util.concurrent.CancellationException}.
     */
    boolean query(String flux, Cancellation cancellation, FluxRecordHandler handler);

    /** Runs a Flux query and returns the annotated CSV as sent. */
    String queryRaw(String flux);

    /** Lists the buckets of the organization. */
    List<Bucket> listBuckets();

    /** Finds a bucket of the organization by name. */
    Optional<Bucket> findBucket(String name);

    /**
     * Creates a bucket in the organization.
     *
     * @param retention how long to keep data; {@link Duration#ZERO} keeps it forever
     * @throws io.p4n4.api.ServiceException VALIDATION (422) when it exists already
     */
    Bucket createBucket(String name, Duration retention);

    /** Returns the ID of the organization, looked up once by name through {@code /api/v2/orgs}. */
    String orgId();

    /** Returns the organization name the client works in. */
    String org();

    /** Returns the default bucket. */
    Optional<String> defaultBucket();

    /** Flushes and closes every {@link WriteApi} this client created. Idempotent. */
    @Override
    void close();
}
