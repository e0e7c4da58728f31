package io.p4n4.agent.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.api.ClusterInfo;
import io.p4n4.agent.DeviceAgent;
import io.p4n4.agent.score.PodmanService;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.RecordingScoreInterpreter;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.score.AgentState;
import io.p4n4.api.score.Topology;
import io.p4n4.testkit.nats.NatsServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Device agents on a real 3-node JetStream cluster, the desired-state bucket at replicas 3, while a
 * publisher keeps writing new generations: a member is killed with SIGKILL and restarted, then the meta
 * leader is. Every agent must end with exactly the published state, apply each generation at most once,
 * and reconnect through its server list. Prints the figures recorded in docs/BENCHMARKS.md.
 */
class ClusterFaultsTest {

    private static final int DEVICES = 8;
    private static final List<String> DEPLOYMENTS = List.of("web", "db", "cache");
    /** An upper bound only: the publisher runs until the faults are over. */
    private static final int MAX_GENERATIONS = 2000;
    private static final Duration CONVERGE = Duration.ofSeconds(45);

    /** The last write the cluster refused (during an election), for the message of a timeout. */
    private static volatile P4n4Exception lastWriteError;

    @TempDir
    Path dir;

    private NatsCluster cluster;
    private final List<NatsDesiredStateStore> stores = new ArrayList<>();
    private final List<DeviceAgent> agents = new ArrayList<>();
    private final List<RecordingScoreInterpreter<PodmanV0Score>> interpreters = new ArrayList<>();
    private Thread publisherThread;
    private final AtomicBoolean stopPublishing = new AtomicBoolean();

