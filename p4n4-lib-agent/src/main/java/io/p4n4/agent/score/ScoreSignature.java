package io.p4n4.agent.score;

import java.util.Objects;

/**
 * The signature member of a signed Score document:
 * {@code "signature":{"alg":"Ed25519","key":"<key id>","value":"<base64>"}}. Immutable.
 *
 * @param alg the algorithm; only {@code Ed25519} is defined
 * @param key the signer's key id (see {@link TrustedKeySet#keyId})
 * @param value the base64 signature over the canonical JSON's UTF-8 bytes
 */
public record ScoreSignature(String alg, String key, String value) {

    /** The only algorithm defined. */
    public static final String ED25519 = "Ed25519";

    /** Checks the fields. */
    public ScoreSignature {
        Objects.requireNonNull(alg, "alg");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
