package io.p4n4.agent.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.p4n4.agent.score.internal.Jcs;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The signed form of a status report: the status document ({@code io.p4n4.agent.AgentStatusJson}) with the device's public
 * key as {@code devicePublicKey}, and a {@code signature} member
 * {@code {"alg":"Ed25519","key":"<key id>","value":"<base64>"}} over the UTF-8 bytes of the RFC 8785 (JCS)
 * form of everything else. Readers that do not check signatures read it as a plain status (unknown members are
 * ignored). Stateless and thread-safe.
 */
public final class SignedStatus {

    /** The member holding the device's public key (base64 X.509), covered by the signature. */
    public static final String PUBLIC_KEY = "devicePublicKey";
    /** The member holding the signature, not covered by it. */
    public static final String SIGNATURE = "signature";
    /** The only signature algorithm. */
    public static final String ED25519 = "Ed25519";

    private SignedStatus() {
    }

    /**
     * Returns a status document (a JSON object, as {@code AgentStatusJson.write} makes it) signed by the device,
     * as compact JSON in JCS form.
     *
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    public static String sign(String statusJson, DeviceIdentity identity) {
        JsonNode parsed;
        try {
            parsed = Jcs.parse(statusJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a status document must be JSON: " + e.getOriginalMessage(), e);
        }
        if (!(parsed instanceof ObjectNode document)) {
            throw new IllegalArgumentException("a status document must be a JSON object");
        }
        document.remove(SIGNATURE);
        document.put(PUBLIC_KEY, identity.publicKeyBase64());
        byte[] signature = identity.sign(signedBytes(document));
        document.putObject(SIGNATURE).put("alg", ED25519).put("key", identity.keyId())
                .put("value", Base64.getEncoder().encodeToString(signature));
        return Jcs.canonicalize(document);
    }

    /** The bytes a status signature covers: the JCS form of the document without its {@code signature}. */
    static byte[] signedBytes(JsonNode document) {
        ObjectNode copy = ((ObjectNode) document).deepCopy();
        copy.remove(SIGNATURE);
        return Jcs.canonicalize(copy).getBytes(StandardCharsets.UTF_8);
    }
}
