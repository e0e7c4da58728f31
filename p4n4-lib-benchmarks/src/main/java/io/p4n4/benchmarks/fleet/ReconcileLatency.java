package io.p4n4.benchmarks.fleet;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.RemoveContainerOptions;
import io.p4n4.api.score.ApplyOutcome;
import io.p4n4.api.score.DeployedScore;
import io.p4n4.api.score.ScoreType;
import io.p4n4.api.score.InterpreterPlatform;
import io.p4n4.api.score.Topology;
import io.p4n4.api.spi.ContainerEngineProvider;
import io.p4n4.api.spi.ScoreInterpreter;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.agent.DeviceAgent;
import io.p4n4.agent.score.PodmanService;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.RecordingScoreInterpreter;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.agent.podman.PodmanV0Interpreter;
import io.p4n4.testkit.nats.NatsServerProcess;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Reconcile latency: from the KV put of a new deployment to its container running (the engine's start
 * call returned), image present, one agent. With {@code none} as the runtime, a recording interpreter
 * measures the control plane alone.
 *
 * <pre>java -cp p4n4-lib-benchmarks/target/benchmarks.jar io.p4n4.benchmarks.fleet.ReconcileLatency
 *     docker|podman|none [ITERATIONS] [ENDPOINT]</pre>
 * The endpoint defaults to the engines of {@code scripts/engines.sh start}.
 */
public final class ReconcileLatency {

    private static final String IMAGE = "localhost/p4n4-test-busybox:1";

    private ReconcileLatency() {
    }

    /** Runs the measurement and prints percentiles. */
    public static void main(String[] args) throws Exception {
        String runtime = args.length > 0 ? args[0] : "docker";
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        String device = "bench-" + ProcessHandle.current().pid();
        ContainerEngine engine = runtime.equals("none") ? null : engine(runtime,
                args.length > 2 ? args[2] : "unix:///tmp/p4n4-it/" + runtime + ".sock");
        try (NatsServerProcess server = NatsServerProcess.start(NatsBinary.require(),
                Files.createTempDirectory("p4n4-latency"));
                NatsDesiredStateStore agentStore = NatsDesiredStateStore.builder().servers(List.of(server.url())).connect();
                NatsDesiredStateStore publisherStore = NatsDesiredStateStore.builder().servers(List.of(server.url()))
                        .connect()) {
            ScoreInterpreter<PodmanV0Score> inner = engine == null ? RecordingScoreInterpreter.of(PodmanV0Score.TYPE)
                    : PodmanV0Interpreter.create(engine, device, Duration.ofSeconds(1));
            Timed timed = new Timed(inner);
            try (DeviceAgent agent = DeviceAgent.builder().topology(Topology.ofThisMachine(device, runtime))
                    .store(agentStore).interpreter(timed).build().start()) {
                ScorePublisher publisher = ScorePublisher.create(publisherStore);
                PodmanV0Score score = PodmanV0Score.of(PodmanService.of("main", IMAGE).withCommand("sleep", "3600"));
                List<Double> latencies = new ArrayList<>();
                for (int i = 0; i < iterations + 5; i++) {
                    String deployment = "d" + i;
                    long put = System.nanoTime();
                    publisher.publish(List.of(device), deployment, score);
                    Long applied;
                    while ((applied = timed.appliedAt.get(deployment)) == null) {
                        Thread.onSpinWait();
                    }
                    if (i >= 5) { // the first five warm up the JVM, the connection and the engine
                        latencies.add((applied - put) / 1e6);
                    }
                    publisher.delete(List.of(device), deployment);
                    while (!timed.removed.containsKey(deployment)) {
                        Thread.sleep(1);
                    }
                }
                System.out.println("runtime=" + runtime + " KV put -> running: " + Stats.summary(latencies)
                        + " (agent " + agent.state() + ")");
            }
        } finally {
            if (engine != null) {
                engine.listContainers(ContainerFilter.all(LabelFilter.of(PodmanV0Interpreter.LABEL_DEVICE, device)))
                        .forEach(c -> engine.removeContainer(c.id(),
                                RemoveContainerOptions.forced().withAnonymousVolumes()));
                engine.close();
            }
        }
    }

    private static ContainerEngine engine(String runtime, String endpoint) {
        for (ContainerEngineProvider p : ServiceLoader.load(ContainerEngineProvider.class)) {
            if (p.id().equals(runtime)) {
                return p.create(EngineConfig.of(URI.create(endpoint)));
            }
        }
        throw new IllegalStateException("no " + runtime + " provider on the class path");
    }

    /** Records when each apply returned and each remove happened. */
    private static final class Timed implements ScoreInterpreter<PodmanV0Score> {
        final ConcurrentMap<String, Long> appliedAt = new ConcurrentHashMap<>();
        final ConcurrentMap<String, Boolean> removed = new ConcurrentHashMap<>();
        private final ScoreInterpreter<PodmanV0Score> inner;

        Timed(ScoreInterpreter<PodmanV0Score> inner) {
            this.inner = inner;
        }

        @Override
        public String id() {
            return inner.id();
        }

        @Override
        public ScoreType<PodmanV0Score> scoreType() {
            return inner.scoreType();
        }

        @Override
        public InterpreterPlatform platform() {
            return inner.platform();
        }

        @Override
        public ApplyOutcome apply(String deployment, PodmanV0Score score, String hash, Topology topology) {
            ApplyOutcome outcome = inner.apply(deployment, score, hash, topology);
            appliedAt.put(deployment, System.nanoTime());
            return outcome;
        }

        @Override
        public void remove(String deployment) {
            inner.remove(deployment);
            if (appliedAt.containsKey(deployment)) {
                removed.put(deployment, true);
            }
        }

        @Override
        public List<DeployedScore> deployed() {
            return inner.deployed();
        }
    }
}
