package io.p4n4.benchmarks.compose.exec;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.LoadOptions;
import io.p4n4.compose.engine.EngineDiscovery;
import io.p4n4.compose.exec.ComposeExecutor;
import io.p4n4.compose.exec.DownOptions;
import io.p4n4.compose.exec.ProgressEvent;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.compose.exec.UpResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the newer compose service keys cost on {@code up} (issue 11: within 10 % of the same file without
 * them): two 10-service files on one engine, identical but for the keyed one setting most applied keys
 * (capabilities, security_opt, ulimits, sysctls, shm_size, tmpfs, group_add, oom_score_adj, limits, CPU,
 * extra_hosts, DNS options, expose, logging, a secret and a config written into each container, links) on
 * every service. Per round, interleaved so load hits both alike: cold {@code up} of the plain file, a few
 * {@code up}s with nothing changed, {@code down} with volumes; then the same for the keyed file (the order
 * alternates between rounds). Prints median/min/max per operation and the keyed/plain ratio of the medians.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.p4n4.benchmarks.compose.exec.KeysCostComparison
 * unix:///tmp/p4n4-it/docker.sock [rounds] [docker|podman]} after {@code scripts/engines.sh start}; the engine
 * id defaults to {@code podman} when the endpoint names it, else {@code docker}.
 */
public final class KeysCostComparison {
    private static final String IMAGE = "localhost/p4n4-test-busybox:1";
    private static final String SLEEP = "[\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 3600 & wait\"]";
    private static final int SERVICES = 10;
    private static final int NO_CHANGE_UPS = 3;
    private static final String PROJECT_LABEL = "com.docker.compose.project";

    private KeysCostComparison() {
    }

