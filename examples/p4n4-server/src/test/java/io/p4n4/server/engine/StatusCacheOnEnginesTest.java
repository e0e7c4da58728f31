package io.p4n4.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.EngineCapability;
import io.p4n4.api.engine.HealthStatus;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.exec.ComposeLabels;
import io.p4n4.compose.exec.DownOptions;
import io.p4n4.compose.exec.ServiceStatus;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.core.P4n4;
import io.p4n4.core.platform.Platform;
import io.p4n4.core.project.InitOptions;
import io.p4n4.core.project.Project;
import io.p4n4.testkit.await.Waits;
import io.p4n4.testkit.engine.TestEngines;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The status cache on the real engines (scripts/engines.sh start): a two-service busybox iot stack under a random
 * compose project name, one service with a 1 s healthcheck. The cache follows up, health and down through the
 * engine's events alone: the test never asks it to refresh.
 */
@Tag("engine")
class StatusCacheOnEnginesTest {
    private static final StackId IOT = StackId.IOT;

    @TempDir
    Path tmp;
    private ContainerEngine engine;
    private Platform platform;
    private StatusCache cache;
    private String composeProject;

    private void start(String engineId) throws Exception {
        engine = TestEngines.connectAt(engineId, TestEngines.requireEndpoint(TestEngines.endpointVariable(engineId)));
        TestEngines.assumeImage(engine, TestEngines.TEST_IMAGE);
        Project project = P4n4.projects().init(InitOptions.of(tmp.resolve("site"), List.of(IOT)));
        composeProject = "p4n4-srv-" + UUID.randomUUID().toString().substring(0, 8);
        // the bundled iot file joins p4n4-net and publishes fixed ports; this one stands alone and publishes none
        Files.writeString(project.composeFile(IOT), """
                name: %s
                services:
                  web:
                    image: %s
                    command: ["sleep", "3600"]
                    healthcheck:
                      test: ["CMD", "true"]
                      interval: 1s
                      timeout: 1s
                      retries: 3
                    stop_grace_period: 1s
                  worker:
                    image: %s
                    command: ["sleep", "3600"]
                    stop_grace_period: 1s
                """.formatted(composeProject, TestEngines.TEST_IMAGE, TestEngines.TEST_IMAGE));
        platform = Platform.create(engine, project);
    }

    @AfterEach
    void removeTheStack() {
        if (cache != null) {
            cache.close();
        }
        if (platform != null) {
            platform.down(List.of(IOT), DownOptions.defaults().withVolumes(true));
            assertThat(engine.listContainers(ContainerFilter.all(LabelFilter.of(ComposeLabels.PROJECT,
                    composeProject)))).isEmpty();
        }
        if (engine != null) {
            engine.close();
        }
    }

    private static boolean runningAndHealthy(StatusSnapshot s) {
        List<ServiceStatus> iot = s.services(IOT);
        return iot.size() == 2 && iot.stream().allMatch(c -> c.state() == ContainerState.RUNNING)
                && iot.stream().anyMatch(c -> c.service().equals("web") && c.health() == HealthStatus.HEALTHY)
                && iot.stream().anyMatch(c -> c.service().equals("worker") && c.health() == HealthStatus.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void upHealthAndDownReachTheCacheAndItsListenersThroughEventsAlone(String engineId) throws Exception {
        start(engineId);
        cache = StatusCache.start(platform);
        assertThat(cache.current().services(IOT)).isEmpty();
        assertThat(cache.current().stacks()).containsOnlyKeys(IOT);
        assertThat(cache.current().engineId()).isEqualTo(engineId);
        List<StatusSnapshot> heard = new CopyOnWriteArrayList<>();
        List<StatusSnapshot> broken = new CopyOnWriteArrayList<>();
        cache.listen(s -> {
            broken.add(s);
            throw new IllegalStateException("a listener bug");
        });
        cache.listen(heard::add);
        assertThat(heard).containsExactly(cache.current());

        platform.up(List.of(IOT), UpOptions.builder().waitReady(true).timeout(Duration.ofSeconds(60)).build());

        // the last events (health) reach the cache on the engine's event thread, a moment after up returns
        Waits.within(Duration.ofSeconds(5)).alias("the cache to show both running, web healthy")
                .until(() -> runningAndHealthy(cache.current()));
        assertThat(heard).anySatisfy(s -> assertThat(runningAndHealthy(s)).isTrue());
        assertThat(heard).extracting(StatusSnapshot::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(broken).hasSize(1); // dropped after it threw, without stopping the other listener

        long quiet = cache.current().sequence();
        Thread.sleep(1500); // a stable stack: events may come (Podman's check runs) but nothing new is published
        assertThat(cache.current().sequence()).isEqualTo(quiet);

        platform.down(List.of(IOT), DownOptions.defaults().withVolumes(true));
        Waits.within(Duration.ofSeconds(1)).alias("the cache to show the stack empty")
                .until(() -> cache.current().services(IOT).isEmpty());
        assertThat(heard.get(heard.size() - 1).services(IOT)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void healthTurnsHealthyInTheCacheWhenUpDoesNotWaitForIt(String engineId) throws Exception {
        start(engineId);
        cache = StatusCache.start(platform);

        platform.up(List.of(IOT), UpOptions.builder().waitReady(false).build());

        Waits.within(Duration.ofSeconds(15)).alias("web to turn healthy in the cache")
                .until(() -> runningAndHealthy(cache.current()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void anEngineWithoutEventsIsRefusedNamingItAndWhatToDo(String engineId) throws Exception {
        start(engineId);
        Platform withoutEvents = Platform.create(withoutEvents(engine), platform.project());

        assertThatThrownBy(() -> StatusCache.start(withoutEvents)).isInstanceOfSatisfying(P4n4Exception.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ENGINE))
                .hasMessageContaining(engineId).hasMessageContaining("EVENTS").hasMessageContaining("Docker or Podman");
    }

    /** The real engine, minus the EVENTS capability. */
    private static ContainerEngine withoutEvents(ContainerEngine real) {
        Set<EngineCapability> fewer = EnumSet.copyOf(real.capabilities());
        fewer.remove(EngineCapability.EVENTS);
        return (ContainerEngine) Proxy.newProxyInstance(ContainerEngine.class.getClassLoader(),
                new Class<?>[] {ContainerEngine.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "capabilities":
                            return fewer;
                        case "supports":
                            return fewer.contains((EngineCapability) args[0]);
                        default:
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }
}
