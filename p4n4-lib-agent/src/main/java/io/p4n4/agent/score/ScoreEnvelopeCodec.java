package io.p4n4.agent.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.p4n4.api.score.InvalidScoreException;
import io.p4n4.agent.score.internal.Jcs;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes signed Score envelopes:
 * {@code {"envelope":{"bucket":...,"expiresAt":...,"format":"p4n4-score-envelope/1","generation":7,
 * "issuedAt":...,"key":"<device>.<deployment>","score":{"data":{...},"type":"PodmanV0"}},
 * "signature":{"alg":"Ed25519","key":"<key id>","value":"<base64>"}}}; a tombstone has
 * {@code "tombstone":true} instead of {@code "score"}. The whole document is written in RFC 8785 form;
 * the signature covers the UTF-8 bytes of the RFC 8785 form of the {@code "envelope"} member.
 * Unknown envelope members are refused: a signed field the agent would ignore is not accepted.
 */
public final class ScoreEnvelopeCodec {

    /** The value of the envelope's {@code "format"} member. */
    public static final String FORMAT = "p4n4-score-envelope/1";

    private static final Set<String> FIELDS = Set.of("format", "bucket", "key", "generation", "issuedAt",
            "expiresAt", "score", "tombstone");

    private ScoreEnvelopeCodec() {
    }

    /**
     * Reads a stored value as an envelope; empty when it is not one (an unsigned or old-format Score
     * document, which {@link ScoreCodec} reads).
     *
     * @throws InvalidScoreException when it is an envelope but malformed, naming the member at fault
     */
    public static Optional<SignedScore> read(String json) {
        JsonNode root;
        try {
            root = Jcs.parse(json);
        } catch (JsonProcessingException e) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
                throw new InvalidScoreException(null, "the Score document is not I-JSON: "
                        + e.getOriginalMessage() + "; every member name must be unique (RFC 8785)", e);
            }
            return Optional.empty(); // not JSON: ScoreCodec reports where
        }
        if (root == null || !root.isObject() || !root.has("envelope")) {
            return Optional.empty();
        }
        JsonNode env = root.get("envelope");
        if (!env.isObject()) {
            throw invalid("\"envelope\" must be an object");
        }
        for (Iterator<String> it = env.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw invalid("unknown envelope member \"" + field + "\": this agent reads " + FORMAT
                        + " (members " + FIELDS + "); upgrade the agent or drop the member");
            }
        }
        String format = text(env, "format");
        if (!FORMAT.equals(format)) {
            throw invalid("envelope format \"" + format + "\" is not supported; this agent reads " + FORMAT);
        }
        JsonNode generation = env.get("generation");
        if (generation == null || !generation.canConvertToExactIntegral() || !generation.canConvertToLong()
                || generation.longValue() < 1 || generation.longValue() > ScoreEnvelope.MAX_GENERATION) {
            throw invalid("envelope \"generation\" must be an integer from 1 to " + ScoreEnvelope.MAX_GENERATION);
        }
        JsonNode score = env.get("score");
        boolean tombstone = env.path("tombstone").asBoolean(false);
        if (env.has("tombstone") && !env.get("tombstone").isBoolean()) {
            throw invalid("envelope \"tombstone\" must be true or absent");
        }
        if (tombstone == (score != null)) {
            throw invalid("an envelope holds either a \"score\" object or \"tombstone\":true, exactly one");
        }
        if (score != null && !score.isObject()) {
            throw invalid("envelope \"score\" must be a Score object {\"type\":...,\"data\":{...}}");
        }
        try {
            ScoreEnvelope envelope = new ScoreEnvelope(text(env, "bucket"), text(env, "key"), generation.longValue(),
                    instant(env, "issuedAt"), env.has("expiresAt") ? instant(env, "expiresAt") : null,
                    score == null ? null : Jcs.canonicalize(score));
            return Optional.of(new SignedScore(envelope, Jcs.canonicalize(env), signature(root)));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /**
     * Returns the RFC 8785 form of a JSON document (what an envelope holds as its Score).
     *
     * @throws IllegalArgumentException when it is not I-JSON
     */
    public static String canonicalJson(String json) {
        try {
            return Jcs.canonicalize(Jcs.parse(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Returns the text a signature over the envelope covers (RFC 8785 form, to be UTF-8 encoded). */
    public static String signedText(ScoreEnvelope envelope) {
        return Jcs.canonicalize(envelopeNode(envelope));
    }

    /** Returns the wire form of the envelope with its signature. */
    public static String write(ScoreEnvelope envelope, @Nullable ScoreSignature signature) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("envelope", envelopeNode(envelope));
        if (signature != null) {
            ObjectNode sig = root.putObject("signature");
            sig.put("alg", signature.alg());
            sig.put("key", signature.key());
            sig.put("value", signature.value());
        }
        return Jcs.canonicalize(root);
    }

    private static ObjectNode envelopeNode(ScoreEnvelope envelope) {
        ObjectNode env = JsonNodeFactory.instance.objectNode();
        env.put("format", FORMAT);
        env.put("bucket", envelope.bucket());
        env.put("key", envelope.key());
        env.put("generation", envelope.generation());
        env.put("issuedAt", envelope.issuedAt().toString());
        if (envelope.expiresAt() != null) {
            env.put("expiresAt", envelope.expiresAt().toString());
        }
        if (envelope.scoreJson() == null) {
            env.put("tombstone", true);
        } else {
            try {
                env.set("score", Jcs.parse(envelope.scoreJson()));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the envelope's Score is not JSON", e);
            }
        }
        return env;
    }

    private static @Nullable ScoreSignature signature(JsonNode root) {
        JsonNode sig = root.get("signature");
        if (sig == null || sig.isNull()) {
            return null;
        }
        if (!sig.isObject() || !sig.path("alg").isTextual() || !sig.path("key").isTextual()
                || !sig.path("value").isTextual()) {
            throw invalid("\"signature\" must be {\"alg\":\"Ed25519\",\"key\":...,\"value\":...}");
        }
        return new ScoreSignature(sig.get("alg").asText(), sig.get("key").asText(), sig.get("value").asText());
    }

    private static String text(JsonNode env, String field) {
        JsonNode node = env.get(field);
        if (node == null || !node.isTextual()) {
            throw invalid("envelope \"" + field + "\" must be a string");
        }
        return node.textValue();
    }

    private static Instant instant(JsonNode env, String field) {
        try {
            return Instant.parse(text(env, field));
        } catch (DateTimeParseException e) {
            throw invalid("envelope \"" + field + "\" must be an RFC 3339 UTC time like 2026-01-31T12:00:00Z");
        }
    }

    private static InvalidScoreException invalid(String message) {
        return new InvalidScoreException(null, "invalid signed Score: " + message, null);
    }
}
