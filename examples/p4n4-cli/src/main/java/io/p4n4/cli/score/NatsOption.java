package io.p4n4.cli.score;

import io.p4n4.agent.EnvironmentCredentialSource;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.agent.nats.NatsTls;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.score.NatsCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --nats URL} option and how to authenticate, shared by the score and agent commands (mixin).
 * Secrets are never options (they would show in the process list): a password or token comes from the
 * environment, keys from files.
 */
public final class NatsOption {

    /** The URL used when neither {@code --nats} nor {@code NATS_URL} is given. */
    public static final String DEFAULT_URL = "nats://127.0.0.1:4222";

    @Option(names = "--nats", paramLabel = "URL",
            description = "NATS server (default: $NATS_URL, then " + DEFAULT_URL + ").")
    String url;

    @Option(names = "--nats-creds", paramLabel = "FILE", description = "JWT .creds file (default: $NATS_CREDS).")
    Path creds;

    @Option(names = "--nats-nkey", paramLabel = "FILE", description = "NKey seed file (default: $NATS_NKEY).")
    Path nkey;

    @Option(names = "--nats-user", paramLabel = "USER",
            description = "NATS user; the password is read from $NATS_PASSWORD (default: $NATS_USER). A token is"
                    + " read from $NATS_TOKEN.")
    String user;

    @Option(names = "--nats-ca", paramLabel = "FILE",
            description = "PEM CA that signed the server's certificate: connect with TLS (default: $NATS_CA).")
    Path ca;

    @Option(names = "--nats-cert", paramLabel = "FILE",
            description = "PEM client certificate for TLS, with --nats-key (default: $NATS_CERT).")
    Path cert;

    @Option(names = "--nats-key", paramLabel = "FILE",
            description = "Unencrypted PKCS#8 PEM key of the client certificate (default: $NATS_KEY).")
    Path key;

    Map<String, String> environment = System.getenv();

    /**
     * Whether a server is named ({@code --nats} or {@code $NATS_URL}), for commands where NATS is optional.
     *
     * @throws P4n4Exception USER when NATS options are given without a server (they would be ignored)
     */
    public boolean configured() {
        String env = environment.get("NATS_URL");
        boolean named = url != null && !url.isBlank() || env != null && !env.isBlank();
        if (!named && (creds != null || nkey != null || user != null || ca != null || cert != null || key != null)) {
            throw new P4n4Exception(ErrorCode.USER, "the --nats-* options need a server: give --nats URL (or set"
                    + " NATS_URL), or leave them out");
        }
        return named;
    }

    /** Returns the URL to use. */
    public String url() {
        if (url != null && !url.isBlank()) {
            return url;
        }
        String env = environment.get("NATS_URL");
        return env != null && !env.isBlank() ? env : DEFAULT_URL;
    }

    /** Returns the credentials: a file option, else {@code --nats-user} with $NATS_PASSWORD, else the environment. */
    public NatsCredentials credentials() {
        if (creds != null) {
            return NatsCredentials.credsFile(creds, "--nats-creds");
        }
        if (nkey != null) {
            return NatsCredentials.nkeySeedFile(nkey, "--nats-nkey");
        }
        if (user != null) {
            String password = environment.get(EnvironmentCredentialSource.PASSWORD);
            if (password == null) {
                throw new P4n4Exception(ErrorCode.USER, "--nats-user " + user + " needs the password in $"
                        + EnvironmentCredentialSource.PASSWORD + " (never on the command line)");
            }
            return NatsCredentials.userPassword(user, password, "--nats-user and $NATS_PASSWORD");
        }
        return EnvironmentCredentialSource.of(environment).natsCredentials().orElse(null);
    }

    /** Returns TLS from the options or $NATS_CA, $NATS_CERT, $NATS_KEY, or {@code null}. */
    public NatsTls tls() {
        Path caFile = orEnv(ca, "NATS_CA");
        Path certFile = orEnv(cert, "NATS_CERT");
        Path keyFile = orEnv(key, "NATS_KEY");
        if (caFile == null) {
            if (certFile != null || keyFile != null) {
                throw new P4n4Exception(ErrorCode.USER, "a client certificate needs --nats-ca (the CA of the server)");
            }
            return null;
        }
        if ((certFile == null) != (keyFile == null)) {
            throw new P4n4Exception(ErrorCode.USER, "give --nats-cert and --nats-key together, or neither");
        }
        return new NatsTls(caFile, certFile, keyFile);
    }

    private Path orEnv(Path option, String variable) {
        if (option != null) {
            return option;
        }
        String value = environment.get(variable);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    /**
     * Opens the store; a CLI call gives up after a few seconds rather than waiting for the server (5 s for the
     * first connection: a TLS handshake or an NKey signature on a loaded machine can take more than 2 s).
     */
    public NatsDesiredStateStore open() {
        return NatsDesiredStateStore.builder().servers(List.of(url())).connectionName("p4n4-cli")
                .credentials(credentials()).tls(tls()).connectTimeout(Duration.ofSeconds(3))
                .initialWait(Duration.ofSeconds(5)).connect();
    }
}
