package io.p4n4.core.template.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.template.TemplateEntry;
import io.p4n4.api.template.TemplateIndex;
import io.p4n4.core.manifest.internal.ManifestSchema;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads an {@code index.json}: its {@code index_version} picks the bundled schema (template-index-v1 or -v2,
 * draft-07), the document is validated, then mapped. Thread-safe.
 */
public final class IndexReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = Map.of("1", load("index-v1.json"), "2",
            load("index-v2.json"));

    private IndexReader() {
    }

    /**
     * Parses and validates {@code text}, read from {@code file} (a cached copy of {@code registry}).
     *
     * @throws InvalidFileException VALIDATION naming the file, the registry and the JSON path of the first
     *     schema error; COMPATIBILITY when {@code index_version} is one this p4n4 does not read
     */
    public static TemplateIndex parse(String text, URI registry, @Nullable Path file) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new InvalidFileException(ErrorCode.VALIDATION, file, loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), null, "(index.json of registry " + registry
                    + ") is not valid JSON: " + e.getOriginalMessage() + "; ask the registry's owner to fix it", e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidFileException(ErrorCode.VALIDATION, file, 1, 1, "$", "(index.json of registry "
                    + registry + ") must be a JSON object with org, index_version and templates", null);
        }
        JsonNode version = tree.get("index_version");
        if (version == null) {
            throw new InvalidFileException(ErrorCode.VALIDATION, file, 0, 0, "$.index_version",
                    "(index.json of registry " + registry + ") has no index_version; it must be \"1\" or \"2\"",
                    null);
        }
        String v = version.isTextual() ? version.asText() : version.toString();
        JsonSchema schema = SCHEMAS.get(v);
        if (schema == null || !version.isTextual()) {
            boolean number = version.isNumber();
            throw new InvalidFileException(number ? ErrorCode.VALIDATION : ErrorCode.COMPATIBILITY, file, 0, 0,
                    "$.index_version", "(index.json of registry " + registry + ") has index_version " + version
                    + (number ? ", a number; write it as a string, \"1\" or \"2\""
                            : ", which this p4n4 does not read (it reads \"1\" and \"2\"); use a newer p4n4 or an"
                            + " index of version 2"), null);
        }
        List<ValidationMessage> errors = schema.validate(tree).stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getMessage)).toList();
        if (!errors.isEmpty()) {
            ValidationMessage first = errors.get(0);
            String pointer = first.getInstanceLocation().toString();
            if (pointer.equals("/")) {
                pointer = "";
            }
            if (("additionalProperties".equals(first.getType()) || "required".equals(first.getType()))
                    && first.getProperty() != null) {
                pointer = pointer + "/" + first.getProperty();
            }
            String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
            throw new InvalidFileException(ErrorCode.VALIDATION, file, 0, 0, ManifestSchema.jsonPath(pointer),
                    "(index.json of registry " + registry + ") does not match template-index-v" + v + ": "
                    + first.getMessage() + " [schema rule: " + first.getType() + "]" + more
                    + "; ask the registry's owner to fix it (docs/templates.md lists the fields)", null);
        }
        List<TemplateEntry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : tree.get("templates").properties()) {
            entries.add(entry(e.getKey(), e.getValue()));
        }
        return new TemplateIndex(registry, tree.get("org").asText(), Integer.parseInt(v), entries);
    }

    private static TemplateEntry entry(String name, JsonNode n) {
        return new TemplateEntry(name, n.get("repo").asText(), n.get("subdir").asText(),
                n.get("description").asText(), strings(n.get("tags")), n.get("latest").asText(), text(n, "author"),
                text(n, "license"), text(n, "min_hardware"), strings(n.get("requires_stacks")), text(n, "tarball"),
                text(n, "sha256"));
    }

    private static @Nullable String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null ? null : v.asText();
    }

    private static List<String> strings(@Nullable JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    private static JsonSchema load(String name) {
        String resource = "/io/p4n4/core/template/" + name;
        try (InputStream in = IndexReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new P4n4Exception(ErrorCode.GENERAL, "the schema " + resource + " is missing from the"
                        + " p4n4-lib-core jar; the jar is damaged");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER)
                    .formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(MAPPER.readTree(in), config);
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot read the bundled schema " + resource, e);
        }
    }
}
