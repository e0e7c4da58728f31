package io.p4n4.api.clients.influx;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The unit of line-protocol timestamps, sent as the {@code precision} query parameter of
 * {@code /api/v2/write}. Use the coarsest precision your data needs: InfluxDB compresses it better.
 * Immutable.
 */
public enum WritePrecision {
    /** Nanoseconds, InfluxDB's default. */
    NS("ns", TimeUnit.NANOSECONDS),
    /** Microseconds. */
    US("us", TimeUnit.MICROSECONDS),
    /** Milliseconds. */
    MS("ms", TimeUnit.MILLISECONDS),
    /** Seconds. */
    S("s", TimeUnit.SECONDS);

    private final String apiValue;
    private final TimeUnit unit;

    WritePrecision(String apiValue, TimeUnit unit) {
        this.apiValue = apiValue;
        this.unit = unit;
    }

    /** Returns the value of the {@code precision} query parameter: {@code ns}, {@code us}, {@code ms} or {@code s}. */
    public String apiValue() {
        return apiValue;
    }

    /** Returns the matching {@link TimeUnit}. */
    public TimeUnit unit() {
        return unit;
    }

    /**
     * Converts an instant to a count of this precision's units since the epoch, rounding towards
     * the past (so {@code 1.9 s} at precision {@code S} is {@code 1}).
     */
    public long fromInstant(Instant instant) {
        long seconds = instant.getEpochSecond();
        int nanos = instant.getNano();
        return switch (this) {
            case S -> seconds;
            case MS -> Math.addExact(Math.multiplyExact(seconds, 1_000L), nanos / 1_000_000);
            case US -> Math.addExact(Math.multiplyExact(seconds, 1_000_000L), nanos / 1_000);
            case NS -> Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
        };
    }

    /**
     * Converts a timestamp given in {@code from} units to this precision, rounding towards the past
     * when this precision is coarser.
     *
     * @throws ArithmeticException when the result does not fit in a {@code long}
     */
    public long convert(long time, WritePrecision from) {
        if (from == this) {
            return time;
        }
        long fromNanosPerUnit = from.unit.toNanos(1);
        long toNanosPerUnit = unit.toNanos(1);
        if (fromNanosPerUnit > toNanosPerUnit) {
            return Math.multiplyExact(time, fromNanosPerUnit / toNanosPerUnit);
        }
        return Math.floorDiv(time, toNanosPerUnit / fromNanosPerUnit);
    }

    /** Parses {@code ns}, {@code us}, {@code ms} or {@code s} (case-insensitive). */
    public static WritePrecision parse(String value) {
        for (WritePrecision p : values()) {
            if (p.apiValue.equalsIgnoreCase(value)) {
                return p;
            }
        }
        throw new P4n4Exception(ErrorCode.USER,
                "unknown write precision '" + value + "': use ns, us, ms or s");
    }
}
