package io.p4n4.api.clients.influx;

import java.util.List;

/**
 * One table of a Flux result: its columns and its records. Immutable.
 *
 * @param index the table's value of the {@code table} column
 * @param columns the columns, in order
 * @param records the rows, in the order the server sent them
 */
public record FluxTable(int index, List<FluxColumn> columns, List<FluxRecord> records) {

    /** Copies the lists. */
    public FluxTable {
        columns = List.copyOf(columns);
        records = List.copyOf(records);
    }

    /** Returns the columns that form the group key ({@code #group} true). */
    public List<FluxColumn> groupKey() {
        return columns.stream().filter(FluxColumn::group).toList();
    }
}