    /** Runs the comparison and prints a table. */
    public static void main(String[] args) throws Exception {
        String host = args.length > 0 ? args[0] : "unix:///tmp/p4n4-it/docker.sock";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        String engineId = args.length > 2 ? args[2] : host.contains("podman") ? "podman" : "docker";
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24));
        Path dir = Files.createTempDirectory("p4n4-keys-cost");
        Files.writeString(dir.resolve("plain.yml"), composeFile(false));
        Files.writeString(dir.resolve("keyed.yml"), composeFile(true));
        Files.writeString(dir.resolve("token.txt"), "bench-token");
        ComposeProject plain = load(dir.resolve("plain.yml"), "bench-keys-plain-" + suffix);
        ComposeProject keyed = load(dir.resolve("keyed.yml"), "bench-keys-keyed-" + suffix);
        try (ContainerEngine engine = EngineDiscovery.builder().serviceLoader(true)
                .engineId(engineId).endpoint(host).build().connect()) {
            ComposeExecutor compose = ComposeExecutor.create(engine);
            Map<String, List<Long>> times = new LinkedHashMap<>();
            DownOptions down = DownOptions.defaults().withVolumes(true);
            try {
                // one unmeasured round each: warms the JVM, the engine's image and layer caches
                round(engine, compose, plain, "plain", down, new LinkedHashMap<>());
                round(engine, compose, keyed, "keyed", down, new LinkedHashMap<>());
                for (int i = 0; i < rounds; i++) {
                    boolean plainFirst = i % 2 == 0;
                    round(engine, compose, plainFirst ? plain : keyed, plainFirst ? "plain" : "keyed", down, times);
                    round(engine, compose, plainFirst ? keyed : plain, plainFirst ? "keyed" : "plain", down, times);
                }
            } finally {
                compose.down(plain, down);
                compose.down(keyed, down);
            }
            System.out.printf("engine %s at %s, %d rounds, %d services%n", engineId, host, rounds, SERVICES);
            for (String op : List.of("cold up", "up, nothing changed", "down (with volumes)")) {
                List<Long> p = times.get("plain " + op);
                List<Long> k = times.get("keyed " + op);
                print("plain " + op, p);
                print("keyed " + op, k);
                System.out.printf("%-32s %.3f%n", "  ratio keyed/plain (medians)", (double) median(k) / median(p));
            }
        }
    }

    /** One cold up, {@value #NO_CHANGE_UPS} ups with nothing changed and a down of {@code project}. */
    private static void round(ContainerEngine engine, ComposeExecutor compose, ComposeProject project, String kind,
            DownOptions down, Map<String, List<Long>> times) {
        List<String> warnings = new ArrayList<>();
        UpOptions up = UpOptions.builder().progress(e -> {
            if (e.step() == ProgressEvent.Step.WARNING) {
                warnings.add(e.subject() + ": " + e.detail());
            }
        }).build();
        long t0 = System.nanoTime();
        UpResult cold = compose.up(project, up);
        add(times, kind + " cold up", System.nanoTime() - t0);
        // a key ignored with a warning, or a service not created, would make the comparison meaningless
        if (!warnings.isEmpty() || cold.created().size() != SERVICES || running(engine, project) != SERVICES) {
            throw new IllegalStateException(project.name() + ": expected " + SERVICES + " running services and no"
                    + " warnings, got created " + cold.created() + ", warnings " + warnings);
        }
        for (int k = 0; k < NO_CHANGE_UPS; k++) {
            long t1 = System.nanoTime();
            UpResult again = compose.up(project, up);
            add(times, kind + " up, nothing changed", System.nanoTime() - t1);
            if (!again.nothingChanged()) {
                throw new IllegalStateException(project.name() + ": an up with nothing changed changed " + again);
            }
        }
        long t2 = System.nanoTime();
        compose.down(project, down);
        add(times, kind + " down (with volumes)", System.nanoTime() - t2);
    }

    private static int running(ContainerEngine engine, ComposeProject project) {
        return engine.listContainers(ContainerFilter.running(LabelFilter.of(Map.of(PROJECT_LABEL, project.name()))))
                .size();
    }

    private static ComposeProject load(Path file, String name) {
        return ComposeLoader.load(LoadOptions.builder().file(file).projectName(name).build());
    }

    /**
     * Ten services; s2..s10 depend on s1 in both files (the keyed file's links say the same), so both start
     * in the same order. Values are ones both dockerd and Podman here apply (ComposeKeysContract).
     */
    static String composeFile(boolean keyed) {
        StringBuilder sb = new StringBuilder("services:\n");
        for (int i = 1; i <= SERVICES; i++) {
            sb.append("  s").append(i).append(":\n")
                    .append("    image: ").append(IMAGE).append('\n')
                    .append("    command: ").append(SLEEP).append('\n');
            if (i > 1) {
                sb.append("    depends_on: [s1]\n");
            }
            if (keyed) {
                sb.append(KEYS);
                if (i > 1) {
                    sb.append("    links: [\"s1:first\"]\n");
                }
            }
        }
        if (keyed) {
            sb.append("secrets:\n  token:\n    file: ./token.txt\n")
                    .append("configs:\n  settings:\n    content: \"level=debug\"\n");
        }
        return sb.toString();
    }

    private static final String KEYS = """
                cap_add: [NET_ADMIN]
                cap_drop: [MKNOD]
                security_opt: ["no-new-privileges:true"]
                ulimits:
                  nofile: {soft: 1024, hard: 2048}
                  nproc: 4096
                sysctls: {net.core.somaxconn: 1024}
                shm_size: 16m
                tmpfs: ["/scratch:size=8m"]
                group_add: ["4242"]
                oom_score_adj: 200
                pids_limit: 100
                mem_limit: 64m
                mem_reservation: 32m
                cpus: 0.5
                cpu_shares: 512
                extra_hosts: ["db.example:10.1.2.3"]
                dns_search: [p4n4.test]
                dns_opt: ["ndots:2"]
                expose: ["7070/udp"]
                logging:
                  driver: json-file
                  options: {max-size: 1m}
                secrets:
                  - source: token
                    uid: "1000"
                    gid: "1000"
                    mode: 0400
                configs:
                  - source: settings
                    target: /etc/app/settings.conf
            """;

    private static void add(Map<String, List<Long>> times, String what, long nanos) {
        times.computeIfAbsent(what, k -> new ArrayList<>()).add(nanos);
    }

    private static long median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void print(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("%-32s median %8.1f ms  min %8.1f  max %8.1f  (n=%d)%n", what, median(nanos) / 1e6,
                sorted.get(0) / 1e6, sorted.get(sorted.size() - 1) / 1e6, nanos.size());
    }
}
