package io.p4n4.maven.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import org.junit.jupiter.api.Test;

class EngineChoiceTest {

    @Test
    void namesAreReadInAnyCase() {
        assertThat(EngineChoice.parse("Podman")).isEqualTo(EngineChoice.PODMAN);
        assertThat(EngineChoice.parse(" docker ").engineId()).contains("docker");
        assertThat(EngineChoice.parse("auto").engineId()).isEmpty();
    }

    @Test
    void anUnknownEngineIsRefusedNamingTheParameterAndTheChoices() {
        assertThatThrownBy(() -> EngineChoice.parse("lxc"))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessage("parameter engine is 'lxc'; set it to auto, docker or podman");
    }
}
