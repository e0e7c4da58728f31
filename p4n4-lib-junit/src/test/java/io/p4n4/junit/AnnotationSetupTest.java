package io.p4n4.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How {@link P4n4Compose}'s attributes become a {@link ComposeSetup}; no engine needed. */
class AnnotationSetupTest {

    @P4n4Compose("web.yml")
    static final class Defaults {
    }

    @P4n4Compose(value = "web.yml", waitForEngineHealth = true)
    static final class EngineVerdict {
    }

    @Test
    void aClassAcceptsTheFirstPassingHealthcheckUnlessItAsksForTheEnginesVerdict() {
        assertThat(setupOf(Defaults.class).waitForEngineHealth()).isFalse();
        assertThat(setupOf(EngineVerdict.class).waitForEngineHealth()).isTrue();
    }

    private static ComposeSetup setupOf(Class<?> type) {
        return P4n4ComposeExtension.setup(type, type.getAnnotation(P4n4Compose.class));
    }
}
