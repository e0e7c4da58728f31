package io.p4n4.benchmarks.fleet;

import io.p4n4.testkit.nats.NatsServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Device agents in one JVM against one nats-server, each with a recording interpreter (only the control
 * plane is measured): publish one deployment per device and measure the time until every agent has
 * applied it, what the server spent, the consumers it holds, and double applies. With a restart mode the
 * server is then stopped (or killed with SIGKILL) and started again under the fleet: it reports the
 * consumers created during the recovery and the convergence on a second version published afterwards.
 *
 * <pre>java -Xss256k -cp p4n4-lib-benchmarks/target/benchmarks.jar io.p4n4.benchmarks.fleet.FleetSimulation \
 *     [AGENTS=1000] [CONNECTIONS=50] [shared|per-device (default shared)] [none|stop|kill (default none)]
 *     [PUBLISH_THREADS=32]</pre>
 * In the shared shape CONNECTIONS is the number of stores, each with one watch on the whole bucket: every
 * change reaches every store, so keep it small (1-4) for large fleets.
 */
public final class FleetSimulation {

    private static final Duration PHASE_LIMIT = Duration.ofMinutes(5);

    private static int publishThreads;

    private FleetSimulation() {
    }

    /** Runs the simulation and prints the figures. */
    public static void main(String[] args) throws Exception {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Fleet.Shape shape = args.length > 2 ? Fleet.Shape.valueOf(args[2].toUpperCase(Locale.ROOT).replace('-', '_'))
                : Fleet.Shape.SHARED;
        String restart = args.length > 3 ? args[3] : "none";
        publishThreads = args.length > 4 ? Integer.parseInt(args[4]) : 32;
        Path store = Files.createTempDirectory("p4n4-fleet");
        try (NatsServerProcess server = NatsServerProcess.start(NatsBinary.require(), store)) {
            run(server, agents, connections, shape, restart);
        }
        System.exit(0); // leftover non-daemon jnats threads must not keep the measurement alive
    }

    private static void run(NatsServerProcess server, int agentCount, int connectionCount, Fleet.Shape shape,
            String restart) throws Exception {
        System.out.printf("agents=%d connections=%d shape=%s restart=%s%n", agentCount, connectionCount, shape,
                restart);
        long t0 = System.nanoTime();
        try (ConsumerAudit audit = new ConsumerAudit(server.url());
                Fleet fleet = Fleet.start(server.url(), agentCount, connectionCount, shape)) {
            await("all agents ACTIVE", fleet::activeCount, agentCount);
            System.out.printf("fleet up (all ACTIVE): %.2f s%n", seconds(t0));

            long cpuBefore = NatsServerStats.cpuMillis(server);
            long start = System.nanoTime();
            fleet.publish(1, publishThreads);
            double publishSeconds = seconds(start);
            await("all agents run version 1", () -> fleet.runningVersion(1), agentCount);
            double convergeSeconds = seconds(start);
            long cpuDuring = NatsServerStats.cpuMillis(server) - cpuBefore;
            System.out.printf("publish %d deployments (%d threads): %.2f s; full convergence: %.2f s after the first"
                    + " put%n", agentCount, publishThreads, publishSeconds, convergeSeconds);
            System.out.printf("nats-server during publish+converge: %d ms CPU (%.0f%% of one core), RSS %d MiB%n",
                    cpuDuring, 100.0 * cpuDuring / (convergeSeconds * 1000), NatsServerStats.rssMiB(server));
            Thread.sleep(5000);
            System.out.println("steady state (5 s later): consumers on the server=" + consumers(server)
                    + ", consumers created so far=" + audit.created() + ", nats-server RSS "
                    + NatsServerStats.rssMiB(server) + " MiB, CPU total " + NatsServerStats.cpuMillis(server) + " ms");

            if (!restart.equals("none")) {
                restart(server, fleet, audit, restart, agentCount);
            }
            System.out.println("double applies (same device + deployment + Score applied again): "
                    + fleet.doubleApplies());
        }
    }

    private static void restart(NatsServerProcess server, Fleet fleet, ConsumerAudit audit, String how,
            int agentCount) throws Exception {
        long createdBefore = audit.created();
        long t0 = System.nanoTime();
        if (how.equals("kill")) {
            server.kill();
        } else {
            server.stop();
        }
        Thread.sleep(1000);
        server.startAgain();
        await("all agents ACTIVE again", fleet::activeCount, agentCount);
        System.out.printf("%s + start: all ACTIVE again %.2f s after the %s; JetStream API requests the restarted"
                + " server answered by then (consumer creations included): %s%n", how, seconds(t0), how,
                field(NatsServerStats.monitor(server, "/jsz"), "total"));
        long start = System.nanoTime();
        fleet.publish(2, publishThreads);
        await("all agents run version 2", () -> fleet.runningVersion(2), agentCount);
        System.out.printf("version 2 published after the restart: full convergence %.2f s after the first put%n",
                seconds(start));
        Thread.sleep(5000);
        long created = audit.created() - createdBefore;
        System.out.printf("consumers created during recovery and the publish, as the advisory audit saw them (it"
                + " can miss those created before it reconnected): %d (%.2f per agent); on the server now: %s%n", created,
                (double) created / agentCount, consumers(server));
    }

    private static void await(String what, LongSupplier count, long target) throws InterruptedException {
        long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
        long nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (count.getAsLong() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": only " + count.getAsLong() + " of " + target + " after "
                        + PHASE_LIMIT);
            }
            if (System.nanoTime() > nextReport) {
                System.out.println("  ... " + what + ": " + count.getAsLong() + " of " + target);
                nextReport += Duration.ofSeconds(10).toNanos();
            }
            Thread.sleep(5);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String consumers(NatsServerProcess server) throws Exception {
        return field(NatsServerStats.monitor(server, "/jsz"), "consumers");
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
