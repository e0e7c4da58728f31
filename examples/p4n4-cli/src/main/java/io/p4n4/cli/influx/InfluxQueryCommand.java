package io.p4n4.cli.influx;

import io.p4n4.api.clients.influx.FluxColumn;
import io.p4n4.api.clients.influx.FluxRecord;
import io.p4n4.api.clients.influx.FluxTable;
import io.p4n4.api.clients.influx.InfluxClient;
import io.p4n4.clients.ClientFactory;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import io.p4n4.cli.output.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code p4n4 influx query FLUX}: runs a Flux query and prints one aligned table per result table. */
@Command(name = "query", description = "Run a Flux query and print its tables.", mixinStandardHelpOptions = true)
public final class InfluxQueryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InfluxOptions options;

    @Option(names = "--raw", description = "Print the annotated CSV exactly as InfluxDB sent it.")
    boolean raw;

    @Parameters(index = "0", paramLabel = "FLUX", description = "The Flux query.")
    String flux;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ClientFactory clients = InfluxOptions.clients(spec); InfluxClient influx = options.client(clients, null)) {
            if (raw) {
                String csv = influx.queryRaw(flux);
                if (InfluxOptions.json(spec)) {
                    Json.printDocument(out, Map.of("annotated_csv", csv));
                } else {
                    out.print(csv);
                    out.flush();
                }
                return 0;
            }
            List<FluxTable> tables = influx.query(flux);
            if (InfluxOptions.json(spec)) {
                printJson(out, tables);
            } else if (tables.isEmpty()) {
                out.println("(no results)");
            } else {
                tables.forEach(t -> printTable(out, t));
            }
            return 0;
        }
    }

    private static void printTable(PrintWriter out, FluxTable table) {
        List<FluxColumn> shown = new ArrayList<>();
        for (FluxColumn c : table.columns()) {
            if (!c.label().equals("result") && !c.label().equals("table")) {
                shown.add(c);
            }
        }
        int[] width = new int[shown.size()];
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            width[i] = shown.get(i).label().length();
        }
        for (FluxRecord r : table.records()) {
            String[] row = new String[shown.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = text(r.value(shown.get(i).index()));
                width[i] = Math.max(width[i], row[i].length());
            }
            rows.add(row);
        }
        out.println("Table " + table.index() + ":");
        String[] header = shown.stream().map(FluxColumn::label).toArray(String[]::new);
        printRow(out, header, width);
        for (String[] row : rows) {
            printRow(out, row, width);
        }
        out.println();
    }

    private static void printRow(PrintWriter out, String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append("  ");
            }
            sb.append(cells[i]);
            if (i < cells.length - 1) {
                sb.append(" ".repeat(width[i] - cells[i].length()));
            }
        }
        out.println(sb);
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        return v.toString();
    }

    // hand-written so Instants and Durations print as text without extra Jackson modules
    private static void printJson(PrintWriter out, List<FluxTable> tables) {
        StringBuilder sb = new StringBuilder("[");
        boolean firstRecord = true;
        for (FluxTable t : tables) {
            for (FluxRecord r : t.records()) {
                sb.append(firstRecord ? "\n  {" : ",\n  {");
                firstRecord = false;
                boolean firstField = true;
                for (FluxColumn c : r.columns()) {
                    Object v = r.value(c.index());
                    sb.append(firstField ? "" : ", ");
                    firstField = false;
                    quote(sb, c.label()).append(": ");
                    if (v == null) {
                        sb.append("null");
                    } else if (v instanceof Number || v instanceof Boolean) {
                        String s = v.toString();
                        if (s.equals("NaN") || s.contains("Infinity")) {
                            quote(sb, s);
                        } else {
                            sb.append(s);
                        }
                    } else {
                        quote(sb, text(v));
                    }
                }
                sb.append('}');
            }
        }
        sb.append(firstRecord ? "]" : "\n]");
        out.println(sb);
    }

    private static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }
}
