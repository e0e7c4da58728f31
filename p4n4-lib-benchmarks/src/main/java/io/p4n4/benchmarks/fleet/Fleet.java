package io.p4n4.benchmarks.fleet;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.p4n4.agent.DeviceAgent;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.agent.score.PodmanService;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.RecordingScoreInterpreter;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.api.score.AgentState;
import io.p4n4.api.score.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * N device agents with recording interpreters in this JVM, over a few NATS connections, in one of two
 * watch shapes: one consumer per device, or one shared watch per connection that fans out to its devices.
 * Publishes versions of one deployment to every device and tells when all have applied one.
 */
final class Fleet implements AutoCloseable {

    /** How devices watch their keys. */
    enum Shape {
        /** Each agent its own store and watch (one ordered consumer per device) over a shared connection. */
        PER_DEVICE,
        /** One store per connection whose single watch on the bucket fans out to its devices. */
        SHARED
    }

    static final String DEPLOYMENT = "hello";
    /**
     * Relist and status period of each agent (the agent's default is 30 s): every agent's periodic work lands
     * in this one JVM, on the cores the server and the publisher share, which real devices do not.
     */
    static final Duration PERIOD = Duration.ofMinutes(2);

    private final List<Connection> connections = new ArrayList<>();
    private final List<NatsDesiredStateStore> stores = new ArrayList<>();
    private final List<RecordingScoreInterpreter<PodmanV0Score>> interpreters = new ArrayList<>();
    private final List<DeviceAgent> agents = new ArrayList<>();
    private final NatsDesiredStateStore publisherStore;
    private final ScorePublisher publisher;

    private Fleet(String url, int agentCount, int connectionCount, Shape shape) throws Exception {
        List<NatsDesiredStateStore> perConnection = new ArrayList<>();
        List<List<NatsDesiredStateStore>> forwardTo = new ArrayList<>();
        for (int c = 0; c < connectionCount; c++) {
            if (shape == Shape.SHARED) {
                NatsDesiredStateStore s = NatsDesiredStateStore.builder().servers(List.of(url))
                        .connectionName("fleet-" + c).requestTimeout(Duration.ofSeconds(10)).shareWatch(true)
                        .connect();
                stores.add(s);
                perConnection.add(s);
            } else {
                // stores over a shared connection get its events only when forwarded
                List<NatsDesiredStateStore> targets = new CopyOnWriteArrayList<>();
                forwardTo.add(targets);
                connections.add(Nats.connect(Options.builder().server(url).maxReconnects(-1)
                        .connectionListener((conn, e) -> forward(targets, conn, e)).build()));
            }
        }
        for (int i = 0; i < agentCount; i++) {
            int c = i % connectionCount;
            NatsDesiredStateStore s;
            if (shape == Shape.SHARED) {
                s = perConnection.get(c);
            } else {
                s = NatsDesiredStateStore.builder().requestTimeout(Duration.ofSeconds(10)).over(connections.get(c));
                forwardTo.get(c).add(s);
                stores.add(s);
            }
            RecordingScoreInterpreter<PodmanV0Score> interp = RecordingScoreInterpreter.of(PodmanV0Score.TYPE);
            agents.add(DeviceAgent.builder().topology(Topology.ofThisMachine(device(i), "none")).store(s)
                    .interpreter(interp).relistInterval(PERIOD).statusInterval(PERIOD)
                    .build().start());
            interpreters.add(interp);
        }
        publisherStore = NatsDesiredStateStore.builder().servers(List.of(url)).connectionName("fleet-publisher")
                .requestTimeout(Duration.ofSeconds(10)).connect();
        publisher = ScorePublisher.create(publisherStore);
    }

    private static void forward(List<NatsDesiredStateStore> targets, Connection conn, ConnectionListener.Events e) {
        targets.forEach(s -> s.connectionEvent(conn, e));
    }

    /** Starts the agents; returns at once. */
    static Fleet start(String url, int agents, int connections, Shape shape) throws Exception {
        return new Fleet(url, agents, connections, shape);
    }

    static String device(int i) {
        return String.format("fleet-%05d", i);
    }

    /** The Score of version {@code v}: each version a different image tag, so a different hash. */
    static PodmanV0Score version(int v) {
        return PodmanV0Score.of(PodmanService.of(DEPLOYMENT, "docker.io/library/nginx:1." + v).withPorts("8080:80"));
    }

    int size() {
        return agents.size();
    }

    long activeCount() {
        return agents.stream().filter(a -> a.state() == AgentState.ACTIVE).count();
    }

    /** Publishes version {@code v} to every device from {@code threads} threads (each a read + compare-and-set). */
    void publish(int v, int threads) throws Exception {
        PodmanV0Score score = version(v);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < agents.size(); i++) {
                String d = device(i);
                writes.add(pool.submit(() -> publisher.publish(List.of(d), DEPLOYMENT, score)));
            }
            for (Future<?> w : writes) {
                w.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Returns how many agents run version {@code v} now. */
    long runningVersion(int v) {
        PodmanV0Score score = version(v);
        return interpreters.stream().filter(i -> score.equals(i.scoreOf(DEPLOYMENT))).count();
    }

    /** Returns the applies beyond the first of each device + deployment + Score (a revision's content). */
    long doubleApplies() {
        return interpreters.stream().flatMap(i -> i.repeatedApplies().values().stream())
                .mapToLong(n -> n - 1).sum();
    }

    @Override
    public void close() {
        agents.parallelStream().forEach(DeviceAgent::close);
        stores.forEach(NatsDesiredStateStore::close);
        publisherStore.close();
        try {
            for (Connection c : connections) {
                c.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
