package io.p4n4.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.spi.ScoreInterpreter;
import io.p4n4.api.spi.ScoreInterpreterProvider;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.RecordingScoreInterpreter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreInterpretersTest {
    private static final ScoreInterpreterProvider.Context NO_ENGINE =
            new ScoreInterpreterProvider.Context("pi-1", null, Duration.ofSeconds(5));

    private static ScoreInterpreterProvider provider(String id, List<ScoreInterpreter<?>> interpreters) {
        return new ScoreInterpreterProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<ScoreInterpreter<?>> create(Context context) {
                return interpreters;
            }
        };
    }

    @Test
    void collectsWhatEveryProviderCreates() {
        ScoreInterpreter<PodmanV0Score> recording = RecordingScoreInterpreter.of(PodmanV0Score.TYPE);

        assertThat(ScoreInterpreters.create(List.of(provider("empty", List.of()), provider("rec", List.of(recording))),
                NO_ENGINE)).containsExactly(recording);
    }

    @Test
    void noInterpreterAtAllIsAUserErrorNamingTheProvidersAndTheFix() {
        assertThatThrownBy(() -> ScoreInterpreters.create(List.of(provider("podman-v0", List.of())), NO_ENGINE))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("device pi-1 without a container engine")
                .hasMessageContaining("[podman-v0]").hasMessageContaining("p4n4-lib-podman or p4n4-lib-docker");
    }

    @Test
    void theAgentShipsThePodmanV0ProviderWhichNeedsAnEngine() {
        // the PodmanV0 provider comes with p4n4-lib-agent; without an engine it has nothing to offer
        assertThatThrownBy(() -> ScoreInterpreters.discover(NO_ENGINE))
                .hasMessageContaining("without a container engine").hasMessageContaining("providers found: [podman-v0]");
    }
}
