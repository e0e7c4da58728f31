package io.p4n4.agent.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.score.NatsCredentials;
import io.p4n4.testkit.await.Waits;
import io.p4n4.testkit.nats.NatsServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each credential kind against a real nats-server configured for it: the right credential reads and
 * writes, a wrong one fails with a USER error naming the server and what to check, and no secret.
 */
class NatsCredentialsOnServerTest {

    @TempDir
    Path dir;

    private Path binary;
    private NatsServerProcess server;
    private NatsDesiredStateStore store;

    @BeforeEach
    void binary() {
        binary = NatsServerProcess.findBinary().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(binary != null, "no nats-server binary");
    }

    @AfterEach
    void stop() {
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void userAndPasswordConnectAndAWrongPasswordIsRefused() throws Exception {
        start("authorization { users = [ { user: device-1, password: \"pw-7f3a9c\" } ] }\n");

        assertWorks(NatsCredentials.userPassword("device-1", "pw-7f3a9c", "test"));
        assertRefused(NatsCredentials.userPassword("device-1", "pw-wrong-51ee", "test"), "pw-wrong-51ee",
                "user 'device-1'");
    }

    @Test
    void aTokenConnectsAndAWrongTokenIsRefused() throws Exception {
        start("authorization { token: \"tok-e9b1d2\" }\n");

        assertWorks(NatsCredentials.token("tok-e9b1d2", "test"));
        assertRefused(NatsCredentials.token("tok-bad-33c7", "test"), "tok-bad-33c7", "a token from test");
    }

    @Test
    void anNKeySeedFileConnectsAndAnotherKeyIsRefusedUntilTheFileIsFixed() throws Exception {
        NatsSecurityFixtures.UserKey device = NatsSecurityFixtures.UserKey.create();
        NatsSecurityFixtures.UserKey stranger = NatsSecurityFixtures.UserKey.create();
        start("authorization { users = [ { nkey: " + device.publicKey() + " } ] }\n");
        Path seedFile = dir.resolve("device.nk");

        assertWorks(NatsCredentials.nkeySeedFile(device.writeSeed(seedFile), "test"));
        store.close();
        stranger.writeSeed(seedFile);
        assertRefused(NatsCredentials.nkeySeedFile(seedFile, "test"), stranger.seed(), seedFile.toString());

        // the store keeps trying (jnats gives up after two refusals; the store opens a new connection) and
        // reads the seed file again each time: once it holds the right seed, the device is back
        device.writeSeed(seedFile);
        Waits.within(Duration.ofSeconds(20), Duration.ofMillis(100)).until(store::connected);
        assertThat(store.list("pi-1")).isEmpty();
    }

    @Test
    void aCredsFileConnectsInOperatorModeAndAnUnknownAccountsUserIsRefused() throws Exception {
        NatsSecurityFixtures.OperatorMode trusted = NatsSecurityFixtures.operatorMode();
        NatsSecurityFixtures.OperatorMode foreign = NatsSecurityFixtures.operatorMode();
        start(trusted.serverConfig());
        Path creds = Files.writeString(dir.resolve("device.creds"), trusted.creds());
        Path foreignCreds = Files.writeString(dir.resolve("foreign.creds"), foreign.creds());

        assertWorks(NatsCredentials.credsFile(creds, "test"));
        store.close();
        assertRefused(NatsCredentials.credsFile(foreignCreds, "test"), foreign.userSeed(), foreignCreds.toString());
    }

    private void start(String config) throws Exception {
        try {
            server = NatsServerProcess.start(binary, dir.resolve("js"), config);
        } catch (java.io.IOException e) {
            throw new AssertionError(Files.readString(dir.resolve("js/nats-server.log")), e);
        }
    }

    private void assertWorks(NatsCredentials credentials) {
        store = NatsDesiredStateStore.builder().servers(List.of(server.url())).credentials(credentials)
                .reconnectWait(Duration.ofMillis(100)).connect();
        long revision = store.compareAndSet("pi-1", "app", "{\"v\":1}", 0);
        assertThat(store.find("pi-1", "app").orElseThrow().revision()).isEqualTo(revision);
        store.delete("pi-1", "app");
    }

    private void assertRefused(NatsCredentials credentials, String secret, String who) {
        store = NatsDesiredStateStore.builder().servers(List.of(server.url())).credentials(credentials)
                .reconnectWait(Duration.ofMillis(100)).initialWait(Duration.ZERO).connect();
        AtomicReference<P4n4Exception> error = new AtomicReference<>();
        // the refusal arrives asynchronously: until then the store only knows it is not connected yet
        Waits.within(NatsSecurityFixtures.REFUSAL_WAIT, Duration.ofMillis(50)).until(() -> {
            try {
                store.find("pi-1", "app");
                return false;
            } catch (P4n4Exception e) {
                error.set(e);
                return e.code() == ErrorCode.USER;
            }
        });
        assertThat(error.get().getMessage())
                .contains(server.url(), "refused the connection", who, "check that the credentials")
                .containsIgnoringCase("authorization violation")
                .doesNotContain(secret);
        assertThat(store.connected()).isFalse();
        assertThat(credentials.toString()).doesNotContain(secret);
    }
}
