package io.p4n4.benchmarks.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.p4n4.compose.exec.DownOptions;
import io.p4n4.junit.ComposeEnvironment;
import io.p4n4.junit.ComposeSetup;
import io.p4n4.junit.EngineChoice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the classes of {@link BenchClasses} with the JUnit Platform launcher, round after round in one JVM,
 * and prints, per tool, the time from the class's start to its first test and the whole class's time
 * (median, min, max; the first round, cold, apart). Then the reused class: a run that creates the project,
 * and runs that find it.
 *
 * <pre>
 * DOCKER_HOST=unix:///tmp/p4n4-it/docker.sock TESTCONTAINERS_RYUK_DISABLED=true \
 *   java -cp p4n4-lib-benchmarks/target/benchmarks.jar io.p4n4.benchmarks.junit.ComposeClassComparison \
 *   unix:///tmp/p4n4-it/docker.sock unix:///tmp/p4n4-it/podman.sock 5 [tools: p4n4-docker,tc,p4n4-podman,reuse]
 * </pre>
 */
public final class ComposeClassComparison {
    private ComposeClassComparison() {
    }

    /** args: docker endpoint, podman endpoint, rounds, optional comma-separated tools. */
    public static void main(String[] args) throws Exception {
        System.setProperty("p4n4.bench.docker", args[0]);
        System.setProperty("p4n4.bench.podman", args[1]);
        int rounds = Integer.parseInt(args[2]);
        List<String> tools = List.of((args.length > 3 ? args[3] : "p4n4-docker,tc,p4n4-podman,reuse").split(","));
        Map<String, Class<?>> classes = new LinkedHashMap<>();
        classes.put("p4n4-docker", BenchClasses.P4n4OnDocker.class);
        classes.put("tc", BenchClasses.Testcontainers.class);
        classes.put("p4n4-podman", BenchClasses.P4n4OnPodman.class);
        Map<String, List<long[]>> results = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, Class<?>> e : classes.entrySet()) {
                if (tools.contains(e.getKey())) {
                    long[] t = run(e.getValue());
                    results.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(t);
                    System.out.printf("round %d %-12s first test %5d ms, class %5d ms%n", round, e.getKey(), t[0], t[1]);
                }
            }
        }
        results.forEach((tool, ts) -> {
            System.out.printf("%-12s cold round: first test %d ms, class %d ms%n", tool, ts.get(0)[0], ts.get(0)[1]);
            List<long[]> warm = ts.size() > 1 ? ts.subList(1, ts.size()) : ts;
            System.out.printf("%-12s warm rounds (n=%d): first test %s, class %s%n", tool, warm.size(),
                    stats(warm, 0), stats(warm, 1));
        });
        if (tools.contains("reuse")) {
            reuse(rounds);
        }
    }

    private static void reuse(int rounds) {
        long[] first = run(BenchClasses.P4n4Reused.class);
        System.out.printf("reuse: creating run: first test %d ms, class %d ms%n", first[0], first[1]);
        List<long[]> again = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long[] t = run(BenchClasses.P4n4Reused.class);
            again.add(t);
            System.out.printf("reuse: run %d finding it: first test %d ms, class %d ms%n", i + 1, t[0], t[1]);
        }
        System.out.printf("reuse: runs finding it (n=%d): first test %s, class %s%n", again.size(), stats(again, 0),
                stats(again, 1));
        // the reused project is kept on purpose; remove it now
        try (ComposeEnvironment env = ComposeEnvironment.start(ComposeSetup.builder(BenchClasses.FILE)
                .engine(EngineChoice.DOCKER).host(System.getProperty("p4n4.bench.docker")).reuse(true)
                .owner(BenchClasses.P4n4Reused.class.getName()).build())) {
            env.executor().down(env.project(), DownOptions.defaults().withVolumes(true).withStopTimeout(Duration.ZERO));
        }
    }

    private static String stats(List<long[]> ts, int i) {
        long[] v = ts.stream().mapToLong(t -> t[i]).sorted().toArray();
        return "median " + v[v.length / 2] + " ms (min " + v[0] + ", max " + v[v.length - 1] + ")";
    }

    /** Runs one class; {time to first test, class time} in ms. Fails when the class did not pass. */
    private static long[] run(Class<?> testClass) {
        long[] marks = new long[3];
        List<Throwable> failures = new ArrayList<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier id) {
                if (id.getSource().filter(ClassSource.class::isInstance).isPresent() && marks[0] == 0) {
                    marks[0] = System.nanoTime();
                } else if (id.isTest() && marks[1] == 0) {
                    marks[1] = System.nanoTime();
                }
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                result.getThrowable().ifPresent(failures::add);
                if (id.getSource().filter(ClassSource.class::isInstance).isPresent()) {
                    marks[2] = System.nanoTime();
                }
            }
        };
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(), listener);
        if (!failures.isEmpty() || marks[1] == 0) {
            IllegalStateException e = new IllegalStateException(testClass.getSimpleName() + " did not pass");
            failures.forEach(e::addSuppressed);
            throw e;
        }
        return new long[] {(marks[1] - marks[0]) / 1_000_000, (marks[2] - marks[0]) / 1_000_000};
    }
}
