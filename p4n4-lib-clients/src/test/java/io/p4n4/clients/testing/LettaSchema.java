package io.p4n4.clients.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Letta's agent schemas as its OpenAPI document gives them ({@code conformance/letta/openapi-agents.json}, an
 * extract of {@code fern/openapi.json}): checks that a payload has every required field of its schema and no
 * field the schema lacks, nested objects included, so that test payloads and request bodies invent nothing.
 */
public final class LettaSchema {
    private static final JsonNode DOC = load();
    /** Which schema a nested field holds (object, or array of objects). */
    private static final Map<String, Map<String, String>> NESTED = Map.of(
            "AgentState", Map.of("llm_config", "LLMConfig", "embedding_config", "EmbeddingConfig", "memory", "Memory",
                    "blocks", "Block"),
            "Memory", Map.of("blocks", "Block"),
            "CreateAgentRequest", Map.of("memory_blocks", "CreateBlock"));

    private LettaSchema() {
    }

    private static JsonNode load() {
        try (InputStream in = LettaSchema.class.getResourceAsStream("/conformance/letta/openapi-agents.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that {@code payload} is a valid {@code schema} object by field names. */
    public static void assertConforms(String schema, JsonNode payload) {
        JsonNode s = DOC.at("/schemas/" + schema);
        assertThat(s.isMissingNode()).as("schema " + schema + " in the extract").isFalse();
        List<String> properties = new ArrayList<>();
        s.get("properties").forEach(p -> properties.add(p.asText()));
        List<String> fields = new ArrayList<>();
        payload.fieldNames().forEachRemaining(fields::add);
        assertThat(properties).as(schema + " has every field of the payload").containsAll(fields);
        s.get("required").forEach(r -> assertThat(fields).as(schema + " requires " + r.asText()).contains(r.asText()));
        NESTED.getOrDefault(schema, Map.of()).forEach((field, nested) -> {
            JsonNode v = payload.path(field);
            if (v.isObject()) {
                assertConforms(nested, v);
            } else if (v.isArray()) {
                v.forEach(item -> assertConforms(nested, item));
            }
        });
    }

    /** The values of {@code StopReasonType}. */
    public static List<String> stopReasons() {
        List<String> out = new ArrayList<>();
        DOC.get("StopReasonType").forEach(v -> out.add(v.asText()));
        return out;
    }

    /** The query parameters {@code GET /v1/agents/} takes. */
    public static List<String> listAgentsQuery() {
        List<String> out = new ArrayList<>();
        DOC.get("listAgentsQuery").forEach(v -> out.add(v.asText()));
        return out;
    }

    /** The values {@code include} of {@code GET /v1/agents/} takes. */
    public static List<String> listAgentsInclude() {
        List<String> out = new ArrayList<>();
        DOC.get("listAgentsInclude").forEach(v -> out.add(v.asText()));
        return out;
    }
}
