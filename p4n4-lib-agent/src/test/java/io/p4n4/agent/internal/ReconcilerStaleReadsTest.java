package io.p4n4.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.agent.score.PodmanService;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.RecordingScoreInterpreter;
import io.p4n4.agent.score.ScoreCodec;
import io.p4n4.agent.score.ScoreTypeRegistry;
import io.p4n4.agent.score.TrustedKeySet;
import io.p4n4.api.score.DesiredStateEvent;
import io.p4n4.api.score.StoredScore;
import io.p4n4.api.score.Topology;
import io.p4n4.api.spi.ScoreInterpreter;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Events and listings older than what the reconciler acted on, as a JetStream cluster produces them after a
 * member dies: a watch re-created from an older revision replays puts, and a member still catching up
 * answers reads with older values. Neither may start a Score a second time or roll one back.
 */
class ReconcilerStaleReadsTest {

    private static final ScoreCodec CODEC = ScoreCodec.lenient(ScoreTypeRegistry.defaults());

    private final RecordingScoreInterpreter<PodmanV0Score> interpreter = RecordingScoreInterpreter.of(PodmanV0Score.TYPE);
    private final Reconciler reconciler = new Reconciler(Topology.ofThisMachine("dev-1", "none"), CODEC,
            TrustedKeySet.of(List.of()), "desired-state", Clock.systemUTC(), null, java.time.Duration.ofMinutes(5),
            List.<ScoreInterpreter<?>>of(interpreter),
            new AgentEvents("dev-1", Clock.systemUTC(), io.p4n4.agent.events.AgentEventListener.NONE));

    private static String web(String image) {
        return CODEC.encode(PodmanV0Score.of(PodmanService.of("web", image)));
    }

    private static DesiredStateEvent put(String value, long revision) {
        return new DesiredStateEvent(DesiredStateEvent.Operation.PUT, "dev-1", "web", value, revision);
    }

    @Test
    void aReplayedPutOfADeploymentTheRelistRemovedIsNotAppliedAgain() {
        reconciler.onEvent(put(web("nginx:1"), 3));
        reconciler.relist(List.of()); // deleted meanwhile (at revision 5, say): the listing no longer has it
        reconciler.onEvent(put(web("nginx:0"), 2)); // the re-created watch replays what came before
        reconciler.onEvent(put(web("nginx:1"), 3));

        assertThat(interpreter.applyCount()).isEqualTo(1);
        assertThat(interpreter.deployed()).isEmpty();

        reconciler.onEvent(put(web("nginx:2"), 6)); // created again after the delete: a real change
        assertThat(interpreter.scoreOf("web")).isEqualTo(PodmanV0Score.of(PodmanService.of("web", "nginx:2")));
    }

    @Test
    void aListingFromAMemberBehindTheWatchDoesNotRollBack() {
        reconciler.onEvent(put(web("nginx:2"), 7));
        reconciler.relist(List.of(new StoredScore("dev-1", "web", web("nginx:1"), 4)));

        assertThat(interpreter.scoreOf("web")).isEqualTo(PodmanV0Score.of(PodmanService.of("web", "nginx:2")));
        assertThat(interpreter.applyCount()).isEqualTo(1);
    }
}
