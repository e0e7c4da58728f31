package io.p4n4.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.testkit.Case;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@link RealEngine} on the real engines of scripts/engines.sh: each case class below is run through the
 * JUnit platform and its outcome read back.
 */
@Tag("engine")
class RealEngineExtensionTest {

    @BeforeEach
    void needsTheTestEngines() {
        TestEngines.requireEndpoint("P4N4_TEST_DOCKER_HOST");
        TestEngines.requireEndpoint("P4N4_TEST_PODMAN_HOST");
    }

    @Test
    void anInstanceFieldAndAParameterShareOneAnsweringEnginePerTestClosedAfterIt() {
        PerTest.seen.clear();

        EngineExecutionResults results = Case.RUN.run(PerTest.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0).aborted(0));
        assertThat(PerTest.seen).hasSize(2).doesNotHaveDuplicates().allSatisfy(engine -> {
            assertThat(engine.id()).isEqualTo("docker");
            assertThat(engine.endpoint())
                    .isEqualTo(URI.create(TestEndpoints.find("P4N4_TEST_DOCKER_HOST").orElseThrow()));
            assertThat(PingOnlyProvider.isClosed(engine)).as("closed after its test").isTrue();
        });
    }

    @Test
    void aStaticFieldHoldsOneEngineForTheClassClosedAfterIt() {
        PerClass.seen.clear();

        EngineExecutionResults results = Case.RUN.run(PerClass.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0).aborted(0));
        assertThat(PerClass.seen).hasSize(2).allSatisfy(engine -> assertThat(engine).isSameAs(PerClass.seen.get(0)));
        assertThat(PerClass.seen.get(0).id()).isEqualTo("podman");
        assertThat(PingOnlyProvider.isClosed(PerClass.seen.get(0))).as("closed after the class").isTrue();
    }

    @Case
    static class PerTest {
        static final List<ContainerEngine> seen = new CopyOnWriteArrayList<>();

        @RealEngine("docker")
        ContainerEngine engine;

        @Test
        void first(@RealEngine("docker") ContainerEngine parameter) {
            check(parameter);
        }

        @Test
        void second(@RealEngine("docker") ContainerEngine parameter) {
            check(parameter);
        }

        private void check(ContainerEngine parameter) {
            assertThat(parameter).isSameAs(engine);
            engine.ping();
            assertThat(PingOnlyProvider.isClosed(engine)).isFalse();
            seen.add(engine);
        }
    }

    @Case
    static class PerClass {
        static final List<ContainerEngine> seen = new CopyOnWriteArrayList<>();

        @RealEngine("podman")
        static ContainerEngine engine;

        @Test
        void first() {
            engine.ping();
            seen.add(engine);
        }

        @Test
        void second() {
            engine.ping();
            assertThat(PingOnlyProvider.isClosed(engine)).as("still open for the next test").isFalse();
            seen.add(engine);
        }
    }
}
