package io.p4n4.agent.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.testkit.await.Waits;
import io.p4n4.testkit.nats.NatsServer;
import io.p4n4.testkit.nats.NatsServerProcess;
import java.time.Duration;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 1,000 device agents in this JVM over 4 stores sharing one watch each, on a real nats-server that is
 * restarted under them (stopped, or killed with SIGKILL): the consumer count stays bounded, the consumers
 * created during the recovery stay far under 2 per agent, nothing is applied twice, and the fleet
 * converges on what is published after the restart. Asserts correctness only, no timings (the figures
 * are FleetSimulation's, in docs/BENCHMARKS.md).
 */
class SharedWatchFleetTest {

    private static final int AGENTS = 1000;
    private static final int STORES = 4;
    private static final ConditionFactory WAIT = Waits.within(Duration.ofSeconds(90), Duration.ofMillis(50));

    @NatsServer
    private NatsServerProcess server;

    @ParameterizedTest(name = "server {0}")
    @ValueSource(strings = {"stopped", "killed"})
    void aFleetSurvivesAServerRestartWithoutAConsumerStormOrDoubleApplies(String how) throws Exception {
        try (FleetHarness fleet = new FleetHarness(server, AGENTS, STORES)) {
            WAIT.alias("all agents ACTIVE").until(() -> fleet.active() == AGENTS);
            fleet.publish(1);
            WAIT.alias("all agents run version 1").until(() -> fleet.running(1) == AGENTS);

            // one consumer per store, not per device (plus the publisher's, if any, and at most a few listings)
            assertThat(fleet.consumersOnServer()).as("consumers at steady state").isBetween((long) STORES,
                    STORES + 5L);
            long createdBefore = fleet.consumersCreated();

            if (how.equals("killed")) {
                server.kill();
            } else {
                server.stop();
            }
            WAIT.alias("agents notice the server is gone").until(() -> fleet.active() < AGENTS);
            server.startAgain();
            WAIT.alias("all agents ACTIVE again").until(() -> fleet.active() == AGENTS);
            // an agent is ACTIVE again once its watch is back: every re-watch is done, each consumer creation is
            // a JetStream API request, and the restarted server counts them all (the audit may miss the first)
            assertThat(fleet.apiRequestsSinceStart()).as("JetStream API requests since the restart, creations"
                    + " included").isPositive().isLessThan(2L * AGENTS);
            fleet.publish(2);
            WAIT.alias("all agents run version 2").until(() -> fleet.running(2) == AGENTS);

            long createdInRecovery = fleet.consumersCreated() - createdBefore;
            assertThat(createdInRecovery).as("consumers created during the recovery and the publish, as the audit"
                    + " saw them").isLessThan(2L * AGENTS);
            assertThat(fleet.consumersOnServer()).as("consumers after the recovery").isBetween((long) STORES,
                    STORES + 5L);
            assertThat(fleet.doubleApplies()).as("applies of the same Score twice on one device").isZero();
            assertThat(fleet.applies()).as("every agent applied version 1 and 2 once").isEqualTo(2L * AGENTS);
        }
    }
}
