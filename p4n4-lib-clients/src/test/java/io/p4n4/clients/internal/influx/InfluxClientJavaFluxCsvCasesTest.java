package io.p4n4.clients.internal.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.ServiceException;
import io.p4n4.api.clients.influx.FluxColumn;
import io.p4n4.api.clients.influx.FluxRecord;
import io.p4n4.clients.internal.http.CallContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the CSV of every case of influxdb-client-java's {@code FluxCsvParserTest} through
 * {@link AnnotatedCsvReader}, with its assertions transcribed as data
 * ({@code conformance/influxdb-client-java/flux-csv-cases.json}). Where this reader deliberately
 * differs, the case says how ({@code difference}) and that behaviour is what is asserted.
 */
class InfluxClientJavaFluxCsvCasesTest {
    private static final CallContext CTX = new CallContext("influxdb", "POST", "/api/v2/query",
            "http://localhost:8086/api/v2/query");

    @TestFactory
    Stream<DynamicTest> fluxCsvParserTestCases() throws IOException {
        JsonNode data;
        try (InputStream in = getClass().getResourceAsStream("/conformance/influxdb-client-java/flux-csv-cases.json")) {
            data = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        data.get("cases").forEach(c -> tests.add(DynamicTest.dynamicTest(c.get("case").asText(), () -> run(c))));
        assertThat(tests).hasSize(26);
        return tests.stream();
    }

    private static void run(JsonNode c) throws IOException {
        String csv = c.get("csv").asText();
        if (c.has("error")) {
            List<FluxRecord> before = new ArrayList<>();
            assertThatThrownBy(() -> new AnnotatedCsvReader(new StringReader(csv), CTX).read(before::add))
                    .isInstanceOfSatisfying(ServiceException.class, e -> {
                        assertThat(e.getMessage()).contains(c.get("error").asText());
                        if (c.has("errorReference")) {
                            assertThat(e.getMessage()).contains("reference " + c.get("errorReference").asText());
                        }
                        if (!c.has("difference")) {
                            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION); // Flux's own error table
                            assertThat(e.serverMessage()).hasValue(c.get("error").asText());
                        }
                    });
            if (c.has("recordsBeforeError")) {
                assertThat(before).hasSize(c.get("recordsBeforeError").asInt());
            }
            if (c.has("without_line")) {
                // the rest of the case, without the refused line, reads as the official client reads it
                List<String> lines = new ArrayList<>(csv.lines().toList());
                lines.remove(c.get("without_line").asInt());
                checkRecords(c, read(String.join("\n", lines) + "\n", Integer.MAX_VALUE));
            }
            return;
        }
        int stopAfter = c.has("stopAfter") ? c.get("stopAfter").asInt() : Integer.MAX_VALUE;
        checkRecords(c, read(csv, stopAfter));
    }

    private static List<FluxRecord> read(String csv, int stopAfter) throws IOException {
        List<FluxRecord> out = new ArrayList<>();
        new AnnotatedCsvReader(new StringReader(csv), CTX).read(r -> {
            out.add(r);
            return out.size() < stopAfter;
        });
        return out;
    }

    private static void checkRecords(JsonNode c, List<FluxRecord> records) {
        assertThat(records).hasSize(c.get("records").asInt());
        if (c.has("columns")) {
            assertThat(records.get(0).columns()).hasSize(c.get("columns").asInt());
        }
        if (c.has("group")) {
            List<Boolean> expected = new ArrayList<>();
            c.get("group").forEach(g -> expected.add(g.asBoolean()));
            // the official client's columns include result and table: compare from the first
            assertThat(records.get(0).columns().stream().map(FluxColumn::group).toList()).isEqualTo(expected);
        }
        if (c.has("groupCount")) {
            assertThat(records.get(0).columns().stream().filter(FluxColumn::group).count())
                    .isEqualTo(c.get("groupCount").asLong());
        }
        if (c.has("tables")) {
            List<Integer> expected = new ArrayList<>();
            c.get("tables").forEach(t -> expected.add(t.asInt()));
            assertThat(records.stream().map(FluxRecord::table).toList()).isEqualTo(expected);
        }
        for (JsonNode t : c.path("recordTables")) {
            assertThat(records.get(t.get(0).asInt()).table()).as("table of record " + t.get(0)).isEqualTo(t.get(1).asInt());
        }
        for (JsonNode v : c.path("values")) {
            FluxRecord r = records.get(v.get(0).asInt());
            String label = v.get(1).asText();
            check(r, label, v.get(2).asText(), v.get(3), r.findValue(label).orElse(null));
        }
        for (JsonNode v : c.path("valueByIndex")) {
            FluxRecord r = records.get(v.get(0).asInt());
            check(r, "#" + v.get(1).asInt(), v.get(2).asText(), v.get(3), r.value(v.get(1).asInt()));
        }
    }

    private static void check(FluxRecord r, String label, String kind, JsonNode expected, Object actual) {
        Object want = switch (kind) {
            case "string" -> expected.asText();
            case "long" -> expected.asLong();
            case "double" -> expected.isTextual() ? Double.parseDouble(expected.asText()) : expected.asDouble();
            case "bool" -> expected.asBoolean();
            case "ulong" -> Long.parseUnsignedLong(expected.asText());
            case "instant" -> Instant.parse(expected.asText());
            case "duration_ns" -> Duration.ofNanos(expected.asLong());
            case "null", "absent" -> null;
            case "table" -> {
                assertThat(r.table()).isEqualTo(expected.asInt());
                yield r.table();
            }
            case "utf8bytes" -> {
                assertThat(actual).isInstanceOf(byte[].class);
                yield actual == null ? null : expected.asText();
            }
            default -> throw new IllegalArgumentException(kind);
        };
        if ("utf8bytes".equals(kind)) {
            actual = new String((byte[]) actual, StandardCharsets.UTF_8);
        }
        if ("table".equals(kind)) {
            actual = r.table();
        }
        if ("absent".equals(kind)) {
            assertThat(r.columns().stream().map(FluxColumn::label).collect(Collectors.toSet())).doesNotContain(label);
        }
        assertThat(actual).as(label).isEqualTo(want);
    }
}
