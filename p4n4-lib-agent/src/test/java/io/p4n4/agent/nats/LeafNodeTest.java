package io.p4n4.agent.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.agent.AgentStatusJson;
import io.p4n4.agent.DeviceAgent;
import io.p4n4.agent.score.PodmanService;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.RecordingScoreInterpreter;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.api.score.AgentState;
import io.p4n4.api.score.Topology;
import io.p4n4.testkit.await.Waits;
import io.p4n4.testkit.nats.NatsServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device connected only to a site's leaf-node server receives the desired state published on the hub:
 * two real nats-servers started from the configuration files of docs/nats (the documented topology), the
 * agent's store pointed at the hub's JetStream domain. The hub is then killed with SIGKILL and restarted:
 * the leaf reconnects and the agent receives the next change. Prints the figures in docs/BENCHMARKS.md.
 */
class LeafNodeTest {

    private static final Path DOCS = Path.of("..", "docs", "nats");

    @TempDir
    Path dir;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        resources.add(resource);
        return resource;
    }

    @Test
    void anAgentOnALeafNodeReceivesTheHubsDesiredState() throws Exception {
        Path binary = NatsServerProcess.findBinary().orElse(null);
        Assumptions.assumeTrue(binary != null, "no nats-server binary (install nats-server or set P4N4_NATS_SERVER)");
        int leafPort = NatsServerProcess.freePort();
        NatsServerProcess hub = closeLater(NatsServerProcess.start(binary, dir.resolve("hub"), config("hub.conf", leafPort)));
        NatsServerProcess leaf = closeLater(NatsServerProcess.start(binary, dir.resolve("site1"),
                config("site-leaf.conf", leafPort)));

        NatsDesiredStateStore hubStore = closeLater(NatsDesiredStateStore.builder().servers(List.of(hub.url()))
                .connectionName("publisher").connect());
        ScorePublisher publisher = ScorePublisher.create(hubStore);
        publisher.publish(List.of("site1-pi"), "app", score(1));

        NatsDesiredStateStore deviceStore = closeLater(NatsDesiredStateStore.builder().servers(List.of(leaf.url()))
                .jsDomain("hub").connectionName("site1-pi").reconnectWait(Duration.ofMillis(100)).connect());
        RecordingScoreInterpreter<PodmanV0Score> interpreter = RecordingScoreInterpreter.of(PodmanV0Score.TYPE);
        long start = System.nanoTime();
        DeviceAgent agent = closeLater(DeviceAgent.builder().topology(Topology.ofThisMachine("site1-pi", "none"))
                .store(deviceStore).interpreter(interpreter).relistInterval(Duration.ofMinutes(10))
                .backoff(Duration.ofMillis(50), Duration.ofSeconds(1)).build().start());
        Waits.within(Duration.ofSeconds(20)).alias("the hub's Score applied through the leaf")
                .until(() -> score(1).equals(interpreter.scoreOf("app")));
        long firstApply = System.nanoTime() - start;
        Waits.within(Duration.ofSeconds(20)).alias("the status written to the hub").until(() -> hubStore
                .findStatus("site1-pi").map(AgentStatusJson::read).map(s -> s.state() == AgentState.ACTIVE)
                .orElse(false));

        start = System.nanoTime();
        publisher.publish(List.of("site1-pi"), "app", score(2));
        Waits.within(Duration.ofSeconds(20)).alias("a change through the leaf")
                .until(() -> score(2).equals(interpreter.scoreOf("app")));
        long change = System.nanoTime() - start;

        // without the hub's domain, a store on the leaf uses the site's own JetStream: the hub's keys are not there
        try (NatsDesiredStateStore siteLocal = NatsDesiredStateStore.builder().servers(List.of(leaf.url())).connect()) {
            assertThat(siteLocal.list("site1-pi")).isEmpty();
        }
        assertThatThrownBy(() -> NatsDesiredStateStore.builder().jsDomain("hub.>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jsDomain");

        hub.kill();
        long killed = System.nanoTime();
        hub.startAgain();
        long restarted = System.nanoTime();
        ScorePublisher again = ScorePublisher.create(hubStore);
        Waits.within(Duration.ofSeconds(30), Duration.ofMillis(20)).alias("the publisher back on the hub")
                .until(() -> {
                    try {
                        again.publish(List.of("site1-pi"), "app", score(3));
                        return true;
                    } catch (RuntimeException e) {
                        return false;
                    }
                });
        Waits.within(Duration.ofSeconds(30), Duration.ofMillis(20)).alias("the change after the hub's restart")
                .until(() -> score(3).equals(interpreter.scoreOf("app")));
        long afterRestart = System.nanoTime() - restarted;
        assertThat(interpreter.applyCount()).as("each generation applied once").isEqualTo(3);
        assertThat(agent.state()).isEqualTo(AgentState.ACTIVE);
        System.out.printf("leaf node: first Score through the leaf %d ms after the agent started, a change %d ms"
                + " after publishing; hub killed and restarted (%d ms): next change applied %d ms after the restart%n",
                firstApply / 1_000_000, change / 1_000_000, (restarted - killed) / 1_000_000, afterRestart / 1_000_000);
    }

    /** The documented configuration, with the leaf-node port the test chose. */
    private static String config(String file, int leafPort) throws Exception {
        return Files.readString(DOCS.resolve(file)).replace("127.0.0.1:7422", "127.0.0.1:" + leafPort);
    }

    private static PodmanV0Score score(int generation) {
        return PodmanV0Score.of(PodmanService.of("app", "docker.io/library/nginx:alpine")
                .withEnv(Map.of("GEN", Integer.toString(generation))));
    }
}
