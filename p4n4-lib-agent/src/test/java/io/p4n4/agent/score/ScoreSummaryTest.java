package io.p4n4.agent.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.score.StoredScore;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a stored entry is, as {@code score list} and the server show it: plain, signed, or not a Score. */
class ScoreSummaryTest {
    private final ScoreCodec codec = ScoreCodec.lenient(ScoreTypeRegistry.defaults());
    private final ScoreSigner signer = ScoreSigner.of(codec, ScoreSigner.generateKeyPair());
    private final PodmanV0Score score = PodmanV0Score.of(PodmanService.of("web", "nginx:1"));

    @Test
    void aPlainScoreShowsItsTypeAndHashAndNoSigner() {
        ScoreSummary s = ScoreSummary.of(new StoredScore("dev-1", "web", codec.encode(score), 4), codec);
        assertThat(s.type()).isEqualTo("PodmanV0");
        assertThat(s.valid()).isTrue();
        assertThat(s.hash()).isEqualTo(codec.decode(codec.encode(score)).hash());
        assertThat(s.signedBy()).isNull();
        assertThat(s.generation()).isNull();
        assertThat(s.revision()).isEqualTo(4);
    }

    @Test
    void aSignedEnvelopeShowsItsSignerAndGeneration() {
        String signed = signer.sign(ScoreEnvelope.of("desired-state", "dev-1", "web", 7,
                Instant.parse("2026-12-05T07:00:00Z"), null, ScoreEnvelopeCodec.canonicalJson(codec.encode(score))));
        ScoreSummary s = ScoreSummary.of(new StoredScore("dev-1", "web", signed, 9), codec);
        assertThat(s.type()).isEqualTo("PodmanV0");
        assertThat(s.signedBy()).isEqualTo(signer.keyId());
        assertThat(s.generation()).isEqualTo(7);
        assertThat(s.hash()).isEqualTo(codec.decode(codec.encode(score)).hash());
    }

    @Test
    void anEntryThatIsNotAScoreIsInvalidWithoutHashOrSigner() {
        ScoreSummary s = ScoreSummary.of(new StoredScore("dev-1", "web", "{\"type\":\"NoSuchType\"}", 2), codec);
        assertThat(s.type()).isEqualTo(ScoreSummary.INVALID);
        assertThat(s.valid()).isFalse();
        assertThat(s.hash()).isNull();
        assertThat(s.signedBy()).isNull();
    }
}
