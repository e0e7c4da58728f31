package io.p4n4.benchmarks.podman;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.RemoveContainerOptions;
import io.p4n4.api.spi.ContainerEngineProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The calls a compose executor polls most — inspect one container, list a project's containers by
 * label — per second against the Podman service of {@code scripts/engines.sh start}
 * ({@code P4N4_TEST_PODMAN_HOST}, default {@code unix:///tmp/p4n4-it/podman.sock}): the {@code podman}
 * provider (libpod API, OkHttp over our unix socket adapter) against the {@code docker} provider
 * (docker-java, zerodep transport) pointed at the same socket. Run:
 * {@code java -jar p4n4-lib-benchmarks/target/benchmarks.jar PodmanCallsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PodmanCallsBenchmark {
    private static final String IMAGE = "localhost/p4n4-test-busybox:1";
    private final String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    private final LabelFilter mine = LabelFilter.of("io.p4n4.test", run);
    private ContainerEngine libpod;
    private ContainerEngine dockerJava;
    private String container;

    /** Connects both providers to the Podman socket and starts one labelled container. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        EngineConfig config = EngineConfig.parse(endpoint());
        libpod = provider("podman").create(config);
        dockerJava = provider("docker").create(config);
        container = libpod.createContainer(ContainerSpec.builder(IMAGE).name("p4n4-" + run)
                .label("io.p4n4.test", run).command("sleep", "3600").build());
        libpod.startContainer(container);
        if (!podmanInspect().equals(dockerJavaInspect()) || podmanList() != 1 || dockerJavaList() != 1) {
            throw new IllegalStateException("the two providers disagree about the benchmark container");
        }
    }

    /** Removes the container and closes both engines. */
    @TearDown(Level.Trial)
    public void tearDown() {
        libpod.removeContainer(container, RemoveContainerOptions.forced().withAnonymousVolumes());
        libpod.close();
        dockerJava.close();
    }

    /** Inspect through the libpod backend. */
    @Benchmark
    public String podmanInspect() {
        return libpod.inspectContainer(container).id();
    }

    /** Inspect through docker-java on Podman's compatible API. */
    @Benchmark
    public String dockerJavaInspect() {
        return dockerJava.inspectContainer(container).id();
    }

    /** List by label through the libpod backend. */
    @Benchmark
    public int podmanList() {
        return libpod.listContainers(ContainerFilter.all(mine)).size();
    }

    /** List by label through docker-java on Podman's compatible API. */
    @Benchmark
    public int dockerJavaList() {
        return dockerJava.listContainers(ContainerFilter.all(mine)).size();
    }

    private static ContainerEngineProvider provider(String id) {
        return ServiceLoader.load(ContainerEngineProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + id + " provider on the class path"));
    }

    private static String endpoint() throws java.io.IOException {
        String env = System.getenv("P4N4_TEST_PODMAN_HOST");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        Path file = Path.of("/tmp/p4n4-it/engines.env");
        if (Files.isReadable(file)) {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                if (line.startsWith("P4N4_TEST_PODMAN_HOST=")) {
                    return line.substring(line.indexOf('=') + 1).trim();
                }
            }
        }
        return "unix:///tmp/p4n4-it/podman.sock";
    }
}
