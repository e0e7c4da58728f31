package com.example.agentpodman;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.agent.score.DecodedScore;
import io.p4n4.agent.score.PodmanService;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.ScoreCodec;
import io.p4n4.agent.score.ScoreTypeRegistry;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.api.spi.ContainerEngineProvider;
import io.p4n4.api.spi.ScoreInterpreterProvider;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encodes and decodes a PodmanV0 Score and finds the Podman backend with only p4n4-lib-agent + p4n4-lib-podman. */
class PodmanScoreTest {

    @Test
    void aPodmanV0ScoreSurvivesEncodeAndDecode() {
        PodmanV0Score score = PodmanV0Score.of(PodmanService.of("web", "nginx:1.27")
                .withPorts("8080:80").withEnv(Map.of("MODE", "edge")));
        ScoreCodec codec = ScoreCodec.strict(ScoreTypeRegistry.defaults());

        String wire = codec.encode(score);
        DecodedScore decoded = codec.decode(wire);

        assertThat(wire).startsWith("{\"type\":\"PodmanV0\",\"data\":{");
        assertThat(decoded.score()).isEqualTo(score);
        assertThat(decoded.canonical()).isEqualTo(wire);
        assertThat(decoded.hash()).hasSize(64);
    }

    @Test
    void theServiceLoaderFindsThePodmanBackendAndThePodmanV0Interpreter() {
        assertThat(ServiceLoader.load(ContainerEngineProvider.class)).extracting(ContainerEngineProvider::id)
                .containsExactly("podman");
        assertThat(ServiceLoader.load(ScoreInterpreterProvider.class)).extracting(ScoreInterpreterProvider::id)
                .containsExactly("podman-v0");
    }

    @Test
    void thePodmanBackendReportsASocketWhereNothingListensAsUnavailable(@TempDir Path dir) {
        ContainerEngineProvider podman = ServiceLoader.load(ContainerEngineProvider.class).findFirst().orElseThrow();

        assertThat(podman.probe(EngineConfig.parse("unix://" + dir.resolve("no-such-podman.sock"))).available())
                .isFalse();
    }
}
