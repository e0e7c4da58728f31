package io.p4n4.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with a header row and columns padded to their widest cell. Not thread-safe. */
public final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    /** A table with these column headers. */
    public TextTable(String... header) {
        this.columns = header.length;
        rows.add(header);
    }

    /** Adds a row; missing or null cells are empty. */
    public TextTable row(Object... cells) {
        String[] r = new String[columns];
        for (int i = 0; i < columns; i++) {
            r[i] = i < cells.length && cells[i] != null ? cells[i].toString() : "";
        }
        rows.add(r);
        return this;
    }

    /** Prints the header and rows, columns padded. */
    public void print(PrintWriter out) {
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (int n = 0; n < rows.size(); n++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = rows.get(n)[i];
                line.append(cell);
                if (i < columns - 1) {
                    line.append(" ".repeat(width[i] - cell.length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
            if (n == 0) {
                StringBuilder rule = new StringBuilder();
                for (int i = 0; i < columns; i++) {
                    rule.append("-".repeat(width[i])).append(i < columns - 1 ? "  " : "");
                }
                out.println(rule);
            }
        }
        out.flush();
    }
}
