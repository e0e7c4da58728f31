package io.p4n4.agent.score.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The JSON Canonicalization Scheme of RFC 8785: objects with their members sorted by the UTF-16 code
 * units of their names, no whitespace, numbers as ECMAScript writes doubles ({@link JcsNumbers}),
 * strings with only the escapes of section 3.2.2.2. Its UTF-8 bytes are what a Score envelope's
 * signature covers, so a signer in any language with a JCS library produces the same bytes.
 */
public final class Jcs {

    /** Parses I-JSON: duplicate member names are an error (RFC 8785 section 3.1). */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Jcs() {
    }

    /**
     * Parses JSON text refusing duplicate member names.
     *
     * @throws JsonProcessingException when it is not JSON or has a duplicate name
     */
    public static JsonNode parse(String json) throws JsonProcessingException {
        return STRICT.readTree(json);
    }

    /**
     * Returns the canonical form of the tree.
     *
     * @throws IllegalArgumentException when a number cannot be an IEEE 754 double exactly (I-JSON)
     */
    public static String canonicalize(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null); // String.compareTo compares UTF-16 code units: what RFC 8785 3.2.3 asks
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeString(names.get(i), out);
                out.append(':');
                write(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                write(it.next(), out);
                if (it.hasNext()) {
                    out.append(',');
                }
            }
            out.append(']');
        } else if (node.isTextual()) {
            writeString(node.textValue(), out);
        } else if (node.isNumber()) {
            out.append(JcsNumbers.write(toDouble(node)));
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNull()) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    /** Integers beyond 2^53 would silently change when read as doubles: refuse them instead. */
    private static double toDouble(JsonNode node) {
        double value = node.doubleValue();
        if (node.isIntegralNumber() && !Double.isInfinite(value)
                && new BigDecimal(node.bigIntegerValue()).compareTo(new BigDecimal(value)) != 0) {
            throw new IllegalArgumentException("the integer " + node.asText()
                    + " cannot be an IEEE 754 double exactly; write it as a string (RFC 8785, I-JSON)");
        }
        return value;
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
