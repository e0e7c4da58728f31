package io.p4n4.clients.internal.influx;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one row at a time from a stream: fields separated by commas, rows by
 * {@code \n} or {@code \r\n}, quoted fields with {@code ""} for a quote and embedded commas and
 * line breaks. Holds one row in memory. Not thread-safe.
 */
final class CsvRowReader {
    private final Reader in;
    private final char[] buf = new char[8192];
    private int pos;
    private int limit;
    private final StringBuilder field = new StringBuilder(64);
    private final List<String> row = new ArrayList<>();
    private long breaks;
    private long rowLine;

    CsvRowReader(Reader in) {
        this.in = in;
    }

    /** Returns the 1-based line number where the last row returned by {@link #next()} started. */
    long line() {
        return rowLine;
    }

    /**
     * Reads the next row; an empty line yields an empty list.
     *
     * @return the row's fields (valid until the next call), or {@code null} at the end of input
     */
    List<String> next() throws IOException {
        row.clear();
        if (!fill()) {
            return null;
        }
        rowLine = breaks + 1;
        field.setLength(0);
        boolean quoted = false;
        boolean any = false;
        while (true) {
            if (pos == limit && !fill()) {
                if (quoted) {
                    throw new IOException("line " + rowLine + ": quoted field is not closed before the end of the response");
                }
                break;
            }
            char c = buf[pos++];
            if (quoted) {
                if (c == '"') {
                    if ((pos < limit || fill()) && buf[pos] == '"') {
                        field.append('"');
                        pos++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        breaks++;
                    }
                    field.append(c);
                }
                continue;
            }
            if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n') {
                breaks++;
                break;
            } else if (c == '\r') {
                if ((pos < limit || fill()) && buf[pos] == '\n') {
                    pos++;
                }
                breaks++;
                break;
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                any = true;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any) {
            row.add(field.toString());
        }
        return row;
    }

    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
