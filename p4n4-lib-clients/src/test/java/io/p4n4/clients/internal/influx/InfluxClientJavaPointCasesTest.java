package io.p4n4.clients.internal.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.influx.Point;
import io.p4n4.api.clients.influx.WritePrecision;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the cases of influxdb-client-java's {@code PointTest}, transcribed as data
 * ({@code conformance/influxdb-client-java/point-cases.json}): each point is built and encoded and
 * must give the official client's line, or be a documented difference ({@code difference}: the
 * same point by the line-protocol reference's reading; {@code refused}: VALIDATION where the
 * official client drops input silently or writes a line InfluxDB cannot take).
 */
class InfluxClientJavaPointCasesTest {

    @TestFactory
    Stream<DynamicTest> pointTestCases() throws IOException {
        JsonNode data;
        try (InputStream in = getClass().getResourceAsStream("/conformance/influxdb-client-java/point-cases.json")) {
            data = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        data.get("cases").forEach(c -> tests.add(DynamicTest.dynamicTest(c.get("case").asText(), () -> run(c))));
        assertThat(tests).hasSize(27);
        return tests.stream();
    }

    private static void run(JsonNode c) {
        WritePrecision precision = c.has("precision") ? WritePrecision.parse(c.get("precision").asText())
                : WritePrecision.NS;
        if (c.has("refused")) {
            assertThatThrownBy(() -> LineProtocolEncoder.encode(build(c), precision))
                    .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION));
            return;
        }
        String ours = LineProtocolEncoder.encode(build(c), precision);
        String official = c.get("expected").asText();
        if (c.has("difference")) {
            assertThat(ours).isNotEqualTo(official);
            assertThat(fieldsSorted(ours)).isEqualTo(fieldsSorted(official));
        } else {
            assertThat(ours).isEqualTo(official);
        }
    }

    private static Point build(JsonNode c) {
        JsonNode m = c.get("measurement");
        Point.Builder b = Point.builder(m.isNull() ? null : m.asText());
        for (JsonNode t : c.get("tags")) {
            b.tag(t.get(0).asText(), t.get(1).isNull() ? null : t.get(1).asText());
        }
        for (JsonNode f : c.get("fields")) {
            String key = f.get(0).asText();
            JsonNode v = f.get(2);
            switch (f.get(1).asText()) {
                case "int" -> b.field(key, v.asLong());
                case "float" -> b.field(key, v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble());
                case "bool" -> b.field(key, v.asBoolean());
                case "string" -> b.field(key, v.isNull() ? null : v.asText());
                default -> throw new IllegalArgumentException(f.toString());
            }
        }
        if (c.has("time")) {
            b.time(c.get("time").get(0).asLong(), WritePrecision.parse(c.get("time").get(1).asText()));
        }
        if (c.has("instant")) {
            b.time(Instant.parse(c.get("instant").get(0).asText()),
                    WritePrecision.parse(c.get("instant").get(1).asText()));
        }
        return b.build();
    }

    /** The point as the line-protocol reference reads the line, its fields ordered by key. */
    private static CorpusPoint fieldsSorted(String line) {
        CorpusPoint p = ReferenceLineDecoder.decode(line, 1, 0).get(0).point();
        List<CorpusPoint.Field> fields = new ArrayList<>(p.fields());
        fields.sort(Comparator.comparing(CorpusPoint.Field::key));
        return new CorpusPoint(p.name(), p.tags(), fields, p.time());
    }
}
