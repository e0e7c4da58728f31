package io.p4n4.agent.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.agent.AgentStatusJson;
import io.p4n4.agent.DeviceAgent;
import io.p4n4.testkit.logging.CapturedLogs;
import io.p4n4.testkit.logging.CapturingServiceProvider;
import io.p4n4.agent.score.PodmanService;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.RecordingScoreInterpreter;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.score.AgentState;
import io.p4n4.api.score.NatsCredentials;
import io.p4n4.api.score.Topology;
import io.p4n4.testkit.await.Waits;
import io.p4n4.testkit.nats.NatsServerProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A full run with known secret values (a password, a token, NKey seeds, a .creds file, a TLS client key):
 * connect with each credential kind, publish, watch and reconcile with a device agent, be refused (a wrong
 * password, a wrong token, another device's key). Everything logged at TRACE (SLF4J through this module's
 * capturing binding, java.util.logging, standard output and error), every exception's message and trace,
 * and the {@code toString()} of every object holding credentials must not contain any of the secrets.
 */
class NoSecretsInOutputTest {

    private static final ConditionFactory WAIT = Waits.within(Duration.ofSeconds(15), Duration.ofMillis(20));
    private static final String PASSWORD = "pw-SECRET-4d1c8e";
    private static final String WRONG_PASSWORD = "pw-WRONG-SECRET-77aa";
    private static final String TOKEN = "tok-SECRET-b3f09a";
    private static final String WRONG_TOKEN = "tok-WRONG-SECRET-0c2e";

    @TempDir
    Path dir;

    private final List<String> output = new ArrayList<>();

    private final List<String> secrets = new ArrayList<>(List.of(PASSWORD, WRONG_PASSWORD, TOKEN, WRONG_TOKEN));

    @Test
    void noSecretReachesLogsExceptionsOrToString() throws Exception {
        Path binary = NatsServerProcess.findBinary().orElse(null);
        Assumptions.assumeTrue(binary != null, "no nats-server binary");
        assertThat(LoggerFactory.getILoggerFactory().getClass().getName())
                .as("the capturing SLF4J binding is the one in use").startsWith(CapturingServiceProvider.class.getName());
        NatsSecurityFixtures.Certificates certs = NatsSecurityFixtures.certificates(dir.resolve("certs"));
        NatsSecurityFixtures.UserKey device = NatsSecurityFixtures.UserKey.create();
        NatsSecurityFixtures.UserKey stranger = NatsSecurityFixtures.UserKey.create();
        NatsSecurityFixtures.OperatorMode operator = NatsSecurityFixtures.operatorMode();
        secrets.addAll(List.of(device.seed(), stranger.seed(), operator.userSeed(), operator.userJwt()));
        secrets.addAll(Files.readString(certs.clientKey()).lines().filter(l -> !l.startsWith("-----")).toList());

        Capture capture = Capture.start();
        try {
            fleetOverMutualTlsWithPasswordAndNKeys(binary, certs, device, stranger);
            tokens(binary);
            creds(binary, operator);
        } finally {
            output.addAll(capture.stop());
        }

        assertThat(output).as("captured output").isNotEmpty()
                .anySatisfy(line -> assertThat(line).startsWith("DEBUG").contains("watching pi-a.>"))
                .anySatisfy(line -> assertThat(line).contains("Authorization Violation"))
                .anySatisfy(line -> assertThat(line).contains("Permissions Violation"));
        for (String secret : secrets) {
            assertThat(output).as("a secret in the output").noneSatisfy(line -> assertThat(line).contains(secret));
        }
    }

    private void fleetOverMutualTlsWithPasswordAndNKeys(Path binary, NatsSecurityFixtures.Certificates certs,
            NatsSecurityFixtures.UserKey device, NatsSecurityFixtures.UserKey stranger) throws Exception {
        NatsTls tls = new NatsTls(certs.ca(), certs.clientCert(), certs.clientKey());
        String config = certs.serverTls("server", true) + "authorization { users = [\n  { user: admin, password: \""
                + PASSWORD + "\" }\n  { nkey: " + device.publicKey() + ", permissions: { publish: { allow: "
                + quoted(DevicePermissions.publish("pi-a", "desired-state", "agent-status")) + " }, subscribe: { allow: "
                + quoted(DevicePermissions.subscribe("pi-a")) + " } } }\n] }\n";
        try (NatsServerProcess server = NatsServerProcess.start(binary, dir.resolve("js1"), config)) {
            NatsCredentials adminCredentials = NatsCredentials.userPassword("admin", PASSWORD, "test");
            NatsCredentials deviceCredentials = NatsCredentials.nkeySeedFile(device.writeSeed(dir.resolve("pi-a.nk")),
                    "test");
            try (NatsDesiredStateStore admin = store(server, adminCredentials, tls, null);
                    NatsDesiredStateStore deviceStore = store(server, deviceCredentials, tls, "pi-a")) {
                ScorePublisher publisher = ScorePublisher.create(admin);
                publisher.publish(List.of("pi-a"), "app", PodmanV0Score.of(PodmanService.of("web", "nginx:1")));
                admin.putStatus("pi-b", "{}");
                RecordingScoreInterpreter<PodmanV0Score> interpreter = RecordingScoreInterpreter.of(PodmanV0Score.TYPE);
                try (DeviceAgent agent = DeviceAgent.builder().topology(Topology.ofThisMachine("pi-a", "none"))
                        .store(deviceStore).interpreter(interpreter).relistInterval(Duration.ofMillis(500)).build()
                        .start()) {
                    WAIT.until(() -> agent.state() == AgentState.ACTIVE && interpreter.scoreOf("app") != null);
                    publisher.publish(List.of("pi-a"), "app", PodmanV0Score.of(PodmanService.of("web", "nginx:2")));
                    WAIT.until(() -> "nginx:2".equals(interpreter.scoreOf("app").services().get(0).image()));
                    record(() -> deviceStore.find("pi-b", "app"));
                    output.add(AgentStatusJson.write(agent.status()));
                    output.add(agent.status().toString());
                }
                output.addAll(List.of(admin.toString(), deviceStore.toString(), adminCredentials.toString(),
                        deviceCredentials.toString(), tls.toString()));
            }
            // the wrong password and another device's key are refused
            refused(server, NatsCredentials.userPassword("admin", WRONG_PASSWORD, "test"), tls);
            refused(server, NatsCredentials.nkeySeedFile(stranger.writeSeed(dir.resolve("stranger.nk")), "test"), tls);
        }
    }

