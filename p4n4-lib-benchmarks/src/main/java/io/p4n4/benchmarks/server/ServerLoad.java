package io.p4n4.benchmarks.server;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.project.StackId;
import io.p4n4.benchmarks.fleet.Stats;
import io.p4n4.compose.exec.ComposeLabels;
import io.p4n4.compose.exec.DownOptions;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.core.P4n4;
import io.p4n4.core.platform.Platform;
import io.p4n4.core.project.InitOptions;
import io.p4n4.core.project.Project;
import io.p4n4.server.P4n4Server;
import io.p4n4.testkit.engine.TestEngines;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server under load, as a whole process on a real engine: a project of 3 stacks and 10 busybox containers,
 * the server on a free loopback port, then
 * <ol>
 * <li>{@code GET /api/v1/status} N times in a row over one keep-alive connection (answered from the event cache),
 * against the peer: {@code Platform.status()}, the fresh engine query a server without the cache makes per
 * request;</li>
 * <li>C clients on {@code /api/v1/status/events} held at once while containers are restarted R times: every
 * client must get the first status and one new status per restart, with no error, and stay open for the hold
 * time after.</li>
 * </ol>
 * {@code java -cp p4n4-lib-benchmarks/target/benchmarks.jar io.p4n4.benchmarks.server.ServerLoad [engine]
 * [requests] [clients] [restarts] [hold seconds]} (defaults: docker 2000 100 3 40), with the engines of
 * {@code scripts/engines.sh}.
 * Everything it starts is removed at the end.
 */
public final class ServerLoad {
    private static final int[] SERVICES = {4, 3, 3}; // iot, ai, edge: 10 containers

    private ServerLoad() {
    }

