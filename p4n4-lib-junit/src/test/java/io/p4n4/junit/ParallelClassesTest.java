package io.p4n4.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Three classes on the same compose file, run by the JUnit Platform with parallel execution on: each class's test
 * waits at a barrier for the other two, so they pass only when all three projects run at the same time, and each
 * reaches its own web server on the port its engine chose. Sequential execution would time out at the barrier.
 */
@Tag("engine")
class ParallelClassesTest {
    private static final int CLASSES = 3;
    static final Map<String, String> PROJECTS = new ConcurrentHashMap<>();
    static final Map<String, Integer> PORTS = new ConcurrentHashMap<>();
    static volatile CyclicBarrier together = new CyclicBarrier(CLASSES);

    @Test
    @EnabledIfEnvironmentVariable(named = "P4N4_TEST_DOCKER_HOST", matches = ".+")
    void classesOnDockerRunTheSameFileAtOnceUnderTheirOwnProjects() {
        runInParallel(DockerA.class, DockerB.class, DockerC.class);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "P4N4_TEST_PODMAN_HOST", matches = ".+")
    void classesOnPodmanRunTheSameFileAtOnceUnderTheirOwnProjects() {
        runInParallel(PodmanA.class, PodmanB.class, PodmanC.class);
    }

    private static void runInParallel(Class<?>... classes) {
        PROJECTS.clear();
        PORTS.clear();
        together = new CyclicBarrier(CLASSES);
        EngineTestKit.Builder kit = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "3");
        for (Class<?> c : classes) {
            kit.selectors(selectClass(c));
        }
        Events tests = kit.execute().testEvents();

        tests.assertStatistics(s -> s.started(CLASSES).succeeded(CLASSES).failed(0));
        assertThat(PROJECTS).hasSize(CLASSES);
        assertThat(PROJECTS.values()).doesNotHaveDuplicates().allMatch(p -> p.matches("web-yml-[0-9a-f]{8}"));
        assertThat(PORTS.values()).doesNotHaveDuplicates();
    }

    /** The body every sample class runs: reach its own server, then wait until all classes are up together. */
    abstract static class Sample {
        @Test
        void reachesItsOwnServerWhileTheOthersRun(ComposeEnvironment env) throws Exception {
            int port = env.port("web", 80);
            URI uri = URI.create("http://" + env.host("web", 80) + ":" + port + "/");
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(body).isEqualTo("hello-p4n4\n");
            PROJECTS.put(getClass().getSimpleName(), env.projectName());
            PORTS.put(getClass().getSimpleName(), port);
            try {
                together.await(90, TimeUnit.SECONDS);
            } catch (TimeoutException | BrokenBarrierException e) {
                throw new AssertionError("the classes did not run at the same time", e);
            }
        }
    }

    @P4n4Compose(value = "src/test/resources/compose/web.yml", engine = EngineChoice.DOCKER,
            host = "${P4N4_TEST_DOCKER_HOST}", services = "web")
    static class DockerA extends Sample {
    }

    @P4n4Compose(value = "src/test/resources/compose/web.yml", engine = EngineChoice.DOCKER,
            host = "${P4N4_TEST_DOCKER_HOST}", services = "web")
    static class DockerB extends Sample {
    }

    @P4n4Compose(value = "src/test/resources/compose/web.yml", engine = EngineChoice.DOCKER,
            host = "${P4N4_TEST_DOCKER_HOST}", services = "web")
    static class DockerC extends Sample {
    }

    @P4n4Compose(value = "src/test/resources/compose/web.yml", engine = EngineChoice.PODMAN,
            host = "${P4N4_TEST_PODMAN_HOST}", services = "web")
    static class PodmanA extends Sample {
    }

    @P4n4Compose(value = "src/test/resources/compose/web.yml", engine = EngineChoice.PODMAN,
            host = "${P4N4_TEST_PODMAN_HOST}", services = "web")
    static class PodmanB extends Sample {
    }

    @P4n4Compose(value = "src/test/resources/compose/web.yml", engine = EngineChoice.PODMAN,
            host = "${P4N4_TEST_PODMAN_HOST}", services = "web")
    static class PodmanC extends Sample {
    }
}
