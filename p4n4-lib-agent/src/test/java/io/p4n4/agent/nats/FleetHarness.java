package io.p4n4.agent.nats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.p4n4.agent.DeviceAgent;
import io.p4n4.agent.score.PodmanService;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.RecordingScoreInterpreter;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.api.score.AgentState;
import io.p4n4.api.score.Topology;
import io.p4n4.testkit.nats.NatsServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fleet of device agents with recording interpreters in the test JVM, over a few stores that each share
 * one watch among their devices, plus what the tests read from the server: consumers it holds now
 * ({@code /jsz}) and consumers it created (its advisories, on a connection of the harness's own that
 * reconnects every 10 ms, so it is back before the agents after a restart).
 */
final class FleetHarness implements AutoCloseable {

    static final String DEPLOYMENT = "hello";

    private final NatsServerProcess server;
    private final String prefix = "f" + UUID.randomUUID().toString().substring(0, 6) + "-";
    private final List<NatsDesiredStateStore> stores = new ArrayList<>();
    private final List<RecordingScoreInterpreter<PodmanV0Score>> interpreters = new ArrayList<>();
    private final List<DeviceAgent> agents = new ArrayList<>();
    private final NatsDesiredStateStore publisherStore;
    private final ScorePublisher publisher;
    private final Connection audit;
    private final AtomicLong consumersCreated = new AtomicLong();

    FleetHarness(NatsServerProcess server, int agentCount, int storeCount) throws Exception {
        this.server = server;
        audit = Nats.connect(Options.builder().server(server.url()).maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(10)).build());
        Dispatcher d = audit.createDispatcher(m -> consumersCreated.incrementAndGet());
        d.subscribe("$JS.EVENT.ADVISORY.CONSUMER.CREATED.>");
        audit.flush(Duration.ofSeconds(5));
        for (int s = 0; s < storeCount; s++) {
            stores.add(NatsDesiredStateStore.builder().servers(List.of(server.url())).shareWatch(true)
                    .requestTimeout(Duration.ofSeconds(10)).reconnectWait(Duration.ofMillis(200)).connect());
        }
        for (int i = 0; i < agentCount; i++) {
            RecordingScoreInterpreter<PodmanV0Score> interpreter = RecordingScoreInterpreter.of(PodmanV0Score.TYPE);
            agents.add(DeviceAgent.builder().topology(Topology.ofThisMachine(device(i), "none"))
                    .store(stores.get(i % storeCount)).interpreter(interpreter)
                    .relistInterval(Duration.ofSeconds(60)).statusInterval(Duration.ofSeconds(60)).build().start());
            interpreters.add(interpreter);
        }
        publisherStore = NatsDesiredStateStore.builder().servers(List.of(server.url()))
                .requestTimeout(Duration.ofSeconds(10)).connect();
        publisher = ScorePublisher.create(publisherStore);
    }

    String device(int i) {
        return prefix + i;
    }

    int size() {
        return agents.size();
    }

    long active() {
        return agents.stream().filter(a -> a.state() == AgentState.ACTIVE).count();
    }

    static PodmanV0Score version(int v) {
        return PodmanV0Score.of(PodmanService.of(DEPLOYMENT, "docker.io/library/nginx:1." + v));
    }

    /** Publishes version {@code v} to every device from 8 threads. */
    void publish(int v) throws Exception {
        PodmanV0Score score = version(v);
        ExecutorService pool = Executors.newFixedThreadPool(8);
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

    /** Returns how many agents run version {@code v}. */
    long running(int v) {
        PodmanV0Score score = version(v);
        return interpreters.stream().filter(i -> score.equals(i.scoreOf(DEPLOYMENT))).count();
    }

    /** Returns the applies beyond the first of each device + deployment + Score (each version's content). */
    long doubleApplies() {
        return interpreters.stream().flatMap(i -> i.repeatedApplies().values().stream())
                .mapToLong(n -> n - 1).sum();
    }

    /** Returns every apply made, by all agents. */
    long applies() {
        return interpreters.stream().mapToLong(RecordingScoreInterpreter::applyCount).sum();
    }

    /** Returns how many consumers the server created since the harness subscribed to its advisories. */
    long consumersCreated() {
        return consumersCreated.get();
    }

    /** Returns how many consumers the server holds now, from its monitoring endpoint. */
    long consumersOnServer() throws Exception {
        return jsz().path("consumers").asLong(-1);
    }

    /**
     * Returns how many JetStream API requests the server answered since it started (each consumer creation is
     * one, so after a restart this bounds the creations from above, with no subscription that could miss any).
     */
    long apiRequestsSinceStart() throws Exception {
        return jsz().path("api").path("total").asLong(-1);
    }

    private JsonNode jsz() throws Exception {
        String json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.monitorUrl() + "/jsz"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return new ObjectMapper().readTree(json);
    }

    @Override
    public void close() {
        agents.parallelStream().forEach(DeviceAgent::close);
        stores.forEach(NatsDesiredStateStore::close);
        publisherStore.close();
        try {
            audit.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
