package io.p4n4.cli.influx;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.influx.InfluxClient;
import io.p4n4.api.clients.influx.WritePrecision;
import io.p4n4.clients.ClientFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/** {@code p4n4 influx write [--bucket B] [--precision P] LINE...}: writes line protocol exactly as given. */
@Command(name = "write", mixinStandardHelpOptions = true,
        description = {"Write lines of line protocol, exactly as given, in one request.",
            "A LINE of '-' reads lines from standard input."})
public final class InfluxWriteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InfluxOptions options;

    @Option(names = {"-b", "--bucket"}, paramLabel = "B",
            description = "Bucket (default: INFLUXDB_BUCKET from the project's .env).")
    String bucket;

    @Option(names = {"-p", "--precision"}, paramLabel = "P", defaultValue = "ns",
            description = "Timestamp precision of the lines: ns, us, ms or s (default: ${DEFAULT-VALUE}).")
    String precision;

    @Parameters(arity = "1..*", paramLabel = "LINE", description = "Lines of line protocol.")
    List<String> lines;

    @Override
    public Integer call() {
        WritePrecision p = WritePrecision.parse(precision);
        List<String> toWrite = expandStdin(lines);
        try (ClientFactory clients = InfluxOptions.clients(spec); InfluxClient influx = options.client(clients, bucket)) {
            String target = influx.defaultBucket().orElseThrow(() -> new P4n4Exception(ErrorCode.USER,
                    "no bucket: pass --bucket or set INFLUXDB_BUCKET in the project's .env"));
            influx.writeRecords(target, p, toWrite);
            if (!InfluxOptions.json(spec)) {
                spec.commandLine().getOut().println("wrote " + toWrite.size() + " line" + (toWrite.size() == 1 ? "" : "s")
                        + " to bucket " + target);
            } else {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("bucket", target);
                m.put("lines", toWrite.size());
                Json.printDocument(spec.commandLine().getOut(), m);
            }
            return 0;
        }
    }

    private static List<String> expandStdin(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            if (!"-".equals(a)) {
                out.add(a);
                continue;
            }
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String line; (line = in.readLine()) != null;) {
                    if (!line.isBlank()) {
                        out.add(line);
                    }
                }
            } catch (IOException e) {
                throw new P4n4Exception(ErrorCode.GENERAL, "cannot read lines from standard input: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
