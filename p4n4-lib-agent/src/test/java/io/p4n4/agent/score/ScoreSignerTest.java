package io.p4n4.agent.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.score.InvalidScoreException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreSignerTest {

    private final ScoreCodec codec = ScoreCodec.lenient(ScoreTypeRegistry.defaults());
    private final KeyPair pair = ScoreSigner.generateKeyPair();
    private final ScoreSigner signer = ScoreSigner.of(codec, pair);
    private final TrustedKeySet trusted = TrustedKeySet.of(List.of(pair.getPublic()));
    private final PodmanV0Score score = PodmanV0Score.of(PodmanService.of("web", "nginx:1"));
    private final Instant now = Instant.parse("2026-12-03T15:00:00Z");

    private ScoreEnvelope envelope(long generation) {
        return ScoreEnvelope.of("desired-state", "dev-1", "web", generation, now, null,
                ScoreEnvelopeCodec.canonicalJson(codec.encode(score)));
    }

    private SignedScore read(String json) {
        return ScoreEnvelopeCodec.read(json).orElseThrow();
    }

    @Test
    void signedEnvelopeReadsBackAndVerifies() {
        String signed = signer.sign(envelope(7));
        SignedScore read = read(signed);

        assertThat(read.envelope()).isEqualTo(envelope(7));
        assertThat(read.signedText()).isEqualTo(ScoreEnvelopeCodec.signedText(envelope(7)));
        assertThat(read.signature().key()).isEqualTo(signer.keyId());
        assertThatCode(() -> trusted.verify(read)).doesNotThrowAnyException();
        assertThat(codec.decode(read.envelope().scoreJson()).canonical()).isEqualTo(codec.encode(score));
    }

    @Test
    void anyChangeToTheEnvelopeBreaksTheSignature() {
        String signed = signer.sign(envelope(7));
        for (String tampered : List.of(signed.replace("nginx:1", "evil:1"), signed.replace("\"generation\":7",
                "\"generation\":8"), signed.replace("dev-1.web", "dev-2.web"))) {
            assertThat(tampered).isNotEqualTo(signed);
            assertThatThrownBy(() -> trusted.verify(read(tampered)))
                    .isInstanceOf(InvalidScoreException.class).hasMessageContaining("does not match");
        }
    }

    @Test
    void unsignedAndUntrustedEnvelopesAreRejected() {
        String unsigned = ScoreEnvelopeCodec.write(envelope(1), null);
        assertThatThrownBy(() -> trusted.verify(read(unsigned)))
                .isInstanceOf(InvalidScoreException.class).hasMessageContaining("not signed");
        ScoreSigner stranger = ScoreSigner.of(codec, ScoreSigner.generateKeyPair());
        assertThatThrownBy(() -> trusted.verify(read(stranger.sign(envelope(1)))))
                .isInstanceOf(InvalidScoreException.class).hasMessageContaining("does not trust");
    }

    @Test
    void malformedEnvelopesNameTheMember() {
        String signed = signer.sign(envelope(3));
        assertThatThrownBy(() -> read(signed.replace("\"generation\":3", "\"generation\":0")))
                .hasMessageContaining("\"generation\" must be an integer");
        assertThatThrownBy(() -> read(signed.replace("\"format\":", "\"extra\":1,\"format\":")))
                .hasMessageContaining("unknown envelope member \"extra\"");
        assertThatThrownBy(() -> read(signed.replace("\"format\":", "\"key\":\"x.y\",\"format\":")))
                .hasMessageContaining("Duplicate field 'key'");
        assertThatThrownBy(() -> read(signed.replace("\"issuedAt\":\"2026-12-03T15:00:00Z\"", "\"issuedAt\":\"today\"")))
                .hasMessageContaining("\"issuedAt\" must be an RFC 3339 UTC time");
        assertThat(ScoreEnvelopeCodec.read(codec.encode(score))).isEmpty();
    }

    @Test
    void keysRoundTripThroughTheirTextForms() {
        ScoreSigner reloaded = ScoreSigner.parse(codec, ScoreSigner.encodePrivateKey(pair.getPrivate()));
        TrustedKeySet parsed = TrustedKeySet.parse(List.of(TrustedKeySet.encode(pair.getPublic())));

        assertThat(reloaded.keyId()).isEqualTo(signer.keyId());
        assertThat(parsed.ids()).containsExactly(signer.keyId());
        assertThatCode(() -> parsed.verify(read(reloaded.sign(envelope(1))))).doesNotThrowAnyException();
        assertThat(reloaded.toString()).doesNotContain(ScoreSigner.encodePrivateKey(pair.getPrivate()));
    }

    /**
     * The example of docs/scores.md, byte for byte: signed with the RFC 8032 TEST 1 key (Ed25519 is
     * deterministic), so a signer in another language can check its output against it.
     */
    @Test
    void documentedExampleIsExactlyWhatIsSigned() throws Exception {
        PrivateKey rfcKey = KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(
                NamedParameterSpec.ED25519,
                HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")));
        ScoreSigner rfcSigner = ScoreSigner.parse(codec, ScoreSigner.encodePrivateKey(rfcKey));
        ScoreEnvelope example = ScoreEnvelope.of("desired-state", "pi-1", "web", 7, now,
                Instant.parse("2026-12-10T15:00:00Z"), "{\"type\":\"PodmanV0\",\"data\":{\"services\":"
                        + "[{\"name\":\"web\",\"image\":\"nginx:1.27\"}]}}");

        assertThat(ScoreEnvelopeCodec.signedText(example)).isEqualTo("{\"bucket\":\"desired-state\","
                + "\"expiresAt\":\"2026-12-10T15:00:00Z\",\"format\":\"p4n4-score-envelope/1\",\"generation\":7,"
                + "\"issuedAt\":\"2026-12-03T15:00:00Z\",\"key\":\"pi-1.web\",\"score\":{\"data\":{\"services\":"
                + "[{\"image\":\"nginx:1.27\",\"name\":\"web\"}]},\"type\":\"PodmanV0\"}}");
        String wire = rfcSigner.sign(example);
        System.out.println("documented example: keyId=" + rfcSigner.keyId() + " wire=" + wire);
        assertThat(wire).startsWith("{\"envelope\":" + ScoreEnvelopeCodec.signedText(example)
                + ",\"signature\":{\"alg\":\"Ed25519\",\"key\":\"" + rfcSigner.keyId() + "\",\"value\":\"");
        assertThatCode(() -> TrustedKeySet.parse(List.of(DOC_PUBLIC_KEY)).verify(read(wire)))
                .doesNotThrowAnyException();
    }

    /** RFC 8032 TEST 1's public key d75a9801...511a as base64 X.509 (what an agent lists as trusted). */
    private static final String DOC_PUBLIC_KEY = "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";

    @Test
    void garbageKeysAreValidationErrors() {
        assertThatThrownBy(() -> TrustedKeySet.parse(List.of("not-a-key")))
                .hasMessageContaining("trusted key #1");
        assertThatThrownBy(() -> ScoreSigner.parse(codec, "AAAA")).hasMessageContaining("PKCS#8");
    }
}
