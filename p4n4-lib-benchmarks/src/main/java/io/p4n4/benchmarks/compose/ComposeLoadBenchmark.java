package io.p4n4.benchmarks.compose;

import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.LoadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loads the upstream p4n4 iot compose file with its {@code .env.example}: read, parse, schema
 * validation, interpolation, normalization and checks, i.e. the whole {@code compose config} work
 * minus printing. The file comes from {@code -Dp4n4.shared.dir} (default {@code ../shared}).
 * Target: under 2 ms per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2) // networknt's validators need the longer warm-up
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ComposeLoadBenchmark {
    /** With and without the compose-spec schema validation, to show its share. */
    @Param({"true", "false"})
    public boolean validate;

    private LoadOptions options;

    /** Finds the fixture and fixes the options (an empty environment keeps runs comparable). */
    @Setup
    public void setUp() {
        Path dir = Path.of(System.getProperty("p4n4.shared.dir", "../shared"), "fixtures/p4n4-upstream/p4n4-iot");
        if (!Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
            throw new IllegalStateException("upstream iot fixture not found under " + dir.toAbsolutePath()
                    + "; run from the checkout root or pass -Dp4n4.shared.dir=/path/to/shared");
        }
        options = LoadOptions.builder()
                .file(dir.resolve("docker-compose.yml"))
                .envFile(dir.resolve(".env.example"))
                .environment(Map.of())
                .validateSchema(validate)
                .build();
    }

    /** One full load of the iot stack. */
    @Benchmark
    public ComposeProject loadIotStack() {
        return ComposeLoader.load(options);
    }
}
