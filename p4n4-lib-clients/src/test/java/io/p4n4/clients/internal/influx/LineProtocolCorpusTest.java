package io.p4n4.clients.internal.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.influx.Point;
import io.p4n4.api.clients.influx.WritePrecision;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the official line-protocol corpus ({@code influxdata/line-protocol},
 * {@code lineprotocol/testdata/corpus.json}; see {@code conformance/line-protocol/README.md}) as
 * data, both halves:
 * <ul>
 * <li>encode: every point is built and encoded; the line must equal the reference line, or differ
 * only in how a float is spelled (InfluxDB reads both), and decode back to the point;</li>
 * <li>decode, backwards: every decoded point is built and encoded, and our line must decode back
 * to the same point by the reference's rules (the oracle {@link ReferenceLineDecoder});</li>
 * <li>decode, as the oracle's own check: the oracle reproduces every result and refuses every
 * error case of the half, so it is the reference's reader and not one that accepts anything.</li>
 * </ul>
 * Deliberate differences are listed in {@link #DELIBERATE} and tested for what this library does.
 */
class LineProtocolCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode corpus;

    /** Corpus cases where this library deliberately differs from the reference, and why. */
    private static final Map<String, String> DELIBERATE = Map.of(
            "72fe529da6084a44692fe27cc2f105d1",
            "an empty tag value is omitted from the point (documented on Point.Builder#tag), not refused",
            "65a52922c8cba2673eff7194628cc1e0",
            "a line break in a string field is written as it is, not as \\n: InfluxDB's own parser"
                    + " (models/points.go unescapeStringField) undoes only \\\\ and \\\" and would store \\n as two"
                    + " characters; the reference decoder reads both spellings as the same value");

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = LineProtocolCorpusTest.class.getResourceAsStream("/conformance/line-protocol/corpus.json")) {
            corpus = JSON.readTree(in);
        }
    }

    @TestFactory
    Stream<DynamicTest> encodeHalf() {
        List<DynamicTest> tests = new ArrayList<>();
        corpus.get("encode").properties().forEach(e -> tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
            JsonNode input = e.getValue().get("input");
            JsonNode output = e.getValue().get("output");
            assertThat(input.get("precision").asText()).isEqualTo("1ns");
            CorpusPoint point = CorpusPoint.of(input.get("point"));
            if (DELIBERATE.containsKey(e.getKey())) {
                return; // tested for its own behaviour below
            }
            if (output.hasNonNull("error") && !output.get("error").asText().isEmpty()) {
                assertThatThrownBy(point::toPoint).isInstanceOf(P4n4Exception.class);
                return;
            }
            String ours = LineProtocolEncoder.encode(point.toPoint(), WritePrecision.NS);
            String reference = output.get("result").asText();
            List<ReferenceLineDecoder.Decoded> back = ReferenceLineDecoder.decode(ours, 1, 0);
            assertThat(back).extracting(ReferenceLineDecoder.Decoded::point).containsExactly(point);
            if (!ours.equals(reference)) {
                // only a float's spelling may differ, e.g. 1.7976931348623157E308 for 1.7976931348623157e+308
                assertThat(back.get(0).floatsMasked())
                        .isEqualTo(ReferenceLineDecoder.decode(reference, 1, 0).get(0).floatsMasked());
            }
        })));
        return tests.stream();
    }

    @Test
    void anEmptyTagValueIsOmittedWhereTheReferenceRefusesThePoint() {
        JsonNode c = corpus.get("encode").get("72fe529da6084a44692fe27cc2f105d1");
        assertThat(c.get("output").get("error").asText()).contains("invalid tag value");
        Point p = CorpusPoint.of(c.get("input").get("point")).toPoint();
        assertThat(p.tags()).isEmpty();
        assertThat(LineProtocolEncoder.encode(p, WritePrecision.NS)).isEqualTo("cpu value=42 0");
    }

    @Test
    void aLineBreakInAStringFieldIsWrittenAsItIsAndStillReadsBackAsTheReferencePoint() {
        JsonNode c = corpus.get("encode").get("65a52922c8cba2673eff7194628cc1e0");
        assertThat(c.get("output").get("result").asText()).contains("str=\"foo\\nbar\"");
        CorpusPoint point = CorpusPoint.of(c.get("input").get("point"));
        String ours = LineProtocolEncoder.encode(point.toPoint(), WritePrecision.NS);
        assertThat(ours).isEqualTo("cpu,host=serverA,region=us-east str=\"foo\nbar\",value=1 1000000000");
        assertThat(ReferenceLineDecoder.decode(ours, 1, 0)).extracting(ReferenceLineDecoder.Decoded::point)
                .containsExactly(point);
    }

    @TestFactory
    Stream<DynamicTest> decodeHalfBackwards() {
        List<DynamicTest> tests = new ArrayList<>();
        corpus.get("decode").properties().forEach(e -> {
            JsonNode result = e.getValue().get("output").get("result");
            if (result == null) {
                return;
            }
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
                for (JsonNode n : result) {
                    CorpusPoint point = CorpusPoint.of(n);
                    String ours = LineProtocolEncoder.encode(point.toPoint(), WritePrecision.NS);
                    assertThat(ReferenceLineDecoder.decode(ours, 1, 0))
                            .extracting(ReferenceLineDecoder.Decoded::point).as(ours).containsExactly(point);
                }
            }));
        });
        assertThat(tests).hasSizeGreaterThan(300);
        return tests.stream();
    }

    @Test
    void theOracleReadsTheDecodeHalfAsTheReferenceDoes() {
        List<String> disagreements = new ArrayList<>();
        int results = 0;
        int errors = 0;
        for (Map.Entry<String, JsonNode> e : corpus.get("decode").properties()) {
            JsonNode input = e.getValue().get("input");
            JsonNode output = e.getValue().get("output");
            String text;
            try {
                text = text(input.get("text"));
            } catch (CharacterCodingException notUtf8) {
                // the reference refuses invalid UTF-8 in names, keys and values
                if (output.has("result")) {
                    disagreements.add(e.getKey() + ": not UTF-8 but decoded by the reference");
                }
                errors++;
                continue;
            }
            long precision = precisionNanos(input.get("precision").asText());
            long defaultTime = input.get("defaultTime").asLong();
            if (output.has("result")) {
                results++;
                List<CorpusPoint> expected = new ArrayList<>();
                output.get("result").forEach(n -> expected.add(CorpusPoint.of(n)));
                try {
                    List<CorpusPoint> got = ReferenceLineDecoder.decode(text, precision, defaultTime).stream()
                            .map(ReferenceLineDecoder.Decoded::point).toList();
                    if (!got.equals(expected)) {
                        disagreements.add(e.getKey() + ": " + got + " instead of " + expected);
                    }
                } catch (IllegalArgumentException refused) {
                    disagreements.add(e.getKey() + ": refused (" + refused.getMessage() + ")");
                }
            } else {
                errors++;
                try {
                    ReferenceLineDecoder.decode(text, precision, defaultTime);
                    disagreements.add(e.getKey() + ": accepted " + JSON.valueToTree(text)
                            + " which the reference refuses with " + output.get("error"));
                } catch (IllegalArgumentException expected) {
                    // agrees
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(results).isEqualTo(395);
        assertThat(errors).isEqualTo(6220);
    }

    private static String text(JsonNode t) throws CharacterCodingException {
        if (t.isTextual()) {
            return t.asText();
        }
        byte[] bytes = Base64.getDecoder().decode(t.get("binary").asText());
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static long precisionNanos(String p) {
        return switch (p) {
            case "1ns" -> 1;
            case "1µs" -> 1_000;
            case "1ms" -> 1_000_000;
            case "1s" -> 1_000_000_000;
            default -> throw new IllegalArgumentException(p);
        };
    }
}
