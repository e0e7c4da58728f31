package io.p4n4.agent.nats;

import io.nats.client.NKey;
import io.nats.client.support.JsonSerializable;
import io.nats.client.support.JwtUtils;
import io.p4n4.testkit.tls.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * Builds what a secured nats-server and its clients need, at test time: NKey users, an operator-mode
 * configuration with a user {@code .creds} file (operator, account and user JWTs signed with NKeys), and
 * TLS certificates (a CA, a server certificate for 127.0.0.1, a client certificate) made with the openssl CLI.
 */
final class NatsSecurityFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private NatsSecurityFixtures() {
    }

    /** A user NKey: its public key ({@code U...}) and seed ({@code SU...}). */
    record UserKey(String publicKey, String seed) {
        static UserKey create() throws GeneralSecurityException, IOException {
            NKey key = NKey.createUser(RANDOM);
            return new UserKey(new String(key.getPublicKey()), new String(key.getSeed()));
        }

        Path writeSeed(Path file) throws IOException {
            Files.writeString(file, seed + "\n");
            return file;
        }
    }

    /** An operator-mode server configuration and the {@code .creds} text of one user of its JetStream account. */
    record OperatorMode(String serverConfig, String creds, String userSeed, String userJwt) {
    }

    /** Returns an operator whose account has JetStream, with one user. */
    static OperatorMode operatorMode() throws GeneralSecurityException, IOException {
        NKey operator = NKey.createOperator(RANDOM);
        NKey account = NKey.createAccount(RANDOM);
        NKey user = NKey.createUser(RANDOM);
        NKey system = NKey.createAccount(RANDOM);
        String operatorPub = new String(operator.getPublicKey());
        String accountPub = new String(account.getPublicKey());
        long now = JwtUtils.currentTimeSeconds();
        String operatorJwt = JwtUtils.issueJWT(operator, operatorPub, "p4n4-test-operator", null, now, operatorPub,
                json("{\"type\":\"operator\",\"version\":2}"));
        String accountJwt = JwtUtils.issueJWT(operator, accountPub, "p4n4-test-account", null, now, operatorPub,
                json("{\"limits\":{\"subs\":-1,\"data\":-1,\"payload\":-1,\"imports\":-1,\"exports\":-1,"
                        + "\"wildcards\":true,\"conn\":-1,\"leaf\":-1,\"mem_storage\":-1,\"disk_storage\":-1,"
                        + "\"streams\":-1,\"consumer\":-1},\"type\":\"account\",\"version\":2}"));
        // JetStream in operator mode needs a system account for its internal subscriptions
        String systemPub = new String(system.getPublicKey());
        String systemJwt = JwtUtils.issueJWT(operator, systemPub, "SYS", null, now, operatorPub,
                json("{\"type\":\"account\",\"version\":2}"));
        String userJwt = JwtUtils.issueUserJWT(account, accountPub, new String(user.getPublicKey()), "p4n4-device");
        String seed = new String(user.getSeed());
        String config = "operator: " + operatorJwt + "\nsystem_account: " + systemPub
                + "\nresolver: MEMORY\nresolver_preload: {\n  " + accountPub + ": " + accountJwt + "\n  " + systemPub + ": "
                + systemJwt + "\n}\n";
        String creds = "-----BEGIN NATS USER JWT-----\n" + userJwt + "\n------END NATS USER JWT------\n\n"
                + "-----BEGIN USER NKEY SEED-----\n" + seed + "\n------END USER NKEY SEED------\n";
        return new OperatorMode(config, creds, seed, userJwt);
    }

    private static JsonSerializable json(String text) {
        return () -> text;
    }

    /**
     * PEM files of a test CA, a server certificate for 127.0.0.1, one for another host, a client certificate
     * (all signed by the CA) and another CA.
     */
    record Certificates(Path dir, Path ca, Path clientCert, Path clientKey, Path otherCa) {
        /**
         * Returns the server-side TLS block: {@code server} is {@code "server"} (for 127.0.0.1) or
         * {@code "elsewhere"} (for elsewhere.example); {@code verify} asks clients for a certificate.
         */
        String serverTls(String server, boolean verify) {
            return "tls {\n  cert_file: \"" + dir.resolve(server + ".pem") + "\"\n  key_file: \""
                    + dir.resolve(server + ".key") + "\"\n  ca_file: \"" + ca + "\"\n  verify: " + verify
                    + "\n  timeout: 2\n}\n";
        }
    }

    /** Makes the {@link Certificates} in {@code dir} (with the testkit's {@link TestCertificates}). */
    static Certificates certificates(Path dir) throws IOException, InterruptedException {
        TestCertificates made = TestCertificates.create(dir);
        return new Certificates(dir, made.ca(), made.cert("client"), made.key("client"), made.otherCa());
    }

    /** How long a test waits for a refused connection to be reported. */
    static final Duration REFUSAL_WAIT = Duration.ofSeconds(10);
}