    /** Runs the measurement; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        String engineId = args.length > 0 ? args[0] : "docker";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int restarts = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int holdSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 40;
        Path dir = Files.createTempDirectory("p4n4-server-load");
        String name = "p4n4-load-" + UUID.randomUUID().toString().substring(0, 6);
        Project project = P4n4.projects().init(InitOptions.of(dir.resolve("site"), StackId.bundled()));
        List<StackId> stacks = project.stacks();
        for (int i = 0; i < stacks.size(); i++) {
            Files.writeString(project.composeFile(stacks.get(i)), compose(name + "-" + stacks.get(i).value(),
                    SERVICES[i]));
        }
        try (ContainerEngine engine = TestEngines.connectAt(engineId,
                TestEngines.requireEndpoint(TestEngines.endpointVariable(engineId)))) {
            Platform platform = Platform.create(engine, project);
            try {
                // the compose executor, not Platform.up: the stand-in stacks have no Ollama for the ai gate
                for (StackId stack : stacks) {
                    platform.compose().up(platform.load(stack), UpOptions.builder().waitReady(true)
                            .timeout(Duration.ofMinutes(3)).build());
                }
                try (P4n4Server server = P4n4Server.builder().project(project.directory()).engine(engine).port(0)
                        .build().start()) {
                    System.out.printf("engine %s, %d stacks, %d containers, server %s%n", engineId, stacks.size(),
                            platform.status().values().stream().mapToInt(List::size).sum(), server.url());
                    latency(server.url(), platform, requests);
                    streams(server.url(), engine, name, clients, restarts, holdSeconds);
                }
            } finally {
                platform.down(stacks, DownOptions.defaults().withVolumes(true));
            }
        }
    }

    private static String compose(String name, int services) {
        StringBuilder b = new StringBuilder("name: " + name + "\nservices:\n");
        for (int i = 1; i <= services; i++) {
            b.append("  s").append(i).append(":\n    image: ").append(TestEngines.TEST_IMAGE)
                    .append("\n    command: [\"sleep\", \"3600\"]\n    stop_grace_period: 1s\n");
        }
        return b.toString();
    }

    private static void latency(URI url, Platform platform, int requests) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest get = HttpRequest.newBuilder(url.resolve("/api/v1/status")).build();
        for (int i = 0; i < 300; i++) {
            client.send(get, HttpResponse.BodyHandlers.ofString()); // warm-up: JIT, connection
        }
        List<Double> served = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = client.send(get, HttpResponse.BodyHandlers.ofString());
            served.add((System.nanoTime() - t) / 1e6);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("status answered " + r.statusCode() + ": " + r.body());
            }
            bytes = r.body().length();
        }
        System.out.println("GET /api/v1/status (cache, over HTTP): " + Stats.summary(served) + ", " + bytes
                + " bytes");
        List<Double> fresh = new ArrayList<>();
        for (int i = 0; i < Math.max(50, requests / 10); i++) {
            long t = System.nanoTime();
            platform.status();
            fresh.add((System.nanoTime() - t) / 1e6);
        }
        System.out.println("peer: Platform.status() (fresh engine query, in-process): " + Stats.summary(fresh));
    }

    private static void streams(URI url, ContainerEngine engine, String name, int clients, int restarts,
            int holdSeconds) throws Exception {
        HttpClient client = HttpClient.newBuilder().build();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong events = new AtomicLong();
        CountDownLatch connected = new CountDownLatch(clients);
        List<CountDownLatch> changes = new ArrayList<>();
        for (int r = 0; r < restarts; r++) {
            changes.add(new CountDownLatch(clients));
        }
        List<InputStream> bodies = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        long opened = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(url.resolve("/api/v1/status/events"))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                errors.incrementAndGet();
                continue;
            }
            bodies.add(r.body());
            Thread t = new Thread(() -> read(r.body(), connected, changes, events, errors), "sse-client-" + c);
            t.setDaemon(true);
            t.start();
            readers.add(t);
        }
        boolean all = connected.await(60, TimeUnit.SECONDS);
        System.out.printf("%d event-stream clients: all had the first status %s in %.0f ms%n", clients,
                all ? "yes" : "NO", (System.nanoTime() - opened) / 1e6);
        List<ContainerSummary> containers = engine.listContainers(ContainerFilter.all(
                LabelFilter.of(ComposeLabels.PROJECT, name + "-iot")));
        for (int r = 0; r < restarts; r++) {
            // one container stopped and started: the cache publishes new statuses, every client must see one
            String id = containers.get(r % containers.size()).id();
            long t = System.nanoTime();
            engine.stopContainer(id, Duration.ofSeconds(1));
            boolean seen = changes.get(r).await(30, TimeUnit.SECONDS);
            System.out.printf("change %d (stop %s): every client got it %s in %.0f ms%n", r + 1,
                    containers.get(r % containers.size()).name(), seen ? "yes" : "NO", (System.nanoTime() - t) / 1e6);
            engine.startContainer(id);
            Thread.sleep(1000); // let the start's statuses reach every client before the next change
        }
        // held past the server's 15 s keep-alive comments: a stream that ended by itself is a dropped client
        Thread.sleep(holdSeconds * 1000L);
        long dropped = readers.stream().filter(t -> !t.isAlive()).count();
        System.out.printf("held %d s more: %d of %d streams still open%n", holdSeconds, clients - dropped, clients);
        errors.addAndGet((int) dropped);
        for (InputStream b : bodies) {
            b.close();
        }
        for (Thread t : readers) {
            t.join(5000);
        }
        System.out.printf("event streams: %d clients, %d status events received, %d errors%n", clients,
                events.get(), errors.get());
    }

    /** Reads one client's stream: the first status opens it, then each stop must show as an exited container. */
    private static void read(InputStream body, CountDownLatch connected, List<CountDownLatch> changes,
            AtomicLong events, AtomicInteger errors) {
        int exitedSeen = 0;
        boolean first = true;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.startsWith("data: ")) {
                    continue;
                }
                events.incrementAndGet();
                if (first) {
                    connected.countDown();
                    first = false;
                }
                boolean exited = line.contains("\"state\":\"exited\"");
                if (exited && exitedSeen < changes.size() && changes.get(exitedSeen).getCount() > 0) {
                    changes.get(exitedSeen).countDown();
                    exitedSeen++;
                }
            }
        } catch (java.io.IOException closedByUs) {
            // the run closes every stream at its end
        } catch (RuntimeException e) {
            errors.incrementAndGet();
        }
    }
}
