package io.p4n4.agent.score.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 8032 section 7.1 TEST 1-3 (test resource {@code vectors/rfc8032-ed25519.txt}). */
class Ed25519PublicKeysTest {

    static List<String[]> vectors() throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : JcsTest.resource("rfc8032-ed25519.txt").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(line.trim().split(" "));
            }
        }
        assertThat(out).hasSize(3);
        return out;
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void derivesThePublishedPublicKeyAndTheJdkSignsThePublishedSignature(String secret, String publicKey,
            String message, String signature) throws Exception {
        byte[] seed = HexFormat.of().parseHex(secret);
        assertThat(HexFormat.of().formatHex(Ed25519PublicKeys.fromSeed(seed))).isEqualTo(publicKey);

        PrivateKey key = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        signer.update(JcsTest.hex(message));
        assertThat(HexFormat.of().formatHex(signer.sign())).isEqualTo(signature);
    }
}
