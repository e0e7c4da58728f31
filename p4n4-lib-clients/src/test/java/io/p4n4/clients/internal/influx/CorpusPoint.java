package io.p4n4.clients.internal.influx;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.clients.influx.Point;
import io.p4n4.api.clients.influx.WritePrecision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A point as the line-protocol corpus writes it: name, tags sorted by key, fields in order with a
 * kind ({@code float}, {@code int}, {@code uint}, {@code string}, {@code bool}) and the time in
 * nanoseconds. Floats are kept as {@code Double}, ints and uints as {@code Long} (uint bits).
 */
record CorpusPoint(String name, List<Map.Entry<String, String>> tags, List<Field> fields, long time) {

    record Field(String key, String kind, Object value) {
        /** The reference compares floats with ==, so -0.0 equals 0.0 (JSON's corpus writes both as 0). */
        Field {
            if (value instanceof Double d && d == 0) {
                value = 0.0;
            }
        }
    }

    /** Reads {@code {"name":..., "tags":[{key,value}], "fields":[{key, value:{kind: v}}], "time": ns}}. */
    static CorpusPoint of(JsonNode n) {
        List<Map.Entry<String, String>> tags = new ArrayList<>();
        n.path("tags").forEach(t -> tags.add(Map.entry(t.get("key").asText(), t.get("value").asText())));
        tags.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        List<Field> fields = new ArrayList<>();
        for (JsonNode f : n.path("fields")) {
            Map.Entry<String, JsonNode> v = f.get("value").properties().iterator().next();
            JsonNode x = v.getValue();
            Object value = switch (v.getKey()) {
                case "float" -> x.asDouble();
                case "int" -> x.asLong();
                case "uint" -> x.bigIntegerValue().longValue();
                case "string" -> x.asText();
                case "bool" -> x.asBoolean();
                default -> throw new IllegalArgumentException("unknown field kind " + v.getKey());
            };
            fields.add(new Field(f.get("key").asText(), v.getKey(), value));
        }
        return new CorpusPoint(n.get("name").asText(), List.copyOf(tags), List.copyOf(fields), n.get("time").asLong());
    }

    /** Builds the library's {@link Point} of this corpus point, its time in nanoseconds. */
    Point toPoint() {
        Point.Builder b = Point.builder(name);
        tags.forEach(t -> b.tag(t.getKey(), t.getValue()));
        for (Field f : fields) {
            switch (f.kind()) {
                case "float" -> b.field(f.key(), (double) (Double) f.value());
                case "int" -> b.field(f.key(), (long) (Long) f.value());
                case "uint" -> b.unsignedField(f.key(), (Long) f.value());
                case "string" -> b.field(f.key(), (String) f.value());
                case "bool" -> b.field(f.key(), (boolean) (Boolean) f.value());
                default -> throw new IllegalStateException(f.kind());
            }
        }
        return b.time(time, WritePrecision.NS).build();
    }
}
