package io.p4n4.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.testkit.Case;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.TestAbortedException;

/** {@link RealEngine} when no engine is there: the test is skipped, never run, never failed. */
class RealEngineSkipTest {
    private static final String DEAD = "P4N4_TESTKIT_DEAD_HOST";
    private static final String UNSET = "P4N4_TESTKIT_UNSET_HOST";

    @BeforeEach
    void pointAtADeadEndpoint() {
        System.setProperty(DEAD, "unix:///tmp/p4n4-testkit-" + UUID.randomUUID() + ".sock");
        DeadField.ran.set(false);
    }

    @AfterEach
    void forgetIt() {
        System.clearProperty(DEAD);
    }

    @Test
    void aDeadEndpointSkipsTheTestSayingHowToStartTheEngines() {
        EngineExecutionResults results = Case.RUN.run(DeadField.class);

        results.testEvents().assertStatistics(s -> s.started(1).aborted(1).failed(0).succeeded(0));
        assertThat(abortMessage(results)).contains(System.getProperty(DEAD)).contains("does not answer")
                .contains("run scripts/engines.sh start");
        assertThat(DeadField.ran).as("the test body").isFalse();
    }

    @Test
    void aDeadEndpointForAStaticFieldSkipsTheWholeClass() {
        EngineExecutionResults results = Case.RUN.run(DeadStaticField.class);

        results.testEvents().assertStatistics(s -> s.started(0).failed(0));
        results.containerEvents().assertStatistics(s -> s.aborted(1).failed(0));
        assertThat(results.containerEvents().aborted().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable()
                .orElseThrow()).isInstanceOf(TestAbortedException.class).hasMessageContaining("does not answer");
    }

    @Test
    void aParameterOnADeadEndpointSkipsTheTest() {
        EngineExecutionResults results = Case.RUN.run(DeadParameter.class);

        results.testEvents().assertStatistics(s -> s.started(1).aborted(1).failed(0));
        assertThat(abortMessage(results)).contains("does not answer");
    }

    @Test
    void anUnsetEndpointSkipsTheTestNamingTheVariable() {
        EngineExecutionResults results = Case.RUN.run(UnsetField.class);

        results.testEvents().assertStatistics(s -> s.started(1).aborted(1).failed(0));
        assertThat(abortMessage(results)).contains(UNSET + " is not set").contains("run scripts/engines.sh start");
    }

    @Test
    void aBackendMissingFromTheClassPathFailsNamingTheArtifactToAdd() {
        EngineExecutionResults results = Case.RUN.run(UnknownBackend.class);

        results.testEvents().assertStatistics(s -> s.started(1).failed(1).aborted(0));
        Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable()
                .orElseThrow();
        assertThat(failure).hasMessageContaining("no ContainerEngineProvider with id 'lxd'")
                .hasMessageContaining("io.p4n4:p4n4-lib-lxd");
    }

    private static String abortMessage(EngineExecutionResults results) {
        Event aborted = results.testEvents().aborted().stream().findFirst().orElseThrow();
        Throwable reason = aborted.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertThat(reason).isInstanceOf(TestAbortedException.class);
        return reason.getMessage();
    }

    @Case
    static class DeadField {
        static final AtomicBoolean ran = new AtomicBoolean();

        @RealEngine(value = "docker", endpointVariable = DEAD)
        ContainerEngine engine;

        @Test
        void neverRuns() {
            ran.set(true);
        }
    }

    @Case
    static class DeadStaticField {
        @RealEngine(value = "podman", endpointVariable = DEAD)
        static ContainerEngine engine;

        @Test
        void neverRuns() {
            engine.ping();
        }
    }

    @Case
    static class DeadParameter {
        @Test
        void neverRuns(@RealEngine(value = "docker", endpointVariable = DEAD) ContainerEngine engine) {
            engine.ping();
        }
    }

    @Case
    static class UnsetField {
        @RealEngine(value = "docker", endpointVariable = UNSET)
        ContainerEngine engine;

        @Test
        void neverRuns() {
            engine.ping();
        }
    }

    @Case
    static class UnknownBackend {
        @RealEngine(value = "lxd", endpointVariable = DEAD)
        ContainerEngine engine;

        @Test
        void neverRuns() {
            engine.ping();
        }
    }
}
