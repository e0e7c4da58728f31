package io.p4n4.agent.score;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.p4n4.api.score.InvalidScoreException;
import io.p4n4.api.score.Score;
import io.p4n4.api.score.ScoreType;
import io.p4n4.agent.score.internal.CanonicalJson;
import java.util.Iterator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes Scores in their wire form, adjacently tagged: {@code {"type":"PodmanV0","data":{...}}},
 * optionally followed by a {@code "signature"} member. The canonical form has {@code type} first,
 * {@code data} second, every object's fields sorted by name, no nulls and no whitespace, so that two
 * equal Scores always give the same string.
 *
 * <p>A {@linkplain #strict strict} codec (for publishers) refuses unknown fields; a
 * {@linkplain #lenient lenient} one (for agents) ignores them, so newer publishers can add optional
 * fields. Immutable and thread-safe.
 */
public final class ScoreCodec {

    /*
     * One mapper per strictness, shared by every codec: a mapper caches the (de)serializers it builds,
     * and building them for a Score type costs milliseconds. A mapper per codec made each of 10,000
     * agents in one JVM pay that on its first Score (measured: the fleet's publish and convergence were
     * CPU-bound on it). Mappers are thread-safe once configured.
     */
    private static final ObjectMapper STRICT = mapper(true);
    private static final ObjectMapper LENIENT = mapper(false);

    private final ScoreTypeRegistry registry;
    private final ObjectMapper mapper;
    private final boolean strict;

    private ScoreCodec(ScoreTypeRegistry registry, boolean strict) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.strict = strict;
        this.mapper = strict ? STRICT : LENIENT;
    }

    private static ObjectMapper mapper(boolean strict) {
        return JsonMapper.builder()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, strict)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
                .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.NON_NULL))
                .build();
    }

    /** Returns a codec that refuses unknown fields: use it before publishing. */
    public static ScoreCodec strict(ScoreTypeRegistry registry) {
        return new ScoreCodec(registry, true);
    }

    /** Returns a codec that ignores unknown fields: use it where Scores are applied. */
    public static ScoreCodec lenient(ScoreTypeRegistry registry) {
        return new ScoreCodec(registry, false);
    }

    /** Returns the registry of known types. */
    public ScoreTypeRegistry registry() {
        return registry;
    }

    /**
     * Returns the canonical JSON of the Score (unsigned).
     *
     * @throws InvalidScoreException when the Score's type is not registered
     */
    public String encode(Score score) {
        Objects.requireNonNull(score, "score");
        if (!registry.knows(score)) {
            throw new InvalidScoreException(score.type(), "unknown Score type '" + score.type()
                    + "': known types are " + registry.names(), null);
        }
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("type", score.type());
        envelope.set("data", CanonicalJson.sorted(mapper.valueToTree(score)));
        return CanonicalJson.write(mapper, envelope);
    }

    /**
     * Reads a Score document: parses it, checks its type is registered and its data has the type's
     * shape, and computes its canonical form and hash.
     *
     * @throws InvalidScoreException (VALIDATION) naming what is wrong: not JSON, no type, unknown
     *     type, or the data field at fault
     */
    public DecodedScore decode(String json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidScoreException(null, "the Score is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + "): " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidScoreException(null,
                    "a Score must be a JSON object {\"type\": ..., \"data\": {...}}", null);
        }
        JsonNode typeNode = root.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new InvalidScoreException(null, "the Score has no \"type\" string; expected one of "
                    + registry.names(), null);
        }
        String typeName = typeNode.asText();
        ScoreType<?> type = registry.find(typeName).orElseThrow(() -> new InvalidScoreException(typeName,
                "unknown Score type '" + typeName + "': known types are " + registry.names()
                        + " (is the provider of this type on the class path?)", null));
        checkEnvelopeFields(root, typeName);
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new InvalidScoreException(typeName, "the " + typeName
                    + " Score has no \"data\" object", null);
        }
        Score score = readData(type, data);
        String canonical = encode(score);
        return new DecodedScore(score, canonical, CanonicalJson.sha256Hex(canonical),
                readSignature(root, typeName));
    }

    /** Returns the canonical form of a Score document (signature dropped), validating it. */
    public String canonicalize(String json) {
        return decode(json).canonical();
    }

    private void checkEnvelopeFields(JsonNode root, String typeName) {
        if (!strict) {
            return;
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!field.equals("type") && !field.equals("data") && !field.equals("signature")) {
                throw new InvalidScoreException(typeName, "unknown top-level field \"" + field
                        + "\": a Score has only \"type\", \"data\" and optionally \"signature\"", null);
            }
        }
    }

    private Score readData(ScoreType<?> type, JsonNode data) {
        try {
            return mapper.treeToValue(data, type.javaType());
        } catch (JsonMappingException e) {
            String where = "data" + CanonicalJson.path(e);
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String problem = root instanceof IllegalArgumentException || root instanceof NullPointerException
                    ? root.getMessage() : e.getOriginalMessage();
            throw new InvalidScoreException(type.name(), "invalid " + type.name() + " Score at " + where
                    + ": " + problem, e);
        } catch (JsonProcessingException e) {
            throw new InvalidScoreException(type.name(), "invalid " + type.name() + " Score: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static @Nullable ScoreSignature readSignature(JsonNode root, String typeName) {
        JsonNode sig = root.get("signature");
        if (sig == null || sig.isNull()) {
            return null;
        }
        if (!sig.isObject() || !sig.path("alg").isTextual() || !sig.path("key").isTextual()
                || !sig.path("value").isTextual()) {
            throw new InvalidScoreException(typeName,
                    "the Score's \"signature\" must be {\"alg\":\"Ed25519\",\"key\":...,\"value\":...}", null);
        }
        return new ScoreSignature(sig.get("alg").asText(), sig.get("key").asText(), sig.get("value").asText());
    }
}
