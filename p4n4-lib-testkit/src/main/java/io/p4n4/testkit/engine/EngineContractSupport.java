package io.p4n4.testkit.engine;

import io.p4n4.api.EngineException;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerInfo;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.LogLine;
import io.p4n4.api.engine.LogOptions;
import io.p4n4.api.engine.LogStream;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.NetworkInfo;
import io.p4n4.api.engine.RemoveContainerOptions;
import io.p4n4.api.engine.RemoveVolumeOptions;
import io.p4n4.api.engine.VolumeInfo;
import io.p4n4.testkit.await.Waits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

/**
 * Connects to the backend's test engine once per class, labels everything a test creates with this run's
 * id, and removes it all by label after each test, whether the test passed or not.
 */
@Tag("engine")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EngineContractSupport {
    /** Label every object made by a kit test carries; scripts/engines.sh stop removes what is left. */
    public static final String TEST_LABEL = "io.p4n4.test";
    /** The local busybox image scripts/engines.sh builds in every engine. */
    public static final String DEFAULT_IMAGE = "localhost/p4n4-test-busybox:1";

    /** This run's id: the value of {@link #TEST_LABEL} on everything this class creates. */
    protected final String run = "tck-" + UUID.randomUUID().toString().substring(0, 8);
    /** The engine under test. */
    protected ContainerEngine engine;

    /** The provider id the engine must report: {@code docker}, {@code podman}. */
    protected abstract String engineId();

    /**
     * The variable holding the test endpoint: {@code P4N4_TEST_DOCKER_HOST}. Read by {@link TestEndpoints}: an
     * environment variable, else a system property ({@code -DMY_BACKEND_HOST=unix:///...}), else a line of
     * /tmp/p4n4-it/engines.env.
     */
    protected abstract String endpointVariable();

    /** Creates the engine under test. */
    protected abstract ContainerEngine createEngine(EngineConfig config);

    /** The image the kit runs; a busybox with sh, httpd, wget, nc. */
    protected String testImage() {
        return DEFAULT_IMAGE;
    }

    @BeforeAll
    void connect() {
        String endpoint = TestEndpoints.find(endpointVariable()).orElse(null);
        Assumptions.assumeTrue(endpoint != null, () -> "engine tests for " + engineId() + " skipped: "
                + endpointVariable() + " is not set; run scripts/engines.sh start (it writes "
                + TestEndpoints.ENGINES_ENV + ")");
        try {
            engine = createEngine(EngineConfig.parse(endpoint));
            engine.ping();
        } catch (RuntimeException e) {
            closeEngine();
            Assumptions.abort("engine tests for " + engineId() + " skipped: no engine answers at " + endpoint
                    + " (" + e.getMessage() + "); run scripts/engines.sh start");
        }
        Assumptions.assumeTrue(engine.imageExists(testImage()), () -> "engine tests for " + engineId()
                + " skipped: image " + testImage() + " is missing; run scripts/engines.sh start");
    }

    @AfterEach
    void removeEverythingOfThisRun() {
        if (engine == null) {
            return;
        }
        LabelFilter mine = LabelFilter.of(TEST_LABEL, run);
        List<String> refused = new ArrayList<>();
        for (ContainerSummary c : engine.listContainers(ContainerFilter.all(mine))) {
            try {
                engine.removeContainer(c.id(), RemoveContainerOptions.forced().withAnonymousVolumes());
            } catch (EngineException e) {
                refused.add(c.id()); // Podman keeps a container another one shares a namespace with
            }
        }
        refused.forEach(id -> engine.removeContainer(id, RemoveContainerOptions.forced().withAnonymousVolumes()));
        for (NetworkInfo n : engine.listNetworks(mine)) {
            engine.removeNetwork(n.id());
        }
        for (VolumeInfo v : engine.listVolumes(mine)) {
            engine.removeVolume(v.name(), RemoveVolumeOptions.forced());
        }
    }

    @AfterAll
    void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    /** A unique name for an object of this run. */
    protected String name(String what) {
        return "p4n4-" + run + "-" + what;
    }

    /** A container spec on the test image, labelled for this run. */
    protected ContainerSpec.Builder spec(String what) {
        return ContainerSpec.builder(testImage()).name(name(what)).label(TEST_LABEL, run);
    }

    /** Creates and starts a container; returns its id. */
    protected String startContainer(ContainerSpec spec) {
        String id = engine.createContainer(spec);
        engine.startContainer(id);
        return id;
    }

    /** Polls {@code condition} every 100 ms until true or {@code timeout}; fails naming {@code what}. */
    protected static void await(Duration timeout, String what, BooleanSupplier condition) {
        Waits.within(timeout, Duration.ofMillis(100)).alias(what).until(condition::getAsBoolean);
    }

    /** Waits until the container has exited and returns its final inspection. */
    protected ContainerInfo awaitExit(String container) {
        await(Duration.ofSeconds(20), container + " to exit",
                () -> engine.inspectContainer(container).state() == ContainerState.EXITED);
        return engine.inspectContainer(container);
    }

    /** All log text of a container's stdout, one line per line. */
    protected String stdout(String container) {
        return engine.logs(container, LogOptions.ALL.withStreams(LogStream.STDOUT)).stream()
                .map(LogLine::text).collect(Collectors.joining("\n"));
    }

    /** Names of containers in a listing. */
    protected static List<String> names(List<ContainerSummary> list) {
        return list.stream().map(ContainerSummary::name).collect(Collectors.toList());
    }
}
