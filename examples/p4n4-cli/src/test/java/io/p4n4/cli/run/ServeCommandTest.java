package io.p4n4.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code p4n4 serve} refuses, before it connects to anything, the options it could not apply: a signing key
 * without NATS, NATS credentials without a server, a port that is not one, an origin that is not one.
 */
class ServeCommandTest {
    @TempDir
    Path tmp;

    private CliRun serve(String... args) throws Exception {
        Path dir = tmp.resolve("site");
        if (!Files.exists(dir)) {
            assertThat(CliRun.of("init", dir.toString(), "--stacks", "iot").code()).isZero();
        }
        String[] all = new String[args.length + 3];
        all[0] = "--project";
        all[1] = dir.toString();
        all[2] = "serve";
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.of(all);
    }

    @Test
    void aSigningKeyWithoutNatsIsRefused() throws Exception {
        CliRun r = serve("--sign-key", tmp.resolve("key").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--sign-key needs --nats");
    }

    @Test
    void natsCredentialsWithoutAServerAreRefused() throws Exception {
        CliRun r = serve("--nats-creds", tmp.resolve("user.creds").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("need a server").contains("--nats URL");
    }

    @Test
    void aPortOrOriginThatIsNotOneIsRefused() throws Exception {
        CliRun port = serve("--port", "70000");
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err()).contains("70000 is not a TCP port");
        CliRun origin = serve("--port", "0", "--cors-origin", "https://ops.example.com/app");
        assertThat(origin.code()).isEqualTo(2);
        assertThat(origin.err()).contains("is not an origin");
    }
}
