package io.p4n4.benchmarks.fleet;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.p4n4.api.score.AgentState;
import io.p4n4.api.score.Topology;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.agent.DeviceAgent;
import io.p4n4.agent.score.PodmanService;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.RecordingScoreInterpreter;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.testkit.nats.NatsServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * 1,000 device agents in one JVM against one nats-server, each with a recording interpreter (only the
 * control plane is measured): publish one deployment per device and measure the time until every agent
 * has applied it, and what the server spent doing it.
 *
 * <pre>java -cp p4n4-lib-benchmarks/target/benchmarks.jar io.p4n4.benchmarks.fleet.FleetSimulation [AGENTS] [CONNECTIONS]</pre>
 */
public final class FleetSimulation {

    private FleetSimulation() {
    }

    /** Runs the simulation and prints the figures. */
    public static void main(String[] args) throws Exception {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path store = Files.createTempDirectory("p4n4-fleet");
        try (NatsServerProcess server = NatsServerProcess.start(NatsBinary.require(), store)) {
            run(server, agents, connections);
        }
    }

    private static void run(NatsServerProcess server, int agentCount, int connectionCount) throws Exception {
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < connectionCount; i++) {
            connections.add(Nats.connect(Options.builder().server(server.url()).maxReconnects(-1).build()));
        }
        List<RecordingScoreInterpreter<PodmanV0Score>> interpreters = new ArrayList<>();
        List<DeviceAgent> agents = new ArrayList<>();
        List<NatsDesiredStateStore> stores = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < agentCount; i++) {
            NatsDesiredStateStore s = NatsDesiredStateStore.builder().over(connections.get(i % connectionCount));
            RecordingScoreInterpreter<PodmanV0Score> interp = RecordingScoreInterpreter.of(PodmanV0Score.TYPE);
            DeviceAgent agent = DeviceAgent.builder().topology(Topology.ofThisMachine(device(i), "none")).store(s)
                    .interpreter(interp).relistInterval(Duration.ofSeconds(30)).statusInterval(Duration.ofSeconds(30))
                    .build().start();
            stores.add(s);
            interpreters.add(interp);
            agents.add(agent);
        }
        while (agents.stream().anyMatch(a -> a.state() != AgentState.ACTIVE)) {
            Thread.sleep(20);
        }
        double upSeconds = (System.nanoTime() - t0) / 1e9;
        long cpuBefore = NatsServerStats.cpuMillis(server);

        NatsDesiredStateStore publisherStore = NatsDesiredStateStore.builder().servers(List.of(server.url())).connect();
        ScorePublisher publisher = ScorePublisher.create(publisherStore);
        PodmanV0Score score = PodmanV0Score.of(PodmanService.of("hello", "docker.io/library/nginx:alpine")
                .withPorts("8080:80"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < agentCount; i++) {
            String d = device(i);
            writes.add(pool.submit(() -> publisher.publish(List.of(d), "hello", score)));
        }
        for (Future<?> w : writes) {
            w.get();
        }
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        while (interpreters.stream().anyMatch(i -> i.applyCount() < 1)) {
            Thread.sleep(5);
        }
        double convergeSeconds = (System.nanoTime() - start) / 1e9;
        long cpuDuring = NatsServerStats.cpuMillis(server) - cpuBefore;
        long rss = NatsServerStats.rssMiB(server);

        System.out.printf("agents=%d connections=%d%n", agentCount, connectionCount);
        System.out.printf("fleet up (all ACTIVE): %.2f s%n", upSeconds);
        System.out.printf("publish %d deployments: %.2f s; full convergence: %.2f s after the first put%n",
                agentCount, publishSeconds, convergeSeconds);
        System.out.printf("nats-server during publish+converge: %d ms CPU (%.0f%% of one core), RSS %d MiB%n",
                cpuDuring, 100.0 * cpuDuring / (convergeSeconds * 1000), rss);
        String jsz = NatsServerStats.monitor(server, "/jsz");
        System.out.println("nats-server /jsz: consumers=" + field(jsz, "consumers") + " messages="
                + field(jsz, "messages"));
        long duplicates = interpreters.stream().mapToLong(RecordingScoreInterpreter::applyCount).filter(n -> n > 1).count();
        System.out.println("agents that applied more than once: " + duplicates);

        pool.shutdown();
        agents.forEach(DeviceAgent::close);
        stores.forEach(NatsDesiredStateStore::close);
        publisherStore.close();
        for (Connection c : connections) {
            c.close();
        }
    }

    private static String device(int i) {
        return String.format("fleet-%04d", i);
    }

    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":");
        if (at < 0) {
            return "?";
        }
        int from = at + name.length() + 3;
        int to = from;
        while (to < json.length() && (Character.isDigit(json.charAt(to)) || json.charAt(to) == ' ')) {
            to++;
        }
        return json.substring(from, to).trim();
    }
}
