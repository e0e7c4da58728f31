package io.p4n4.compose.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import io.p4n4.api.P4n4Exception;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates one raw (not yet interpolated) compose document against the official compose-spec JSON
 * Schema (draft-07), as compose does. A failure names the file, line, column, the key and the schema
 * rule that failed.
 *
 * <p>Thread-safe: the compiled schema is shared and immutable.
 */
public final class SchemaValidation {
    /** Classpath location of the bundled schema. */
    public static final String SCHEMA_RESOURCE = "/io/p4n4/compose/compose-spec.json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SchemaValidation() {
    }

    private static final class Holder {
        static final JsonSchema SCHEMA = load();

        private static JsonSchema load() {
            try (InputStream in = SchemaValidation.class.getResourceAsStream(SCHEMA_RESOURCE)) {
                if (in == null) {
                    throw new P4n4Exception(ErrorCode.GENERAL, "the compose-spec schema " + SCHEMA_RESOURCE
                            + " is missing from the p4n4-lib-core jar; the jar is damaged");
                }
                ObjectNode schema = (ObjectNode) new ObjectMapper().readTree(in);
                // the file names the https draft-07 URI; the validator knows draft-07 under its http id,
                // and must not try to fetch a meta-schema over the network. Its relative "$id"
                // (compose_spec.json) is not a valid base URI for the validator; every $ref is local.
                schema.remove("$schema");
                schema.remove("$id");
                SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                        .pathType(PathType.JSON_POINTER)
                        .formatAssertionsEnabled(false)
                        .build();
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema, config);
            } catch (IOException e) {
                throw new P4n4Exception(ErrorCode.GENERAL, "cannot read the bundled compose-spec schema", e);
            }
        }
    }

    /** Throws an ENGINE {@link InvalidFileException} when the document breaks the schema. */
    public static void validate(SourceDocument doc) {
        Set<ValidationMessage> errors = Holder.SCHEMA.validate(toJson(doc.tree()));
        if (errors.isEmpty()) {
            return;
        }
        // the deepest location is the most specific complaint (oneOf branches report at the parent)
        List<ValidationMessage> sorted = errors.stream()
                .sorted(Comparator.comparingInt((ValidationMessage m) -> -m.getInstanceLocation().getNameCount())
                        .thenComparing(m -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getMessage))
                .collect(Collectors.toList());
        ValidationMessage first = sorted.get(0);
        String pointer = first.getInstanceLocation().toString();
        if (pointer.equals("/")) {
            pointer = "";
        }
        if ("additionalProperties".equals(first.getType())) {
            String property = first.getProperty() != null ? first.getProperty()
                    : first.getArguments() != null && first.getArguments().length > 0
                            ? String.valueOf(first.getArguments()[0]) : null;
            if (property != null) {
                pointer = pointer + "/" + YamlReader.escape(property); // point at the unknown key
            }
        }
        int[] mark = doc.mark(pointer);
        String others = sorted.size() > 1 ? " (" + (sorted.size() - 1) + " more schema complaint"
                + (sorted.size() > 2 ? "s" : "") + ")" : "";
        throw new InvalidFileException(ErrorCode.ENGINE, doc.file(), mark[0], mark[1], dotted(pointer),
                "does not match the compose specification: " + stripLocation(first.getMessage())
                        + " [schema rule: " + first.getType() + "]" + others
                        + "; fix the file (see https://github.com/compose-spec/compose-spec)", null);
    }

    private static String stripLocation(String message) {
        int colon = message.indexOf(": ");
        return colon > 0 && message.startsWith("/") ? message.substring(colon + 2) : message;
    }

    /** Turns a JSON pointer into the dotted path compose prints ({@code services.web.ports.0}). */
    public static String dotted(String pointer) {
        if (pointer.isEmpty()) {
            return "";
        }
        return pointer.substring(1).replace("/", ".").replace("~1", "/").replace("~0", "~");
    }

    /** Converts a tree to Jackson JSON; {@code !reset} entries are left out, {@code !override} unwrapped. */
    public static JsonNode toJson(Object value) {
        Object v = Tagged.unwrap(value);
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof Map<?, ?> map) {
            ObjectNode node = NODES.objectNode();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getValue() != Tagged.Reset.INSTANCE) {
                    node.set((String) e.getKey(), toJson(e.getValue()));
                }
            }
            return node;
        }
        if (v instanceof List<?> list) {
            ArrayNode node = NODES.arrayNode();
            for (Object item : list) {
                if (item != Tagged.Reset.INSTANCE) {
                    node.add(toJson(item));
                }
            }
            return node;
        }
        if (v instanceof String s) {
            return NODES.textNode(s);
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (v instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (v instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (v == Tagged.Reset.INSTANCE) {
            return NODES.nullNode();
        }
        return NODES.textNode(String.valueOf(v));
    }
}
