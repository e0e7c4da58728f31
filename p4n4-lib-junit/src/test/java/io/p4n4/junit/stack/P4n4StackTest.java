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
    void iotAndAiStacksOnDockerInjectWorkingClients() {
        inParallel().selectors(selectClass(DockerIot.class), selectClass(DockerAi.class))
                .execute().testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "P4N4_TEST_PODMAN_HOST", matches = ".+")
    void iotAndAiStacksOnPodmanInjectWorkingClients() {
        inParallel().selectors(selectClass(PodmanIot.class), selectClass(PodmanAi.class))
                .execute().testEvents().assertStatistics(s -> s.started(2).succeeded(2));
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

    @P4n4Stack(value = BundledStack.IOT, engine = EngineChoice.PODMAN, host = "${P4N4_TEST_PODMAN_HOST}")
    static class PodmanIot extends StackSamples.Iot {
    }

    @P4n4Stack(value = BundledStack.AI, engine = EngineChoice.PODMAN, host = "${P4N4_TEST_PODMAN_HOST}")
    static class PodmanAi extends StackSamples.Ai {
    }
}
