package io.p4n4.agent.score;

import io.p4n4.api.score.InvalidScoreException;
import io.p4n4.api.score.StoredScore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a stored Score is, for listing it: its type ({@code TOMBSTONE} for a signed delete, {@code INVALID} when
 * it cannot be read), who signed it and with which generation, and its hash. Signatures are shown, not verified:
 * agents verify.
 *
 * @param device     the device it is stored for
 * @param deployment the deployment name
 * @param revision   the store's revision of the entry
 * @param type       the Score's type, {@code TOMBSTONE} or {@code INVALID}
 * @param signedBy   the signing key's id ({@code "<id> (old format)"} for a signature inside the Score); {@code null}
 *                   when unsigned or invalid
 * @param generation the signed envelope's generation; {@code null} when unsigned or invalid
 * @param hash       the SHA-256 of the canonical Score (of the signed text for a tombstone); {@code null} when invalid
 */
public record ScoreSummary(String device, String deployment, long revision, String type, @Nullable String signedBy,
        @Nullable Long generation, @Nullable String hash) {

    /** The type shown for a signed delete. */
    public static final String TOMBSTONE = "TOMBSTONE";
    /** The type shown for an entry that is not a readable Score. */
    public static final String INVALID = "INVALID";

    /** Whether the entry is a readable Score or tombstone. */
    public boolean valid() {
        return hash != null;
    }

    /** Summarises {@code stored}, decoding with {@code codec} (lenient, so newer fields do not hide a Score). */
    public static ScoreSummary of(StoredScore stored, ScoreCodec codec) {
        try {
            // a signed envelope holds the Score; a plain document is the Score
            Optional<SignedScore> envelope = ScoreEnvelopeCodec.read(stored.value());
            if (envelope.isPresent()) {
                SignedScore e = envelope.get();
                String signer = e.signature() == null ? null : e.signature().key();
                long generation = e.envelope().generation();
                if (e.envelope().tombstone()) {
                    return new ScoreSummary(stored.device(), stored.deployment(), stored.revision(), TOMBSTONE, signer,
                            generation, sha256(e.signedText()));
                }
                DecodedScore decoded = codec.decode(e.envelope().scoreJson());
                return new ScoreSummary(stored.device(), stored.deployment(), stored.revision(),
                        decoded.score().type(), signer, generation, decoded.hash());
            }
            DecodedScore decoded = codec.decode(stored.value());
            String signer = decoded.findSignature().map(sig -> sig.key() + " (old format)").orElse(null);
            return new ScoreSummary(stored.device(), stored.deployment(), stored.revision(), decoded.score().type(),
                    signer, null, decoded.hash());
        } catch (InvalidScoreException e) {
            return new ScoreSummary(stored.device(), stored.deployment(), stored.revision(), INVALID, null, null,
                    null);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
