package io.p4n4.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.score.RevisionConflictException;
import io.p4n4.agent.score.IncompletePublishException;
import io.p4n4.agent.score.PodmanService;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.ScoreCodec;
import io.p4n4.agent.score.ScoreEnvelopeCodec;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.agent.score.ScoreSigner;
import io.p4n4.agent.score.ScoreTypeRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A signing publisher that loses the compare-and-set re-reads, takes the new generation + 1, and gives up after 3. */
class SignedPublishConflictTest {

    private final ScoreCodec codec = ScoreCodec.strict(ScoreTypeRegistry.defaults());
    private final ScoreSigner signer = ScoreSigner.of(codec, ScoreSigner.generateKeyPair());

    /** Another publisher writes the key (the next generation) just before each of our first {@code wins} writes. */
    private static final class RacingStore extends InMemoryDesiredStateStore {
        private final ScorePublisher rival;
        private int wins;

        RacingStore(ScoreCodec codec, ScoreSigner signer, int wins) {
            this.rival = ScorePublisher.create(this, codec, signer);
            this.wins = wins;
        }

        @Override
        public long compareAndSet(String device, String deployment, String value, long expectedRevision) {
            if (wins > 0 && !value.contains("rival")) {
                wins--;
                rival.publish(List.of(device), deployment, PodmanV0Score.of(PodmanService.of("web", "rival:" + wins)));
            }
            return super.compareAndSet(device, deployment, value, expectedRevision);
        }
    }

    @Test
    void twoLostRacesAreRetriedWithTheGenerationAfterTheWinners() {
        RacingStore store = new RacingStore(codec, signer, 2);
        ScorePublisher.Result result = ScorePublisher.create(store, codec, signer)
                .publish(List.of("dev1"), "app", PodmanV0Score.of(PodmanService.of("web", "nginx:1"))).get(0);

        assertThat(result.generation()).isEqualTo(3); // the rival wrote 1 and 2
        String stored = store.find("dev1", "app").orElseThrow().value();
        assertThat(stored).contains("nginx:1");
        assertThat(ScoreEnvelopeCodec.read(stored).orElseThrow().envelope().generation()).isEqualTo(3);
    }

    @Test
    void threeLostRacesFailNamingTheKey() {
        RacingStore store = new RacingStore(codec, signer, 3);
        assertThatThrownBy(() -> ScorePublisher.create(store, codec, signer)
                .publish(List.of("dev1"), "app", PodmanV0Score.of(PodmanService.of("web", "nginx:1"))))
                .isInstanceOfSatisfying(IncompletePublishException.class, e -> {
                    assertThat(e.getCause()).isInstanceOf(RevisionConflictException.class);
                    assertThat(e.results()).singleElement().satisfies(r -> {
                        assertThat(r.change()).isEqualTo(ScorePublisher.Change.FAILED);
                        assertThat(r.error()).contains("key 'dev1.app' changed since revision");
                    });
                })
                .hasMessageContaining("key 'dev1.app' changed since revision")
                .hasMessageContaining("publish again");
    }
}
