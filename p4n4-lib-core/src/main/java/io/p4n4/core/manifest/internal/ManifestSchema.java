package io.p4n4.core.manifest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The bundled manifest-v1 JSON Schema (draft-07) and validation against it. Thread-safe: the compiled
 * schema is immutable and shared.
 */
public final class ManifestSchema {
    /** Classpath location of the schema. */
    public static final String RESOURCE = "/io/p4n4/core/manifest/manifest-v1.json";

    private ManifestSchema() {
    }

    private static final class Holder {
        static final JsonSchema SCHEMA = load();

        private static JsonSchema load() {
            try (InputStream in = ManifestSchema.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new P4n4Exception(ErrorCode.GENERAL, "the manifest schema " + RESOURCE
                            + " is missing from the p4n4-lib-core jar; the jar is damaged");
                }
                ObjectNode schema = (ObjectNode) new ObjectMapper().readTree(in);
                SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                        .pathType(PathType.JSON_POINTER)
                        .formatAssertionsEnabled(true)
                        .build();
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema, config);
            } catch (IOException e) {
                throw new P4n4Exception(ErrorCode.GENERAL, "cannot read the bundled manifest schema", e);
            }
        }
    }

    /**
     * Throws a USER {@link InvalidFileException} naming the JSON path, the rule and the line when
     * {@code tree} breaks the schema.
     *
     * @param source the document text, used to find line numbers; may be null
     */
    public static void validate(JsonNode tree, Path file, String source) {
        List<ValidationMessage> errors = Holder.SCHEMA.validate(tree).stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getMessage))
                .toList();
        if (errors.isEmpty()) {
            return;
        }
        ValidationMessage first = errors.get(0);
        String pointer = pointerOf(first);
        int[] mark = source == null ? new int[] {0, 0} : JsonLocations.of(source).find(pointer);
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more schema error"
                + (errors.size() > 2 ? "s" : "") + ")" : "";
        throw new InvalidFileException(ErrorCode.USER, file, mark[0], mark[1], jsonPath(pointer),
                "does not match manifest-v1: " + text(first) + " [schema rule: " + first.getType() + "]" + more
                        + "; fix the manifest (schema: " + io.p4n4.api.project.Manifest.SCHEMA_URI + ")",
                null);
    }

    /** The instance location, extended by the property name for "required" and "additionalProperties". */
    private static String pointerOf(ValidationMessage m) {
        String base = m.getInstanceLocation().toString();
        if (base.equals("/")) {
            base = "";
        }
        if (("additionalProperties".equals(m.getType()) || "required".equals(m.getType()))
                && m.getProperty() != null) {
            return base + "/" + m.getProperty();
        }
        return base;
    }

    private static String text(ValidationMessage m) {
        String message = m.getMessage();
        int colon = message.indexOf(": ");
        return colon > 0 && message.startsWith("/") ? message.substring(colon + 2) : message;
    }

    /** {@code /stacks/0} as {@code $.stacks[0]}. */
    public static String jsonPath(String pointer) {
        StringBuilder sb = new StringBuilder("$");
        if (pointer.isEmpty()) {
            return sb.toString();
        }
        for (String part : pointer.substring(1).split("/", -1)) {
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit) && !name.isEmpty()) {
                sb.append('[').append(name).append(']');
            } else {
                sb.append('.').append(name);
            }
        }
        return sb.toString();
    }
}
