package io.p4n4.agent.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.agent.score.TrustedKeySet;
import io.p4n4.agent.score.internal.Jcs;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a reader learns from checking a stored status report ({@link SignedStatus}). Without a pinned key,
 * {@code VERIFIED} means the document is intact and signed by the key it names for the device it names; only
 * a pinned key (the one the device showed when it was enrolled) proves which device wrote it. Immutable.
 *
 * @param verdict the result
 * @param keyId the id of the key the document names, or {@code null} when it names none
 * @param publicKey the public key the document names (base64 X.509), or {@code null}
 * @param detail why the verdict is what it is, for people
 */
public record StatusVerification(Verdict verdict, @Nullable String keyId,
        @Nullable String publicKey, String detail) {

    /** The outcome of checking a status report. */
    public enum Verdict {
        /** Signed, intact, for this device, and (if one was pinned) by the pinned key. */
        VERIFIED,
        /** Not signed (an agent without a state directory, or an older agent). */
        UNSIGNED,
        /** Signed, but modified after signing, for another device, or not by the pinned key. */
        BAD_SIGNATURE;

        /** Returns how the CLI shows it: {@code verified}, {@code unsigned}, {@code BAD SIGNATURE}. */
        public String label() {
            return this == BAD_SIGNATURE ? "BAD SIGNATURE" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Checks the fields. */
    public StatusVerification {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * Checks a status document read from {@code status.<device>}.
     *
     * @param json the stored document
     * @param device the device whose key it was read from
     * @param pinnedKey the device key expected (base64 X.509, or its 16-digit id), or {@code null}
     * @throws P4n4Exception (VALIDATION) when the text is not a JSON object, or the pinned key is malformed
     */
    public static StatusVerification verify(String json, String device, @Nullable String pinnedKey) {
        String pin = pinnedKey == null ? null : pinnedKey.trim();
        if (pin != null && !pin.matches("[0-9a-f]{16}")) {
            parsePin(pin); // a malformed pin is the caller's mistake, whatever the status holds
        }
        JsonNode document;
        try {
            document = Jcs.parse(json);
        } catch (JsonProcessingException e) {
            throw new P4n4Exception(ErrorCode.VALIDATION, "the status of device " + device + " is not valid JSON"
                    + " (duplicate member?): " + e.getOriginalMessage(), e);
        }
        if (!document.isObject()) {
            throw new P4n4Exception(ErrorCode.VALIDATION, "the status of device " + device + " is not a JSON object");
        }
        String publicKey = text(document, SignedStatus.PUBLIC_KEY);
        JsonNode signature = document.get(SignedStatus.SIGNATURE);
        if (signature == null) {
            return new StatusVerification(Verdict.UNSIGNED, null, publicKey,
                    "the status carries no signature (agent without a state directory, or an older agent)");
        }
        if (publicKey == null) {
            return bad(null, null, "the status is signed but names no " + SignedStatus.PUBLIC_KEY);
        }
        PublicKey key;
        try {
            key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(publicKey)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return bad(null, publicKey, "its " + SignedStatus.PUBLIC_KEY + " is not a base64 X.509 Ed25519 key");
        }
        String keyId = TrustedKeySet.keyId(key);
        if (!SignedStatus.ED25519.equals(text(signature, "alg")) || !keyId.equals(text(signature, "key"))) {
            return bad(keyId, publicKey, "the signature is not Ed25519 by the key the status names ("
                    + keyId + ")");
        }
        if (!valid(key, SignedStatus.signedBytes(document), text(signature, "value"))) {
            return bad(keyId, publicKey, "the signature by device key " + keyId
                    + " does not match the status (modified after it was signed?)");
        }
        String signedFor = text(document, "deviceId");
        if (!device.equals(signedFor)) {
            return bad(keyId, publicKey, "the status was signed by device " + signedFor
                    + " but is stored as the status of " + device + " (copied?)");
        }
        if (pin != null && !matches(pin, key, keyId)) {
            return bad(keyId, publicKey, "signed by device key " + keyId + ", not the expected key " + pin);
        }
        return new StatusVerification(Verdict.VERIFIED, keyId, publicKey, "signed by device key " + keyId
                + (pin == null ? " (not pinned: pass the device's key to prove which device wrote it)"
                        : " (the expected key)"));
    }

    private static StatusVerification bad(@Nullable String keyId, @Nullable String publicKey,
            String detail) {
        return new StatusVerification(Verdict.BAD_SIGNATURE, keyId, publicKey, detail);
    }

    /** Whether the pinned key (16-digit id, or base64 X.509 compared in full) is {@code key}. */
    private static boolean matches(String pinned, PublicKey key, String keyId) {
        if (pinned.matches("[0-9a-f]{16}")) {
            return pinned.equals(keyId);
        }
        return java.util.Arrays.equals(parsePin(pinned).getEncoded(), key.getEncoded());
    }

    private static PublicKey parsePin(String pinned) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                    Base64.getMimeDecoder().decode(pinned)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new P4n4Exception(ErrorCode.VALIDATION, "the expected device key '" + pinned + "' is neither a base64"
                    + " X.509 Ed25519 public key (MCowBQYDK2VwAyEA...) nor a 16-digit key id", e);
        }
    }

    private static boolean valid(PublicKey key, byte[] signed, @Nullable String value) {
        if (value == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(Base64.getDecoder().decode(value));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