    @AfterEach
    void tearDown() throws Exception {
        stopPublishing.set(true);
        if (publisherThread != null) {
            publisherThread.join(10_000);
        }
        agents.forEach(DeviceAgent::close);
        stores.forEach(NatsDesiredStateStore::close);
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void agentsEndWithThePublishedStateWhenAMemberAndThenTheMetaLeaderAreKilled() throws Exception {
        Path binary = NatsServerProcess.findBinary().orElse(null);
        Assumptions.assumeTrue(binary != null, "no nats-server binary (install nats-server or set P4N4_NATS_SERVER)");
        cluster = NatsCluster.start(binary, dir, 3);
        NatsDesiredStateStore publisherStore = store("publisher");
        // the publisher creates the bucket at replicas 3 before any agent opens it
        assertThat(publisherStore.list("dev-0")).isEmpty();
        assertThat(streamCluster(publisherStore).getReplicas()).hasSize(2);

        for (int i = 0; i < DEVICES; i++) {
            RecordingScoreInterpreter<PodmanV0Score> interpreter = RecordingScoreInterpreter.of(PodmanV0Score.TYPE);
            interpreters.add(interpreter);
            // a relist would hide a lost watch: only watch events and the relist after a reconnect may converge
            agents.add(DeviceAgent.builder().topology(Topology.ofThisMachine(device(i), "none"))
                    .store(store("agent-" + i)).interpreter(interpreter).relistInterval(Duration.ofMinutes(10))
                    .statusInterval(Duration.ofMinutes(10)).backoff(Duration.ofMillis(50), Duration.ofSeconds(1))
                    .build().start());
        }
        await("every agent ACTIVE", Duration.ofSeconds(20),
                () -> agents.stream().allMatch(a -> a.state() == AgentState.ACTIVE));

        Publisher publisher = new Publisher(ScorePublisher.create(publisherStore));
        publisherThread = new Thread(publisher, "cluster-publisher");
        publisherThread.start();
        await("generation 5 published", CONVERGE, () -> publisher.published.get() >= 5);

        int first = busiestMember();
        Fault memberKill = kill(first, publisher, "member " + cluster.name(first), false);
        cluster.server(first).startAgain();
        cluster.awaitCurrent(first, Duration.ofSeconds(30));
        awaitStreamReplicasCurrent(publisherStore);

        int leader = cluster.awaitMetaLeader(Duration.ofSeconds(10));
        // started again as soon as its agents moved: with nats-server 2.9.10 the bucket's stream sometimes
        // elects no leader while the old meta leader stays down (publishes get 503 for minutes; 1 run in 4)
        Fault leaderKill = kill(leader, publisher, "meta leader " + cluster.name(leader), true);
        cluster.awaitCurrent(leader, Duration.ofSeconds(30));

        stopPublishing.set(true);
        publisherThread.join(CONVERGE.toMillis());
        assertThat(publisherThread.isAlive()).as("publisher finished").isFalse();
        assertThat(publisher.failure).as("publisher error").isNull();
        int last = publisher.published.get();
        assertThat(last).as("generations published").isLessThan(MAX_GENERATIONS);
        // a delete must get through too: the last state drops one deployment everywhere
        retry(() -> publisher.publisher.delete(devices(), "cache"));

        Map<String, PodmanV0Score> expected = Map.of("web", score("web", last), "db", score("db", last));
        await("every agent runs exactly the published state", CONVERGE,
                () -> interpreters.stream().allMatch(i -> running(i).equals(expected)));
        for (int i = 0; i < DEVICES; i++) {
            assertThat(running(interpreters.get(i))).as(device(i)).isEqualTo(expected);
            assertThat(agents.get(i).state()).as("%s state", device(i)).isEqualTo(AgentState.ACTIVE);
            assertThat(interpreters.get(i).repeatedApplies()).as("%s: Scores applied more than once", device(i))
                    .isEmpty();
        }
        assertThat(memberKill.reconnected + leaderKill.reconnected).as("agents that moved to another member")
                .isGreaterThan(0);
        System.out.printf("cluster faults: %d agents x %d deployments, %d generations; %s; %s%n", DEVICES,
                DEPLOYMENTS.size(), last, memberKill, leaderKill);
    }

    /**
     * Kills member {@code i} and measures until its agents reconnected elsewhere and all agents caught up;
     * with {@code restart}, the member is started again once its agents have moved (a supervisor's restart).
     */
    private Fault kill(int i, Publisher publisher, String what, boolean restart) throws Exception {
        List<Integer> onVictim = agentsOn(i);
        int generationAtKill = publisher.published.get();
        long start = System.nanoTime();
        cluster.server(i).kill();
        await(what + ": its agents reconnected to another member", CONVERGE,
                () -> onVictim.stream().allMatch(a -> stores.get(a + 1).connected()
                        && cluster.indexOfUrl(stores.get(a + 1).connection().getConnectedUrl()) != i));
        long reconnected = System.nanoTime() - start;
        if (restart) {
            cluster.server(i).startAgain();
        }
        await(what + ": a generation after the kill written", CONVERGE,
                () -> publisher.published.get() > generationAtKill);
        long written = System.nanoTime() - start;
        await(what + ": every agent applied a generation written after the kill", CONVERGE,
                () -> interpreters.stream().allMatch(in -> lowestGeneration(in) > generationAtKill));
        long converged = System.nanoTime() - start;
        return new Fault(what, onVictim.size(), reconnected, written, converged);
    }

    private List<Integer> agentsOn(int member) {
        return IntStream.range(0, DEVICES).filter(a -> {
            Connection c = stores.get(a + 1).connection();
            return c != null && cluster.indexOfUrl(c.getConnectedUrl()) == member;
        }).boxed().toList();
    }

    /** The member most agents are connected to, so the first kill certainly moves some of them. */
    private int busiestMember() {
        return IntStream.range(0, cluster.size()).boxed()
                .max((a, b) -> Integer.compare(agentsOn(a).size(), agentsOn(b).size())).orElseThrow();
    }

    private NatsDesiredStateStore store(String name) {
        NatsDesiredStateStore s = NatsDesiredStateStore.builder().servers(cluster.urls()).replicas(3)
                .connectionName(name).reconnectWait(Duration.ofMillis(100)).requestTimeout(Duration.ofSeconds(3))
                .initialWait(Duration.ofSeconds(5)).connect();
        stores.add(s);
        return s;
    }

    private static ClusterInfo streamCluster(NatsDesiredStateStore store) throws Exception {
        return store.connection().jetStreamManagement().getStreamInfo("KV_" + store.bucket()).getClusterInfo();
    }

    /** Waits until the bucket's stream has a leader and both other replicas are current. */
    private void awaitStreamReplicasCurrent(NatsDesiredStateStore store) throws InterruptedException {
        await("the bucket's replicas current", CONVERGE, () -> {
            try {
                ClusterInfo info = streamCluster(store);
                return info.getLeader() != null && info.getReplicas().size() == 2
                        && info.getReplicas().stream().allMatch(r -> r.isCurrent() && !r.isOffline());
            } catch (Exception e) {
                return false;
            }
        });
    }

    private static Map<String, PodmanV0Score> running(RecordingScoreInterpreter<PodmanV0Score> interpreter) {
        Map<String, PodmanV0Score> out = new HashMap<>();
        interpreter.deployed().forEach(d -> out.put(d.deployment(), interpreter.scoreOf(d.deployment())));
        return out;
    }

    /** The lowest generation running over all deployments (0 when one is missing). */
    private static int lowestGeneration(RecordingScoreInterpreter<PodmanV0Score> interpreter) {
        int lowest = Integer.MAX_VALUE;
        for (String deployment : DEPLOYMENTS) {
            PodmanV0Score s = interpreter.scoreOf(deployment);
            lowest = Math.min(lowest, s == null ? 0 : Integer.parseInt(s.services().get(0).env().get("GEN")));
        }
        return lowest;
    }


    private static PodmanV0Score score(String deployment, int generation) {
        return PodmanV0Score.of(PodmanService.of(deployment, "docker.io/library/nginx:alpine")
                .withEnv(Map.of("GEN", Integer.toString(generation))));
    }

    private static String device(int i) {
        return "dev-" + i;
    }

    private static List<String> devices() {
        return IntStream.range(0, DEVICES).mapToObj(ClusterFaultsTest::device).toList();
    }

    /** Retries a write that failed because the cluster was electing a leader; a lost answer is re-read. */
    private static <T> T retry(java.util.function.Supplier<T> write) {
        long deadline = System.nanoTime() + CONVERGE.toNanos();
        while (true) {
            try {
                return write.get();
            } catch (P4n4Exception e) {
                lastWriteError = e;
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(50);
            }
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what + " (last write error: "
                        + lastWriteError + ")");
            }
            Thread.sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Publishes generation after generation of every deployment to every device, ~100 ms apart, until stopped. */
    private final class Publisher implements Runnable {
        final ScorePublisher publisher;
        final AtomicInteger published = new AtomicInteger();
        volatile Throwable failure;

        Publisher(ScorePublisher publisher) {
            this.publisher = publisher;
        }

        @Override
        public void run() {
            try {
                for (int g = 1; g <= MAX_GENERATIONS && !stopPublishing.get(); g++) {
                    for (String deployment : DEPLOYMENTS) {
                        PodmanV0Score s = score(deployment, g);
                        retry(() -> publisher.publish(devices(), deployment, s));
                    }
                    published.set(g);
                    Thread.sleep(100);
                }
            } catch (Throwable t) {
                failure = t;
            }
        }
    }

    /** What one kill cost: how many agents had to move, and the times after the SIGKILL. */
    private record Fault(String what, int reconnected, long reconnectNanos, long writeNanos, long convergeNanos) {
        @Override
        public String toString() {
            return ("%s killed: %d agents reconnected in %d ms, next generation written after %d ms, all agents on"
                    + " it after %d ms").formatted(what, reconnected, reconnectNanos / 1_000_000, writeNanos / 1_000_000,
                    convergeNanos / 1_000_000);
        }
    }
}
