package io.p4n4.benchmarks.compose.exec;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.EventFilter;
import io.p4n4.api.engine.HealthStatus;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.Subscription;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.LoadOptions;
import io.p4n4.compose.exec.ComposeExecutor;
import io.p4n4.compose.exec.DownOptions;
import io.p4n4.compose.exec.ProgressEvent;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.compose.engine.EngineDiscovery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whole-operation comparison on one Docker engine: cold {@code up --wait} (to every service healthy)
 * and {@code down} of a 4-service stack with healthchecks, p4n4's executor against Debian's
 * {@code docker-compose} v1 ({@code up -d}, then polling until healthy, which is what v1 users do);
 * plus the time of an {@code up} with nothing changed, and how long after the engine's
 * {@code health_status: healthy} event p4n4 reports the service ready when it waits for the engine
 * alone. p4n4 runs twice per round: with early healthchecks (the default: a {@code service_healthy} gate
 * also runs the check by exec until the engine's first verdict) and without. Either way {@code up --wait}
 * returns only when the engine reports every service healthy. Runs are interleaved so load hits all alike.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.p4n4.benchmarks.compose.exec.UpDownComparison
 * unix:///tmp/p4n4-it/docker.sock [rounds]} after {@code scripts/engines.sh start}.
 */
public final class UpDownComparison {
    private static final String IMAGE = "localhost/p4n4-test-busybox:1";
    private static final int SERVICES = 4;
    private static final String SERVICE_LABEL = "com.docker.compose.service";

    private UpDownComparison() {
    }

    /** Runs the comparison and prints a table. */
    public static void main(String[] args) throws Exception {
        String host = args.length > 0 ? args[0] : "unix:///tmp/p4n4-it/docker.sock";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("p4n4-updown");
        Path file = dir.resolve("compose.yml");
        Files.writeString(file, composeFile());
        try (ContainerEngine engine = EngineDiscovery.builder().serviceLoader(true)
                .engineId("docker").endpoint(host).build().connect()) {
            ComposeExecutor compose = ComposeExecutor.create(engine);
            ComposeProject ours = ComposeLoader.load(LoadOptions.builder().file(file)
                    .projectName("bench-ours").build());
            List<Long> ourUp = new ArrayList<>();
            List<Long> ourEngineOnlyUp = new ArrayList<>();
            List<Long> detection = new ArrayList<>();
            List<Long> ourNoChange = new ArrayList<>();
            List<Long> ourDown = new ArrayList<>();
            List<Long> v1Up = new ArrayList<>();
            List<Long> v1Down = new ArrayList<>();
            UpOptions wait = UpOptions.builder().waitReady(true).timeout(Duration.ofMinutes(2)).build();
            DownOptions down = DownOptions.defaults().withVolumes(true);
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                compose.up(ours, wait);
                ourUp.add(System.nanoTime() - t0);
                for (int k = 0; k < 5; k++) {
                    long t1 = System.nanoTime();
                    compose.up(ours, wait);
                    ourNoChange.add(System.nanoTime() - t1);
                }
                long t2 = System.nanoTime();
                compose.down(ours, down);
                ourDown.add(System.nanoTime() - t2);

                ourEngineOnlyUp.add(upWaitingForEngine(engine, compose, ours, detection));
                compose.down(ours, down);

                long t3 = System.nanoTime();
                run(dir, host, "-p", "bench-v1", "-f", file.toString(), "up", "-d");
                awaitHealthy(engine, "bench-v1");
                v1Up.add(System.nanoTime() - t3);
                long t4 = System.nanoTime();
                run(dir, host, "-p", "bench-v1", "-f", file.toString(), "down", "-v");
                v1Down.add(System.nanoTime() - t4);
            }
            print("p4n4 up --wait (cold, to all healthy)", ourUp);
            print("p4n4 up --wait, early healthchecks off", ourEngineOnlyUp);
            print("docker-compose up -d + poll to all healthy", v1Up);
            print("p4n4 up with nothing changed", ourNoChange);
            print("p4n4 down (with volumes)", ourDown);
            print("docker-compose down -v", v1Down);
            print("engine healthy event -> p4n4 ready (off)", detection);
        }
    }

    /**
     * A cold {@code up --wait} that waits for the engine's verdicts alone; adds to {@code detection}, per
     * service, the time from the engine's {@code health_status: healthy} event to p4n4's READY event.
     */
    private static long upWaitingForEngine(ContainerEngine engine, ComposeExecutor compose, ComposeProject project,
            List<Long> detection) {
        Map<String, Instant> healthyAt = new ConcurrentHashMap<>();
        Map<String, Instant> readyAt = new ConcurrentHashMap<>();
        UpOptions options = UpOptions.builder().waitReady(true).earlyHealthchecks(false)
                .timeout(Duration.ofMinutes(2)).progress(e -> {
                    // READY for service_started (detail) comes before health; only health verdicts count
                    if (e.step() == ProgressEvent.Step.READY && !e.detail().equals("service_started")) {
                        readyAt.putIfAbsent(e.subject(), e.time());
                    }
                }).build();
        Subscription events = engine.events(EventFilter.containers(
                LabelFilter.of(Map.of("com.docker.compose.project", project.name()))), e -> {
                    if (e.action().equals("health_status: healthy")) {
                        healthyAt.putIfAbsent(e.attributes().getOrDefault(SERVICE_LABEL, ""), e.time());
                    }
                });
        try {
            long t0 = System.nanoTime();
            compose.up(project, options);
            long took = System.nanoTime() - t0;
            for (Map.Entry<String, Instant> healthy : healthyAt.entrySet()) {
                Instant ready = readyAt.get(healthy.getKey());
                if (ready != null) {
                    detection.add(Duration.between(healthy.getValue(), ready).toNanos());
                }
            }
            return took;
        } finally {
            events.close();
        }
    }

    private static String composeFile() {
        StringBuilder sb = new StringBuilder("services:\n");
        for (int i = 1; i <= SERVICES; i++) {
            sb.append("  s").append(i).append(":\n")
                    .append("    image: ").append(IMAGE).append('\n')
                    .append("    command: [\"sh\", \"-c\", \"touch /tmp/ok; exec sleep 3600\"]\n")
                    .append("    stop_signal: SIGKILL\n")
                    .append("    healthcheck:\n")
                    .append("      test: [\"CMD\", \"test\", \"-f\", \"/tmp/ok\"]\n")
                    .append("      interval: 1s\n      timeout: 1s\n      retries: 30\n");
            if (i == 2) {
                sb.append("    depends_on:\n      s1:\n        condition: service_healthy\n");
            } else if (i > 2) {
                sb.append("    depends_on:\n      s2:\n        condition: service_started\n");
            }
        }
        return sb.toString();
    }

    private static void awaitHealthy(ContainerEngine engine, String project) throws InterruptedException {
        LabelFilter filter = LabelFilter.of(Map.of("com.docker.compose.project", project));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            List<ContainerSummary> all = engine.listContainers(ContainerFilter.all(filter));
            if (all.size() == SERVICES && all.stream().allMatch(c ->
                    engine.inspectContainer(c.id()).health().status() == HealthStatus.HEALTHY)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(project + " did not become healthy within 2 minutes");
    }

    private static void run(Path dir, String host, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("docker-compose");
        Collections.addAll(cmd, args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("DOCKER_HOST", host);
        int rc = pb.start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException("docker-compose " + String.join(" ", args) + " exited " + rc);
        }
    }

    private static void print(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2) / 1e6;
        double min = sorted.get(0) / 1e6;
        double max = sorted.get(sorted.size() - 1) / 1e6;
        System.out.printf("%-45s median %8.1f ms  min %8.1f  max %8.1f  (n=%d)%n", what, median, min, max,
                nanos.size());
    }
}
