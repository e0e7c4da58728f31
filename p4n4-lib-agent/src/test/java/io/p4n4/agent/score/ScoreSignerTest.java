package io.p4n4.agent.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.score.InvalidScoreException;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreSignerTest {

    private final ScoreCodec codec = ScoreCodec.lenient(ScoreTypeRegistry.defaults());
    private final KeyPair pair = ScoreSigner.generateKeyPair();
    private final ScoreSigner signer = ScoreSigner.of(codec, pair);
    private final TrustedKeySet trusted = TrustedKeySet.of(List.of(pair.getPublic()));
    private final PodmanV0Score score = PodmanV0Score.of(PodmanService.of("web", "nginx:1"));

    @Test
    void signedScoreVerifiesAndKeepsTheSameCanonicalForm() {
        String signed = signer.sign(score);
        DecodedScore decoded = codec.decode(signed);

        assertThat(signed).startsWith(codec.encode(score).substring(0, codec.encode(score).length() - 1))
                .contains("\"signature\":{\"alg\":\"Ed25519\",\"key\":\"" + signer.keyId() + "\"");
        assertThat(decoded.canonical()).isEqualTo(codec.encode(score));
        assertThatCode(() -> trusted.verify(decoded)).doesNotThrowAnyException();
    }

    @Test
    void tamperedScoreIsRejected() {
        String tampered = signer.sign(score).replace("nginx:1", "evil:1");
        assertThatThrownBy(() -> trusted.verify(codec.decode(tampered)))
                .isInstanceOf(InvalidScoreException.class).hasMessageContaining("does not match");
    }

    @Test
    void unsignedAndUntrustedScoresAreRejected() {
        assertThatThrownBy(() -> trusted.verify(codec.decode(codec.encode(score))))
                .isInstanceOf(InvalidScoreException.class).hasMessageContaining("not signed");
        ScoreSigner stranger = ScoreSigner.of(codec, ScoreSigner.generateKeyPair());
        assertThatThrownBy(() -> trusted.verify(codec.decode(stranger.sign(score))))
                .isInstanceOf(InvalidScoreException.class).hasMessageContaining("does not trust");
    }

    @Test
    void keysRoundTripThroughTheirTextForms() {
        ScoreSigner reloaded = ScoreSigner.parse(codec, ScoreSigner.encodePrivateKey(pair.getPrivate()));
        TrustedKeySet parsed = TrustedKeySet.parse(List.of(TrustedKeySet.encode(pair.getPublic())));

        assertThat(reloaded.keyId()).isEqualTo(signer.keyId());
        assertThat(parsed.ids()).containsExactly(signer.keyId());
        assertThatCode(() -> parsed.verify(codec.decode(reloaded.sign(score)))).doesNotThrowAnyException();
        assertThat(reloaded.toString()).doesNotContain(ScoreSigner.encodePrivateKey(pair.getPrivate()));
    }

    @Test
    void garbageKeysAreValidationErrors() {
        assertThatThrownBy(() -> TrustedKeySet.parse(List.of("not-a-key")))
                .hasMessageContaining("trusted key #1");
        assertThatThrownBy(() -> ScoreSigner.parse(codec, "AAAA")).hasMessageContaining("PKCS#8");
    }
}
