package io.p4n4.agent.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.testkit.await.Waits;
import io.p4n4.testkit.nats.NatsServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS against a real nats-server with certificates made at test time: server-only TLS, mutual TLS, and the
 * refusals (no client certificate, an unknown CA, a server certificate for another host).
 */
class NatsTlsOnServerTest {

    @TempDir
    static Path certDir;

    @TempDir
    Path dir;

    private static NatsSecurityFixtures.Certificates certs;

    private NatsServerProcess server;
    private NatsDesiredStateStore store;

    @BeforeAll
    static void certificates() throws Exception {
        certs = NatsSecurityFixtures.certificates(certDir);
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
    void theServerIsVerifiedWithItsCa() throws Exception {
        start("server", false);

        assertWorks(NatsTls.ofCa(certs.ca()));
    }

    @Test
    void mutualTlsPresentsTheClientCertificateAndNoneIsRefused() throws Exception {
        start("server", true);

        assertWorks(new NatsTls(certs.ca(), certs.clientCert(), certs.clientKey()));
        store.close();

        // under TLS 1.3 the server drops a client without a certificate after the handshake: jnats sees a
        // timeout, not a refusal, so the store cannot tell it from a slow server; its message names the cause
        store = NatsDesiredStateStore.builder().servers(List.of(server.url())).tls(NatsTls.ofCa(certs.ca()))
                .reconnectWait(Duration.ofMillis(100)).initialWait(Duration.ofMillis(500)).connect();
        assertThat(store.connected()).isFalse();
        assertThatThrownBy(() -> store.find("pi-1", "app"))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NETWORK))
                .hasMessageContaining(server.url()).hasMessageContaining("TLS with CA " + certs.ca())
                .hasMessageContaining("requires client certificates (tls { verify: true }), give one");
    }

    @Test
    void aServerCertificateFromAnotherCaIsRefused() throws Exception {
        start("server", false);

        assertRefused(NatsTls.ofCa(certs.otherCa()));
    }

    @Test
    void aServerCertificateForAnotherHostIsRefused() throws Exception {
        start("elsewhere", false);

        assertRefused(NatsTls.ofCa(certs.ca()));
    }

    @Test
    void aKeyThatIsNotPkcs8IsRefusedWithTheCommandThatConvertsIt() throws Exception {
        Path sec1 = Files.writeString(dir.resolve("sec1.key"), "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n"
                + "-----END EC PRIVATE KEY-----\n");

        assertThatThrownBy(() -> NatsDesiredStateStore.builder().tls(new NatsTls(certs.ca(), certs.clientCert(), sec1))
                .connect())
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining(sec1.toString()).hasMessageContaining("openssl pkcs8 -topk8 -nocrypt")
                .hasMessageNotContaining("MHcCAQEE");
    }

    private void start(String serverCertificate, boolean verify) throws Exception {
        Path binary = NatsServerProcess.findBinary().orElse(null);
        Assumptions.assumeTrue(binary != null, "no nats-server binary");
        server = NatsServerProcess.start(binary, dir.resolve("js"), certs.serverTls(serverCertificate, verify));
    }

    private void assertWorks(NatsTls tls) {
        store = NatsDesiredStateStore.builder().servers(List.of(server.url())).tls(tls)
                .reconnectWait(Duration.ofMillis(100)).connect();
        long revision = store.compareAndSet("pi-1", "app", "{\"v\":1}", 0);
        assertThat(store.find("pi-1", "app").orElseThrow().revision()).isEqualTo(revision);
        assertThat(store.connection().getServerInfo().isTLSRequired()).isTrue();
    }

    private void assertRefused(NatsTls tls) {
        store = NatsDesiredStateStore.builder().servers(List.of(server.url())).tls(tls)
                .reconnectWait(Duration.ofMillis(100)).initialWait(Duration.ZERO).connect();
        AtomicReference<P4n4Exception> error = new AtomicReference<>();
        Waits.within(NatsSecurityFixtures.REFUSAL_WAIT, Duration.ofMillis(50)).until(() -> {
            try {
                store.find("pi-1", "app");
                return false;
            } catch (P4n4Exception e) {
                error.set(e);
                return e.code() == ErrorCode.USER;
            }
        });
        assertThat(error.get().getMessage()).contains(server.url(), "refused the connection", "TLS with CA "
                + tls.caFile(), "the server's host name");
        assertThat(store.connected()).isFalse();
    }
}
