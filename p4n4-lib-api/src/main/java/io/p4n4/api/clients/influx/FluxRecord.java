package io.p4n4.api.clients.influx;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One row of a Flux result with typed values: {@code long} columns as {@link Long},
 * {@code unsignedLong} as {@link Long} holding the unsigned bits, {@code double} as {@link Double}
 * (including {@code NaN} and infinities), {@code boolean} as {@link Boolean}, {@code string} as
 * {@link String}, {@code dateTime:*} as {@link Instant}, {@code duration} as
 * {@link java.time.Duration} and {@code base64Binary} as {@code byte[]}. Empty cells without a
 * default are {@code null}. Immutable and thread-safe (the byte arrays are not copied: do not
 * modify them).
 */
public final class FluxRecord {
    private final int table;
    private final List<FluxColumn> columns;
    private final @Nullable Object[] values;

    /**
     * Creates a record.
     *
     * @param table the value of the {@code table} column: which table of the result it belongs to
     * @param columns the table's columns
     * @param values one value per column, in column order ({@code null} for an empty cell)
     */
    public FluxRecord(int table, List<FluxColumn> columns, @Nullable Object[] values) {
        if (columns.size() != values.length) {
            throw new IllegalArgumentException(columns.size() + " columns but " + values.length + " values");
        }
        this.table = table;
        this.columns = List.copyOf(columns);
        this.values = values.clone();
    }

    /** Returns the index of the table this record belongs to. */
    public int table() {
        return table;
    }

    /** Returns the columns of this record's table. */
    public List<FluxColumn> columns() {
        return columns;
    }

    /** Returns the value of the column, if the record has that column and it is not empty. */
    public Optional<Object> findValue(String label) {
        for (FluxColumn c : columns) {
            if (c.label().equals(label)) {
                return Optional.ofNullable(values[c.index()]);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the value of the column (possibly {@code null} for an empty cell).
     *
     * @throws P4n4Exception USER when the table has no such column
     */
    public @Nullable Object value(String label) {
        for (FluxColumn c : columns) {
            if (c.label().equals(label)) {
                return values[c.index()];
            }
        }
        throw new P4n4Exception(ErrorCode.USER, "the Flux result has no column '" + label + "'; columns are "
                + columns.stream().map(FluxColumn::label).toList());
    }

    /** Returns the value of column {@code index} (possibly {@code null} for an empty cell). */
    public @Nullable Object value(int index) {
        return values[index];
    }

    /** Returns the {@code _value} column (possibly {@code null} for an empty cell). */
    public @Nullable Object value() {
        return value("_value");
    }

    /** Returns the {@code _time} column ({@code null} for an empty cell). */
    public @Nullable Instant time() {
        return (Instant) value("_time");
    }

    /** Returns the {@code _field} column ({@code null} for an empty cell). */
    public @Nullable String field() {
        return (String) value("_field");
    }

    /** Returns the {@code _measurement} column ({@code null} for an empty cell). */
    public @Nullable String measurement() {
        return (String) value("_measurement");
    }

    /** Returns every column label with its value, in column order. */
    public Map<String, @Nullable Object> values() {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        for (FluxColumn c : columns) {
            m.put(c.label(), values[c.index()]);
        }
        return Collections.unmodifiableMap(m);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof FluxRecord r && table == r.table && columns.equals(r.columns)
                && Arrays.deepEquals(values, r.values);
    }

    @Override
    public int hashCode() {
        return 31 * table + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "FluxRecord[table=" + table + ", " + values() + "]";
    }
}
