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
import java.io.IOException;
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
 * every service; a third file has the same keys but secrets and configs, to tell the cost of writing files into
 * the containers from that of the settings. Per round, interleaved so load hits all alike: for each file a cold
 * {@code up}, a few {@code up}s with nothing changed and a {@code down} with volumes (the order rotates between
 * rounds). Prints median/min/max per operation and file, and each keyed file's ratio to the plain one.
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
        Files.writeString(dir.resolve("token.txt"), "bench-token");
        // the third file has every key of the keyed one but secrets and configs: it tells the cost of writing
        // files into each container (one archive call per container) from that of the container settings
        Map<String, ComposeProject> files = new LinkedHashMap<>();
        files.put("plain", write(dir, "plain", composeFile(false, false), suffix));
        files.put("keyed", write(dir, "keyed", composeFile(true, true), suffix));
        files.put("keyed-no-files", write(dir, "keyed-no-files", composeFile(true, false), suffix));
        List<String> kinds = List.copyOf(files.keySet());
        try (ContainerEngine engine = EngineDiscovery.builder().serviceLoader(true)
                .engineId(engineId).endpoint(host).build().connect()) {
            ComposeExecutor compose = ComposeExecutor.create(engine);
            Map<String, List<Long>> times = new LinkedHashMap<>();
            DownOptions down = DownOptions.defaults().withVolumes(true);
            try {
                // one unmeasured round each: warms the JVM, the engine's image and layer caches
                for (String kind : kinds) {
                    round(engine, compose, files.get(kind), kind, down, new LinkedHashMap<>());
                }
                for (int i = 0; i < rounds; i++) {
                    for (int j = 0; j < kinds.size(); j++) { // the order rotates so no file always goes first
                        String kind = kinds.get((i + j) % kinds.size());
                        round(engine, compose, files.get(kind), kind, down, times);
                    }
                }
            } finally {
                for (ComposeProject project : files.values()) {
                    compose.down(project, down);
                }
            }
            System.out.printf("engine %s at %s, %d rounds, %d services%n", engineId, host, rounds, SERVICES);
            for (String op : List.of("cold up", "up, nothing changed", "down (with volumes)")) {
                List<Long> p = times.get("plain " + op);
                for (String kind : kinds) {
                    List<Long> k = times.get(kind + " " + op);
                    print(kind + " " + op, k);
                    if (k != p) {
                        System.out.printf("%-44s %.3f%n", "  ratio " + kind + "/plain (medians)",
                                (double) median(k) / median(p));
                    }
                }
            }
        }
    }

    private static ComposeProject write(Path dir, String kind, String content, String suffix) throws IOException {
        Path file = dir.resolve(kind + ".yml");
        Files.writeString(file, content);
        return ComposeLoader.load(LoadOptions.builder().file(file).projectName("bench-keys-" + kind + "-" + suffix)
                .build());
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

    /**
     * Ten services; s2..s10 depend on s1 in every file (the keyed files' links say the same), so all start
     * in the same order. Values are ones both dockerd and Podman here apply (ComposeKeysContract).
     */
    static String composeFile(boolean keyed, boolean files) {
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
                if (files) {
                    sb.append(FILES);
                }
                if (i > 1) {
                    sb.append("    links: [\"s1:first\"]\n");
                }
            }
        }
        if (files) {
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
            """;

    private static final String FILES = """
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
        System.out.printf("%-44s median %8.1f ms  min %8.1f  max %8.1f  (n=%d)%n", what, median(nanos) / 1e6,
                sorted.get(0) / 1e6, sorted.get(sorted.size() - 1) / 1e6, nanos.size());
    }
}
