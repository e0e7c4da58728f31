package io.p4n4.agent.score;

import io.p4n4.api.score.Score;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Score read from its wire form, with its canonical JSON (signature excluded), the SHA-256 of that
 * JSON and the signature the document carried, if any. Immutable.
 *
 * @param score the typed Score
 * @param canonical the canonical JSON of {@code {"type","data"}}: what is hashed and signed
 * @param hash the lowercase hex SHA-256 of {@code canonical}
 * @param signature the signature found in the document, or {@code null}
 */
public record DecodedScore(Score score, String canonical, String hash, @Nullable ScoreSignature signature) {

    /** Checks the required fields. */
    public DecodedScore {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(canonical, "canonical");
        Objects.requireNonNull(hash, "hash");
    }

    /** Returns the signature, if the document was signed. */
    public Optional<ScoreSignature> findSignature() {
        return Optional.ofNullable(signature);
    }
}
