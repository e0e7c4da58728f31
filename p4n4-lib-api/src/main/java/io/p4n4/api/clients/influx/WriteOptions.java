package io.p4n4.api.clients.influx;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link WriteApi} batches, buffers and retries. Defaults: batches of 1000 points flushed at
 * least every second, a buffer of 10 000 points that blocks writers for up to 30 s when full, 5
 * attempts per batch (1 s, 2 s, 4 s, 8 s apart, at most 30 s each, 20 % jitter, {@code Retry-After}
 * honoured) within 3 minutes, no gzip, nanosecond precision, the client's bucket and organization.
 * Immutable and thread-safe; make one with {@link #builder()}.
 */
public final class WriteOptions {
    private final @Nullable String bucket;
    private final @Nullable String org;
    private final WritePrecision precision;
    private final int batchSize;
    private final Duration flushInterval;
    private final int bufferLimit;
    private final OverflowPolicy overflowPolicy;
    private final Duration blockTimeout;
    private final RetryPolicy retryPolicy;
    private final Duration maxRetryTime;
    private final Duration closeTimeout;
    private final boolean gzip;
    private final WriteListener listener;

    private WriteOptions(Builder b) {
        this.bucket = b.bucket;
        this.org = b.org;
        this.precision = b.precision;
        this.batchSize = b.batchSize;
        this.flushInterval = b.flushInterval;
        this.bufferLimit = b.bufferLimit;
        this.overflowPolicy = b.overflowPolicy;
        this.blockTimeout = b.blockTimeout;
        this.retryPolicy = b.retryPolicy;
        this.maxRetryTime = b.maxRetryTime;
        this.closeTimeout = b.closeTimeout;
        this.gzip = b.gzip;
        this.listener = b.listener;
    }

    /** Returns the defaults. */
    public static WriteOptions defaults() {
        return builder().build();
    }

    /** Starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.bucket = bucket;
        b.org = org;
        b.precision = precision;
        b.batchSize = batchSize;
        b.flushInterval = flushInterval;
        b.bufferLimit = bufferLimit;
        b.overflowPolicy = overflowPolicy;
        b.blockTimeout = blockTimeout;
        b.retryPolicy = retryPolicy;
        b.maxRetryTime = maxRetryTime;
        b.closeTimeout = closeTimeout;
        b.gzip = gzip;
        b.listener = listener;
        return b;
    }

    /** Returns the bucket to write to, when not the client's default. */
    public Optional<String> bucket() {
        return Optional.ofNullable(bucket);
    }

    /** Returns the organization (name) to write to, when not the client's default. */
    public Optional<String> org() {
        return Optional.ofNullable(org);
    }

    /** Returns the timestamp precision of every batch; point times are converted to it. */
    public WritePrecision precision() {
        return precision;
    }

    /** Returns the number of points per request. */
    public int batchSize() {
        return batchSize;
    }

    /** Returns the longest time a point waits before its batch is sent, full or not. */
    public Duration flushInterval() {
        return flushInterval;
    }

    /** Returns the most points held (buffered, queued and in flight) before the overflow policy applies. */
    public int bufferLimit() {
        return bufferLimit;
    }

    /** Returns what happens when the buffer is full. */
    public OverflowPolicy overflowPolicy() {
        return overflowPolicy;
    }

    /** Returns how long a writer waits for room under {@link OverflowPolicy#BLOCK}. */
    public Duration blockTimeout() {
        return blockTimeout;
    }

    /** Returns the attempts and delays per batch. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** Returns the longest time spent retrying one batch before it is dropped. */
    public Duration maxRetryTime() {
        return maxRetryTime;
    }

    /** Returns how long {@code close()} waits for buffered points to be written. */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /** Returns whether request bodies are gzip-compressed ({@code Content-Encoding: gzip}). */
    public boolean gzip() {
        return gzip;
    }

    /** Returns the listener told about writes, retries and drops. */
    public WriteListener listener() {
        return listener;
    }

    @Override
    public String toString() {
        return "WriteOptions[bucket=" + bucket + ", org=" + org + ", precision=" + precision + ", batchSize="
                + batchSize + ", flushInterval=" + flushInterval + ", bufferLimit=" + bufferLimit + ", overflow="
                + overflowPolicy + ", blockTimeout=" + blockTimeout + ", retry=" + retryPolicy + ", maxRetryTime="
                + maxRetryTime + ", closeTimeout=" + closeTimeout + ", gzip=" + gzip + "]";
    }

    /** Builds {@link WriteOptions}; every setter validates at once (USER error). Not thread-safe. */
    public static final class Builder {
        private @Nullable String bucket;
        private @Nullable String org;
        private WritePrecision precision = WritePrecision.NS;
        private int batchSize = 1000;
        private Duration flushInterval = Duration.ofSeconds(1);
        private int bufferLimit = 10_000;
        private OverflowPolicy overflowPolicy = OverflowPolicy.BLOCK;
        private Duration blockTimeout = Duration.ofSeconds(30);
        private RetryPolicy retryPolicy = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0, 0.2);
        private Duration maxRetryTime = Duration.ofMinutes(3);
        private Duration closeTimeout = Duration.ofSeconds(30);
        private boolean gzip;
        private WriteListener listener = WriteListener.none();

        private Builder() {
        }

        /** Writes to this bucket instead of the client's default. */
        public Builder bucket(String value) {
            this.bucket = requireText(value, "bucket");
            return this;
        }

        /** Writes to this organization (name) instead of the client's default. */
        public Builder org(String value) {
            this.org = requireText(value, "org");
            return this;
        }

        /** Sets the timestamp precision (default {@link WritePrecision#NS}). */
        public Builder precision(WritePrecision value) {
            this.precision = Objects.requireNonNull(value, "precision");
            return this;
        }

        /** Sets the points per request (default 1000). */
        public Builder batchSize(int value) {
            this.batchSize = positive(value, "batchSize");
            return this;
        }

        /** Sets the longest wait before a partial batch is sent (default 1 s). */
        public Builder flushInterval(Duration value) {
            this.flushInterval = positive(value, "flushInterval");
            return this;
        }

        /** Sets the most points held before the overflow policy applies (default 10 000). */
        public Builder bufferLimit(int value) {
            this.bufferLimit = positive(value, "bufferLimit");
            return this;
        }

        /** Sets what happens when the buffer is full (default {@link OverflowPolicy#BLOCK}). */
        public Builder overflowPolicy(OverflowPolicy value) {
            this.overflowPolicy = Objects.requireNonNull(value, "overflowPolicy");
            return this;
        }

        /** Sets how long writers wait for room under {@link OverflowPolicy#BLOCK} (default 30 s). */
        public Builder blockTimeout(Duration value) {
            this.blockTimeout = nonNegative(value, "blockTimeout");
            return this;
        }

        /** Sets attempts and delays per batch. */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        /** Sets the longest time spent retrying one batch (default 3 min). */
        public Builder maxRetryTime(Duration value) {
            this.maxRetryTime = nonNegative(value, "maxRetryTime");
            return this;
        }

        /** Sets how long {@code close()} waits for the buffer to drain (default 30 s). */
        public Builder closeTimeout(Duration value) {
            this.closeTimeout = nonNegative(value, "closeTimeout");
            return this;
        }

        /** Compresses request bodies with gzip (default off: it costs CPU, saves bandwidth). */
        public Builder gzip(boolean value) {
            this.gzip = value;
            return this;
        }

        /** Sets the listener told about writes, retries and drops. */
        public Builder listener(WriteListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * Builds the options.
         *
         * @throws P4n4Exception USER when {@code bufferLimit < batchSize}
         */
        public WriteOptions build() {
            if (bufferLimit < batchSize) {
                throw new P4n4Exception(ErrorCode.USER, "write options: bufferLimit (" + bufferLimit
                        + ") must be at least batchSize (" + batchSize + ")");
            }
            return new WriteOptions(this);
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new P4n4Exception(ErrorCode.USER, "write options: " + name + " must not be empty");
            }
            return value;
        }

        private static int positive(int value, String name) {
            if (value <= 0) {
                throw new P4n4Exception(ErrorCode.USER, "write options: " + name + " must be positive, got " + value);
            }
            return value;
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new P4n4Exception(ErrorCode.USER, "write options: " + name + " must be positive, got " + value);
            }
            return value;
        }

        private static Duration nonNegative(Duration value, String name) {
            if (value == null || value.isNegative()) {
                throw new P4n4Exception(ErrorCode.USER, "write options: " + name + " must not be negative, got "
                        + value);
            }
            return value;
        }
    }
}
