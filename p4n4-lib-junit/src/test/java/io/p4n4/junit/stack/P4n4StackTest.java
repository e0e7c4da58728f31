package io.p4n4.junit.stack;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.p4n4.junit.EngineChoice;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code @P4n4Stack} scaffolds the bundled iot and ai stacks, brings them up on the stand-in images of
 * scripts/engines.sh and injects clients that make a call each stand-in answers. Run through the JUnit
 * Platform so both engines' classes report here.
 */
@Tag("engine")
class P4n4StackTest {

    @Test
    @EnabledIfEnvironmentVariable(named = "P4N4_TEST_DOCKER_HOST", matches = ".+")
    void iotAiAndEdgeStacksOnDockerInjectWorkingClients() {
        inParallel().selectors(selectClass(DockerIot.class), selectClass(DockerAi.class), selectClass(DockerEdge.class))
                .execute().testEvents().assertStatistics(s -> s.started(3).succeeded(3));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "P4N4_TEST_PODMAN_HOST", matches = ".+")
    void iotAiAndEdgeStacksOnPodmanInjectWorkingClients() {
        inParallel().selectors(selectClass(PodmanIot.class), selectClass(PodmanAi.class), selectClass(PodmanEdge.class))
                .execute().testEvents().assertStatistics(s -> s.started(3).succeeded(3));
    }

    /** The two stacks of an engine start side by side: what they cost is mostly waiting for healthchecks. */
    private static EngineTestKit.Builder inParallel() {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent");
    }

    @P4n4Stack(value = BundledStack.IOT, engine = EngineChoice.DOCKER, host = "${P4N4_TEST_DOCKER_HOST}")
    static class DockerIot extends StackSamples.Iot {
    }

    @P4n4Stack(value = BundledStack.AI, engine = EngineChoice.DOCKER, host = "${P4N4_TEST_DOCKER_HOST}")
    static class DockerAi extends StackSamples.Ai {
    }

    @P4n4Stack(value = BundledStack.EDGE, engine = EngineChoice.DOCKER, host = "${P4N4_TEST_DOCKER_HOST}")
    static class DockerEdge extends StackSamples.Edge {
    }

    @P4n4Stack(value = BundledStack.EDGE, engine = EngineChoice.PODMAN, host = "${P4N4_TEST_PODMAN_HOST}")
    static class PodmanEdge extends StackSamples.Edge {
    }

    @P4n4Stack(value = BundledStack.IOT, engine = EngineChoice.PODMAN, host = "${P4N4_TEST_PODMAN_HOST}")
    static class PodmanIot extends StackSamples.Iot {
    }

    @P4n4Stack(value = BundledStack.AI, engine = EngineChoice.PODMAN, host = "${P4N4_TEST_PODMAN_HOST}")
    static class PodmanAi extends StackSamples.Ai {
    }
}
