package io.p4n4.benchmarks.project;

import io.p4n4.api.project.StackId;
import io.p4n4.api.project.ValidationReport;
import io.p4n4.core.P4n4;
import io.p4n4.core.project.InitOptions;
import io.p4n4.core.project.ProjectService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Scaffolds a project with all three bundled stacks into a fresh temporary folder and validates it:
 * the whole offline {@code init} + {@code validate} path (templates, secrets, atomic writes, schema).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InitValidateBenchmark {
    private ProjectService projects;
    private Path root;
    private long counter;

    /** One library instance for the whole run, as an application would keep it. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        projects = P4n4.builder().build().projectService();
        root = Files.createTempDirectory("p4n4-bench");
    }

    /** Keeps the disk from filling up between iterations. */
    @TearDown(Level.Iteration)
    public void clean() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(root)) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Removes the temporary folder. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        clean();
        Files.delete(root);
    }

    /** init iot + ai + edge, then validate. */
    @Benchmark
    public ValidationReport initAllStacksAndValidate() {
        Path dir = root.resolve("p" + counter++);
        projects.init(InitOptions.of(dir, StackId.bundled()));
        ValidationReport report = projects.validate(dir);
        if (!report.ok()) {
            throw new IllegalStateException("benchmark project does not validate: " + report.errors());
        }
        return report;
    }
}
