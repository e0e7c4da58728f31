package io.p4n4.agent.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.p4n4.agent.DeviceAgent;
import io.p4n4.agent.nats.internal.NKeySeedFileAuth;
import io.p4n4.agent.score.PodmanService;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.RecordingScoreInterpreter;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.score.AgentState;
import io.p4n4.api.score.DeploymentState;
import io.p4n4.api.score.DesiredStateEvent;
import io.p4n4.api.score.DesiredStateListener;
import io.p4n4.api.score.NatsCredentials;
import io.p4n4.api.score.Topology;
import io.p4n4.testkit.await.Waits;
import io.p4n4.testkit.nats.NatsServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-device permission template ({@link DevicePermissions}, written by {@link NatsAuthorizationConfig})
 * on a real nats-server: device pi-a reads, lists and watches its own keys and writes its own status; every
 * way to reach pi-b's keys, or to write desired state, is refused; an agent whose permissions are revoked
 * says so and keeps what it runs, and recovers when they are back.
 */
class NatsDevicePermissionsTest {

    private static final ConditionFactory WAIT = Waits.within(Duration.ofSeconds(15), Duration.ofMillis(20));

    @TempDir
    Path dir;

    private NatsServerProcess server;
    private NatsSecurityFixtures.UserKey admin;
    private NatsSecurityFixtures.UserKey deviceA;
    private NatsSecurityFixtures.UserKey deviceB;
    private NatsDesiredStateStore adminStore;
    private NatsDesiredStateStore storeA;
    private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Path binary = NatsServerProcess.findBinary().orElse(null);
        Assumptions.assumeTrue(binary != null, "no nats-server binary");
        admin = NatsSecurityFixtures.UserKey.create();
        deviceA = NatsSecurityFixtures.UserKey.create();
        deviceB = NatsSecurityFixtures.UserKey.create();
        server = NatsServerProcess.start(binary, dir.resolve("js"), authorization("pi-a"));
        adminStore = NatsDesiredStateStore.builder().servers(List.of(server.url()))
                .credentials(NatsCredentials.nkeySeedFile(admin.writeSeed(dir.resolve("admin.nk")), "test")).connect();
        ScorePublisher publisher = ScorePublisher.create(adminStore);
        publisher.publish(List.of("pi-a", "pi-b"), "app", web("nginx:1"));
        adminStore.putStatus("pi-b", "{\"b\":1}"); // creates the status bucket: devices may not create buckets
        storeA = device("pi-a", deviceA);
    }

    /** The fleet's block, with pi-a's key given the permissions of {@code aIs}. */
    private String authorization(String aIs) {
        return NatsAuthorizationConfig.builder().admin(admin.publicKey()).device(aIs, deviceA.publicKey())
                .device("pi-b", deviceB.publicKey()).build().render();
    }

    private NatsDesiredStateStore device(String device, NatsSecurityFixtures.UserKey key) throws Exception {
        NatsDesiredStateStore store = NatsDesiredStateStore.builder().servers(List.of(server.url()))
                .credentials(NatsCredentials.nkeySeedFile(key.writeSeed(dir.resolve(device + ".nk")), "test"))
                .inboxPrefix(DevicePermissions.inboxPrefix(device)).requestTimeout(Duration.ofMillis(500))
                .reconnectWait(Duration.ofMillis(100)).connect();
        closeables.add(store);
        return store;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        if (adminStore != null) {
            adminStore.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static PodmanV0Score web(String image) {
        return PodmanV0Score.of(PodmanService.of("web", image));
    }

    @Test
    void aDeviceReadsListsAndWatchesItsOwnKeysAndWritesItsOwnStatus() throws Exception {
        assertThat(storeA.find("pi-a", "app")).isPresent();
        assertThat(storeA.list("pi-a")).hasSize(1);
        List<DesiredStateEvent> events = new CopyOnWriteArrayList<>();
        closeables.add(storeA.watch("pi-a", 0, listener(events)));
        WAIT.until(() -> events.size() == 1);
        ScorePublisher.create(adminStore).publish(List.of("pi-a"), "app", web("nginx:2"));
        WAIT.until(() -> events.size() == 2 && events.get(1).value().contains("nginx:2"));

        storeA.putStatus("pi-a", "{\"a\":1}");
        assertThat(adminStore.findStatus("pi-a")).contains("{\"a\":1}");
    }

    @Test
    void aDeviceCannotReadListWatchOrWriteAnotherDevicesKeysNorWriteDesiredState() {
        assertRefused(() -> storeA.find("pi-b", "app"), "get pi-b.app");
        assertRefused(() -> storeA.list("pi-b"), "list pi-b.>");
        assertRefused(() -> storeA.watch("pi-b", 0, listener(new CopyOnWriteArrayList<>())), "watch pi-b.>");
        assertRefused(() -> storeA.compareAndSet("pi-b", "app", "{}", 1), "put pi-b.app");
        assertRefused(() -> storeA.compareAndSet("pi-a", "evil", "{}", 0), "put pi-a.evil");
        assertRefused(() -> storeA.delete("pi-b", "app"), "delete pi-b.app");
        assertRefused(() -> storeA.putStatus("pi-b", "{}"), "put status.pi-b");
        assertRefused(() -> storeA.findStatus("pi-b"), "get status.pi-b");

        assertThat(adminStore.find("pi-b", "app").orElseThrow().value()).contains("nginx:1");
        assertThat(adminStore.findStatus("pi-b")).contains("{\"b\":1}");
        assertThat(adminStore.list("pi-a")).extracting(s -> s.deployment()).containsExactly("app");
    }

    @Test
    void rawRequestsThatHideTheKeyOrForgeTheFilterAreRefused() throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        Options options = Options.builder().server(server.url()).inboxPrefix(DevicePermissions.inboxPrefix("pi-a"))
                .authHandler(new NKeySeedFileAuth(dir.resolve("pi-a.nk"))).errorListener(new ErrorListener() {
                    @Override
                    public void errorOccurred(Connection conn, String error) {
                        errors.add(error);
                    }
                }).build();
        Connection raw = Nats.connect(options);
        try {
            byte[] lastOfB = "{\"last_by_subj\":\"$KV.desired-state.pi-b.app\"}".getBytes(StandardCharsets.UTF_8);
            // the get forms whose subject does not name the key
            assertThat(raw.request("$JS.API.STREAM.MSG.GET.KV_desired-state", lastOfB, Duration.ofMillis(300)))
                    .isNull();
            assertThat(raw.request("$JS.API.DIRECT.GET.KV_desired-state", lastOfB, Duration.ofMillis(300))).isNull();
            // a consumer whose subject names pi-a's keys but whose configuration filters pi-b's
            String forged = "{\"stream_name\":\"KV_desired-state\",\"config\":{\"name\":\"forged\","
                    + "\"deliver_subject\":\"_INBOX.pi-a.forged\",\"filter_subject\":\"$KV.desired-state.pi-b.>\","
                    + "\"ack_policy\":\"none\",\"deliver_policy\":\"all\"}}";
            Message reply = raw.request("$JS.API.CONSUMER.CREATE.KV_desired-state.forged.$KV.desired-state.pi-a.>",
                    forged.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(2));
            assertThat(new String(reply.getData(), StandardCharsets.UTF_8)).contains("\"error\"");
            // core subscriptions to the bucket's subjects or to another device's inbox
            raw.subscribe("$KV.desired-state.pi-b.>");
            raw.subscribe("_INBOX.pi-b.>");
            raw.flush(Duration.ofSeconds(2));
            WAIT.until(() -> errors.size() >= 4);
        } finally {
            raw.close();
        }
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("Publish to \"$JS.API.STREAM.MSG.GET"))
                .anySatisfy(e -> assertThat(e).contains("Publish to \"$JS.API.DIRECT.GET.KV_desired-state\""))
                .anySatisfy(e -> assertThat(e).contains("Subscription to \"$KV.desired-state.pi-b.>\""))
                .anySatisfy(e -> assertThat(e).contains("Subscription to \"_INBOX.pi-b.>\""));
    }

    @Test
    void anAgentWhosePermissionsAreRevokedSaysSoKeepsWhatItRunsAndRecovers() throws Exception {
        RecordingScoreInterpreter<PodmanV0Score> interpreter = RecordingScoreInterpreter.of(PodmanV0Score.TYPE);
        DeviceAgent agent = DeviceAgent.builder().topology(Topology.ofThisMachine("pi-a", "none")).store(storeA)
                .interpreter(interpreter).relistInterval(Duration.ofMillis(300))
                .backoff(Duration.ofMillis(50), Duration.ofMillis(500)).build().start();
        closeables.add(agent);
        WAIT.until(() -> agent.state() == AgentState.ACTIVE && interpreter.scoreOf("app") != null);

        restartWith(authorization("pi-z")); // pi-a's key now has another device's permissions
        WAIT.until(() -> agent.status().lastError() != null
                && agent.status().lastError().contains("Permissions Violation"));

        assertThat(agent.state()).isEqualTo(AgentState.CONNECTING);
        assertThat(agent.status().lastError()).contains(server.url())
                .contains("may not do this; check its permissions");
        assertThat(interpreter.deployed()).extracting(d -> d.deployment()).containsExactly("app");
        assertThat(agent.status().deployments().get("app").state()).isEqualTo(DeploymentState.RUNNING);

        restartWith(authorization("pi-a"));
        WAIT.until(adminStore::connected);
        ScorePublisher.create(adminStore).publish(List.of("pi-a"), "app", web("nginx:3"));
        WAIT.until(() -> agent.state() == AgentState.ACTIVE && interpreter.scoreOf("app") != null
                && interpreter.scoreOf("app").services().get(0).image().equals("nginx:3"));
        assertThat(interpreter.calls()).extracting(RecordingScoreInterpreter.Call::action).doesNotContain("remove");
    }

    /**
     * Restarts the server on its port and store with another authorization. (A reload by SIGHUP would be
     * closer, but nats-server 2.9 turns JetStream off on reload when it was enabled by the -js flag.)
     */
    private void restartWith(String config) throws Exception {
        int port = server.port();
        server.stop();
        server = NatsServerProcess.startOn(NatsServerProcess.findBinary().orElseThrow(), dir.resolve("js"), port,
                config);
    }

    private static void assertRefused(ThrowableAssert.ThrowingCallable call, String what) {
        assertThatThrownBy(call).isInstanceOfSatisfying(P4n4Exception.class, e -> {
            assertThat(e.code()).as(what).isEqualTo(ErrorCode.USER);
            assertThat(e.getMessage()).contains(what + " was refused: Permissions Violation")
                    .contains("the NKey seed in").contains("may not do this");
        });
    }

    private static DesiredStateListener listener(List<DesiredStateEvent> events) {
        return new DesiredStateListener() {
            @Override
            public void onEvent(DesiredStateEvent event) {
                events.add(event);
            }

            @Override
            public void onConnectionChange(boolean connected) {
                // not needed here
            }
        };
    }
}
