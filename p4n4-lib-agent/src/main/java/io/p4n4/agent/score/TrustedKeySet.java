package io.p4n4.agent.score;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.score.InvalidScoreException;
import io.p4n4.agent.score.internal.CanonicalJson;
import io.p4n4.agent.score.internal.Ed25519PublicKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Ed25519 public keys an agent accepts Scores from. When an agent has trusted keys, a Score
 * envelope without a signature, or signed by another key, or whose signature does not match, is
 * rejected. A key's id is the first 16 hex digits of SHA-256 over the ASCII of its base64 X.509 form.
 * Immutable and thread-safe.
 */
public final class TrustedKeySet {

    private final Map<String, PublicKey> byId;

    private TrustedKeySet(Map<String, PublicKey> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** Returns the given keys. */
    public static TrustedKeySet of(List<PublicKey> keys) {
        Map<String, PublicKey> byId = new LinkedHashMap<>();
        keys.forEach(key -> byId.put(keyId(key), key));
        return new TrustedKeySet(byId);
    }

    /**
     * Returns keys given as base64 X.509 (SubjectPublicKeyInfo) strings, as written by
     * {@link #encode(PublicKey)}.
     *
     * @throws P4n4Exception (VALIDATION) naming the position of a string that is not such a key
     */
    public static TrustedKeySet parse(List<String> base64Keys) {
        List<PublicKey> keys = new java.util.ArrayList<>();
        for (int i = 0; i < base64Keys.size(); i++) {
            try {
                keys.add(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                        Base64.getMimeDecoder().decode(base64Keys.get(i).trim()))));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new P4n4Exception(ErrorCode.VALIDATION, "trusted key #" + (i + 1)
                        + " is not a base64 X.509 Ed25519 public key", e);
            }
        }
        return of(keys);
    }

    /** Returns the public key as base64 X.509, the form {@link #parse} reads. */
    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** Returns a short stable id of the key: the first 16 hex digits of SHA-256 of its encoding. */
    public static String keyId(PublicKey key) {
        return CanonicalJson.sha256Hex(Base64.getEncoder().encodeToString(key.getEncoded())).substring(0, 16);
    }

    /** Returns whether no key is trusted (then signatures are not required). */
    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** Returns the ids of the trusted keys. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /**
     * Checks that the envelope carries a valid signature by one of these keys. Where it was found,
     * its generation and expiry are checked by the agent, not here.
     *
     * @throws InvalidScoreException when it is unsigned, signed by an unknown key, or tampered with
     */
    public void verify(SignedScore signed) {
        String key = signed.envelope().key();
        ScoreSignature sig = signed.signature();
        if (sig == null) {
            throw new InvalidScoreException(null, "the Score for " + key
                    + " is not signed and this agent only accepts Scores signed by " + ids(), null);
        }
        if (!ScoreSignature.ED25519.equals(sig.alg())) {
            throw new InvalidScoreException(null, "signature algorithm '" + sig.alg()
                    + "' is not supported; use Ed25519", null);
        }
        PublicKey publicKey = byId.get(sig.key());
        if (publicKey == null) {
            throw new InvalidScoreException(null, "the Score for " + key + " is signed by key " + sig.key()
                    + ", which this agent does not trust (trusted: " + ids() + ")", null);
        }
        boolean valid;
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(signed.signedText().getBytes(StandardCharsets.UTF_8));
            valid = verifier.verify(Base64.getDecoder().decode(sig.value()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            valid = false;
        }
        if (!valid) {
            throw new InvalidScoreException(null, "the signature by key " + sig.key() + " does not match the"
                    + " envelope for " + key + " (modified after signing?)", null);
        }
    }

    /**
     * Derives the public key of an Ed25519 private key as RFC 8032 section 5.1.5 defines it (see
     * {@link Ed25519PublicKeys}) and wraps it as X.509 (RFC 8410: a fixed 12-byte prefix, then the key).
     *
     * @throws GeneralSecurityException when the key is not an Ed25519 key with its seed
     */
    public static PublicKey publicKeyOf(PrivateKey privateKey) throws GeneralSecurityException {
        byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
                .orElseThrow(() -> new GeneralSecurityException("private key has no seed bytes"));
        byte[] encoded = Ed25519PublicKeys.fromSeed(seed);
        java.util.Arrays.fill(seed, (byte) 0);
        byte[] x509 = new byte[X509_PREFIX.length + encoded.length];
        System.arraycopy(X509_PREFIX, 0, x509, 0, X509_PREFIX.length);
        System.arraycopy(encoded, 0, x509, X509_PREFIX.length, encoded.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
    }

    /** SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (33 bytes) }: RFC 8410 section 4. */
    private static final byte[] X509_PREFIX = java.util.HexFormat.of().parseHex("302a300506032b6570032100");

    @Override
    public String toString() {
        return "TrustedKeySet" + ids();
    }
}
