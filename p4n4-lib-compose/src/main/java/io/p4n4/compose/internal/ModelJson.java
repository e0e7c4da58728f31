package io.p4n4.compose.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the frozen model tree as JSON or YAML shaped like {@code docker compose config}: the
 * top-level sections in compose's order, map keys sorted, port and volume entries in their field
 * order, and (for output meant to be loaded again) {@code $} written as {@code $$}. Thread-safe.
 */
public final class ModelJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> TOP_ORDER = List.of("name", "services", "networks", "volumes", "configs",
            "secrets", "models");
    private static final Set<String> STRUCT_LISTS = Set.of("ports", "volumes");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private ModelJson() {
    }

    /** Returns the project tree as a JSON tree in output order; {@code escapeDollar} doubles every {@code $}. */
    public static JsonNode toJsonTree(Map<String, Object> tree, boolean escapeDollar) {
        ObjectNode root = NODES.objectNode();
        for (String key : TOP_ORDER) {
            if (tree.containsKey(key)) {
                root.set(key, node(tree.get(key), escapeDollar, true));
            }
        }
        List<String> rest = new ArrayList<>(tree.keySet());
        rest.removeAll(TOP_ORDER);
        Collections.sort(rest);
        for (String key : rest) {
            root.set(key, node(tree.get(key), escapeDollar, true));
        }
        return root;
    }

    /** Pretty JSON, two-space indented, ending with a newline. */
    public static String json(Map<String, Object> tree) {
        try {
            return JSON.writeValueAsString(toJsonTree(tree, true)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the model cannot be written as JSON", e);
        }
    }

    /** YAML as {@code docker compose config} prints it. */
    public static String yaml(Map<String, Object> tree) {
        try {
            return YAML.writeValueAsString(toJsonTree(tree, true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the model cannot be written as YAML", e);
        }
    }

    /** Compact JSON with every map key sorted and nothing escaped: stable input for hashes. */
    public static String canonical(Object value) {
        try {
            return COMPACT.writeValueAsString(node(value, false, true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the model cannot be written as JSON", e);
        }
    }

    private static JsonNode node(Object value, boolean escape, boolean sortKeys) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode obj = NODES.objectNode();
            List<String> keys = new ArrayList<>();
            map.keySet().forEach(k -> keys.add((String) k));
            if (sortKeys) {
                Collections.sort(keys);
            }
            for (String k : keys) {
                obj.set(k, node(map.get(k), escape, !STRUCT_LISTS.contains(k)));
            }
            return obj;
        }
        if (value instanceof List<?> list) {
            ArrayNode arr = NODES.arrayNode();
            // entries of ports/volumes keep their field order; sortKeys=false reaches them through here
            list.forEach(item -> arr.add(node(item, escape, sortKeys)));
            return arr;
        }
        if (value instanceof String s) {
            return NODES.textNode(escape ? s.replace("$", "$$") : s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? NODES.textNode(String.valueOf(d)) : NODES.numberNode(d);
        }
        return NODES.textNode(String.valueOf(value));
    }
}
