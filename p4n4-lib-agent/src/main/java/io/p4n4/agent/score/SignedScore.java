package io.p4n4.agent.score;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Score envelope as read from its wire form, with the exact text its signature covers. Immutable.
 *
 * @param envelope what was signed
 * @param signedText the RFC 8785 form of the {@code "envelope"} member: its UTF-8 bytes are signed
 * @param signature the signature the document carried, or {@code null}
 */
public record SignedScore(ScoreEnvelope envelope, String signedText, @Nullable ScoreSignature signature) {

    /** Checks the required fields. */
    public SignedScore {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(signedText, "signedText");
    }
}
