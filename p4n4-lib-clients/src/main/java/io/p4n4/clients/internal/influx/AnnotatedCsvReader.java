package io.p4n4.clients.internal.influx;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.ServiceException;
import io.p4n4.api.clients.influx.FluxColumn;
import io.p4n4.api.clients.influx.FluxRecord;
import io.p4n4.api.clients.influx.FluxRecordHandler;
import io.p4n4.clients.internal.http.CallContext;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the annotated CSV of a Flux query ({@code /api/v2/query}) into typed {@link FluxRecord}s,
 * one row at a time. Handles the {@code #datatype}, {@code #group} and {@code #default}
 * annotations, several tables with the same or different schemas (a new schema starts after an
 * empty line with fresh annotations), and the error table Flux sends in place of results
 * ({@code ,error,reference}), which becomes a VALIDATION {@link ServiceException}. Not thread-safe.
 */
public final class AnnotatedCsvReader {
    private final CsvRowReader rows;
    private final CallContext context;
    private List<String> datatypes;
    private List<String> groups;
    private List<String> defaults;
    private List<FluxColumn> columns;
    private boolean annotationColumn;
    private int tableColumn = -1;
    private boolean errorTable;

    /**
     * Reads from {@code in}; {@code context} names the call in error messages.
     */
    public AnnotatedCsvReader(Reader in, CallContext context) {
        this.rows = new CsvRowReader(in);
        this.context = context;
    }

    /**
     * Reads every record and hands it to {@code handler}.
     *
     * @return {@code true} when the whole response was read, {@code false} when the handler stopped
     * @throws IOException when the stream breaks
     * @throws ServiceException VALIDATION for a Flux error table, NETWORK for a malformed response
     */
    public boolean read(FluxRecordHandler handler) throws IOException {
        List<String> row;
        while ((row = rows.next()) != null) {
            if (row.isEmpty() || (row.size() == 1 && row.get(0).isEmpty())) {
                resetSchema();
                continue;
            }
            String first = row.get(0);
            if (first.startsWith("#")) {
                if (columns != null) {
                    resetSchema();
                }
                annotation(first, row);
            } else if (columns == null) {
                header(row);
            } else if (errorTable) {
                throw fluxError(row);
            } else if (!handler.onRecord(record(row))) {
                return false;
            }
        }
        return true;
    }

    private void resetSchema() {
        datatypes = null;
        groups = null;
        defaults = null;
        columns = null;
        tableColumn = -1;
        errorTable = false;
    }

    private void annotation(String name, List<String> row) {
        List<String> values = List.copyOf(row.subList(1, row.size()));
        switch (name) {
            case "#datatype" -> datatypes = values;
            case "#group" -> groups = values;
            case "#default" -> defaults = values;
            default -> {
                // other annotations carry nothing we type by
            }
        }
    }

    private void header(List<String> row) {
        // the annotation column is present when annotations were requested; it is empty in data rows
        annotationColumn = datatypes != null || groups != null || defaults != null || row.get(0).isEmpty();
        int offset = annotationColumn ? 1 : 0;
        List<FluxColumn> cols = new ArrayList<>(row.size() - offset);
        for (int i = offset; i < row.size(); i++) {
            int c = i - offset;
            String label = row.get(i);
            String type = at(datatypes, c, "string");
            boolean group = "true".equals(at(groups, c, "false"));
            String def = at(defaults, c, "");
            cols.add(new FluxColumn(c, label, type, group, def.isEmpty() ? null : def));
            if ("table".equals(label)) {
                tableColumn = c;
            }
        }
        columns = List.copyOf(cols);
        errorTable = cols.size() >= 2 && "error".equals(cols.get(0).label())
                && "reference".equals(cols.get(1).label());
    }

    private static String at(List<String> list, int i, String fallback) {
        return list != null && i < list.size() ? list.get(i) : fallback;
    }

    private FluxRecord record(List<String> row) {
        int offset = annotationColumn ? 1 : 0;
        if (row.size() - offset != columns.size()) {
            throw malformed("has " + (row.size() - offset) + " values but the header names " + columns.size()
                    + " columns");
        }
        Object[] values = new Object[columns.size()];
        for (int c = 0; c < values.length; c++) {
            FluxColumn column = columns.get(c);
            try {
                values[c] = FluxValues.parse(row.get(c + offset), column);
            } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
                throw malformed("column '" + column.label() + "' (" + column.dataType() + "): " + e.getMessage());
            }
        }
        int table = 0;
        if (tableColumn >= 0 && values[tableColumn] instanceof Long l) {
            table = (int) (long) l;
        }
        return new FluxRecord(table, columns, values);
    }

    private ServiceException fluxError(List<String> row) {
        int offset = annotationColumn ? 1 : 0;
        String error = row.size() > offset ? row.get(offset) : "";
        String reference = row.size() > offset + 1 ? row.get(offset + 1) : "";
        String message = context.service() + " " + context.method() + " " + context.url() + ": the Flux query failed: "
                + error + (reference.isEmpty() ? "" : " (reference " + reference + ")")
                + ". Fix the query and run it again.";
        return new ServiceException(ErrorCode.VALIDATION, context.service(), context.method(), context.path(), 200,
                error, message, null);
    }

    private ServiceException malformed(String problem) {
        return context.unexpected(200, "annotated CSV line " + rows.line() + " " + problem);
    }
}
