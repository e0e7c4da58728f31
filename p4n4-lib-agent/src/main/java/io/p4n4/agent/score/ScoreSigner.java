package io.p4n4.agent.score;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs Score envelopes with Ed25519 (the JDK's built-in EdDSA): the signature covers the UTF-8 bytes
 * of the envelope's RFC 8785 form, which binds the Score to its bucket, key, generation and validity
 * (see {@link ScoreEnvelope}). Immutable and thread-safe (a new
 * {@link Signature} per call). {@link #toString()} never shows the private key.
 */
public final class ScoreSigner {

    private final ScoreCodec codec;
    private final PrivateKey privateKey;
    private final String keyId;

    private ScoreSigner(ScoreCodec codec, PrivateKey privateKey, PublicKey publicKey) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.keyId = TrustedKeySet.keyId(publicKey);
    }

    /** Returns a signer for the key pair. */
    public static ScoreSigner of(ScoreCodec codec, KeyPair keyPair) {
        return new ScoreSigner(codec, keyPair.getPrivate(), keyPair.getPublic());
    }

    /**
     * Returns a signer for a private key given as base64 PKCS#8 (what {@link #encodePrivateKey} writes).
     *
     * @throws P4n4Exception (VALIDATION) when the text is not an Ed25519 private key
     */
    public static ScoreSigner parse(ScoreCodec codec, String base64Pkcs8) {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey key = factory.generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getMimeDecoder().decode(base64Pkcs8.trim())));
            return new ScoreSigner(codec, key, TrustedKeySet.publicKeyOf(key));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new P4n4Exception(ErrorCode.VALIDATION,
                    "the signing key is not a base64 PKCS#8 Ed25519 private key", e);
        }
    }

    /** Generates a new Ed25519 key pair. */
    public static KeyPair generateKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no Ed25519 (Java 15+ always does)", e);
        }
    }

    /** Returns the private key as base64 PKCS#8, for storing in a file with mode 0600. */
    public static String encodePrivateKey(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** Returns the id of the key that signs (what agents list as trusted). */
    public String keyId() {
        return keyId;
    }

    /**
     * Returns the signed wire form of the envelope (see {@link ScoreEnvelopeCodec}): the signature
     * covers the UTF-8 bytes of the envelope's RFC 8785 form.
     */
    public String sign(ScoreEnvelope envelope) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(ScoreEnvelopeCodec.signedText(envelope).getBytes(StandardCharsets.UTF_8));
            String value = Base64.getEncoder().encodeToString(signature.sign());
            return ScoreEnvelopeCodec.write(envelope, new ScoreSignature(ScoreSignature.ED25519, keyId, value));
        } catch (GeneralSecurityException e) {
            throw new P4n4Exception(ErrorCode.GENERAL, "signing the Score for " + envelope.key() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** Returns the codec Scores are validated with before signing. */
    public ScoreCodec codec() {
        return codec;
    }

    @Override
    public String toString() {
        return "ScoreSigner[keyId=" + keyId + "]";
    }
}
