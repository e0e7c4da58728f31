package io.p4n4.clients.internal.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one Jackson mapper of the clients and null-tolerant readers for response trees. Services add
 * fields between versions, so readers take what they know and ignore the rest.
 */
public final class Json {
    /** Shared, configured once; ObjectMapper is thread-safe after configuration. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Target type for converting a JSON object to an ordered map. */
    public static final TypeReference<LinkedHashMap<String, Object>> OBJECT_MAP = new TypeReference<>() {
    };

    private Json() {
    }

    /** Returns a new empty JSON object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Returns the text of {@code field}, or {@code null} when absent or JSON null. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Returns the number in {@code field} as a long, or 0 when absent. */
    public static long longValue(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? 0L : v.asLong();
    }

    /** Returns the number in {@code field} as a double, or {@code fallback} when absent. */
    public static double doubleValue(JsonNode node, String field, double fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isNumber() ? fallback : v.asDouble();
    }

    /** Returns the boolean in {@code field}, or false when absent. */
    public static boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.asBoolean(false);
    }

    /** Returns the elements of the array in {@code field} as strings (empty when absent). */
    public static List<String> strings(JsonNode node, String field) {
        JsonNode v = node.get(field);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(e -> out.add(e.asText()));
        }
        return List.copyOf(out);
    }

    /** Returns the elements of the array in {@code field} (empty when absent). */
    public static List<JsonNode> array(JsonNode node, String field) {
        JsonNode v = node.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(out::add);
        }
        return out;
    }

    /** Returns the object in {@code field} as an ordered map of plain Java values (empty when absent). */
    public static Map<String, Object> map(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(MAPPER.convertValue(v, OBJECT_MAP));
    }
}