    private void tokens(Path binary) throws Exception {
        try (NatsServerProcess server = NatsServerProcess.start(binary, dir.resolve("js2"),
                "authorization { token: \"" + TOKEN + "\" }\n")) {
            NatsCredentials token = NatsCredentials.token(TOKEN, "test");
            try (NatsDesiredStateStore store = store(server, token, null, null)) {
                store.compareAndSet("pi-t", "app", "{}", 0);
                output.add(store.find("pi-t", "app").orElseThrow().toString());
                output.add(token.toString());
            }
            refused(server, NatsCredentials.token(WRONG_TOKEN, "test"), null);
        }
    }

    private void creds(Path binary, NatsSecurityFixtures.OperatorMode operator) throws Exception {
        try (NatsServerProcess server = NatsServerProcess.start(binary, dir.resolve("js3"), operator.serverConfig())) {
            NatsCredentials creds = NatsCredentials.credsFile(Files.writeString(dir.resolve("pi-c.creds"),
                    operator.creds()), "test");
            try (NatsDesiredStateStore store = store(server, creds, null, null)) {
                store.compareAndSet("pi-c", "app", "{}", 0);
                output.add(store.list("pi-c").toString());
                output.add(creds.toString());
            }
        }
    }

    private NatsDesiredStateStore store(NatsServerProcess server, NatsCredentials credentials, NatsTls tls,
            String device) {
        return NatsDesiredStateStore.builder().servers(List.of(server.url())).credentials(credentials).tls(tls)
                .inboxPrefix(device == null ? null : DevicePermissions.inboxPrefix(device))
                .requestTimeout(Duration.ofMillis(500)).reconnectWait(Duration.ofMillis(100)).connect();
    }

    private void refused(NatsServerProcess server, NatsCredentials credentials, NatsTls tls) {
        try (NatsDesiredStateStore store = NatsDesiredStateStore.builder().servers(List.of(server.url()))
                .credentials(credentials).tls(tls).reconnectWait(Duration.ofMillis(100)).initialWait(Duration.ZERO)
                .connect()) {
            WAIT.until(() -> {
                try {
                    store.find("pi-a", "app");
                    return false;
                } catch (P4n4Exception e) {
                    if (e.code() != io.p4n4.api.ErrorCode.USER) {
                        return false;
                    }
                    record(() -> {
                        throw e;
                    });
                    return true;
                }
            });
            output.add(store.toString());
        }
    }

    /** Runs the call, which must fail, and keeps the exception's message, toString and whole trace. */
    private void record(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).satisfies(e -> {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            output.add(e.getMessage());
            output.add(e.toString());
            output.add(trace.toString());
        });
    }

    private static String quoted(List<String> subjects) {
        return subjects.stream().map(s -> "\"" + s + "\"").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    /** Captures SLF4J (at TRACE), java.util.logging (all levels) and standard output and error. */
    private static final class Capture {
        private final PrintStream out = System.out;
        private final PrintStream err = System.err;
        private final ByteArrayOutputStream streams = new ByteArrayOutputStream();
        private final List<String> jul = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        private final java.util.logging.Level rootLevel = root.getLevel();
        private final Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                jul.add(r.getLevel() + " " + r.getLoggerName() + " " + r.getMessage() + " "
                        + java.util.Arrays.toString(r.getParameters()) + " " + r.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        static Capture start() {
            Capture c = new Capture();
            PrintStream tee = new PrintStream(c.streams, true, StandardCharsets.UTF_8);
            System.setOut(tee);
            System.setErr(tee);
            c.root.setLevel(java.util.logging.Level.ALL);
            c.root.addHandler(c.handler);
            CapturedLogs.start();
            return c;
        }

        List<String> stop() {
            List<String> lines = new ArrayList<>(CapturedLogs.stop());
            root.removeHandler(handler);
            root.setLevel(rootLevel);
            System.setOut(out);
            System.setErr(err);
            lines.addAll(jul);
            lines.add(streams.toString(StandardCharsets.UTF_8));
            return lines;
        }
    }
}
