package io.p4n4.agent.nats.internal;

import io.nats.client.Nats;
import io.nats.client.Options;
import io.p4n4.agent.nats.NatsTls;
import io.p4n4.api.score.NatsCredentials;
import org.jspecify.annotations.Nullable;

/** Applies {@link NatsCredentials} and {@link NatsTls} to jnats' options. */
public final class NatsClientOptions {

    private NatsClientOptions() {
    }

    /** Sets how the client authenticates (nothing for {@code null}: anonymous). */
    public static void credentials(Options.Builder options, @Nullable NatsCredentials credentials) {
        if (credentials == null) {
            return;
        }
        if (credentials instanceof NatsCredentials.UserPassword up) {
            options.userInfo(up.user().toCharArray(), up.password().toCharArray());
        } else if (credentials instanceof NatsCredentials.Token t) {
            options.token(t.token().toCharArray());
        } else if (credentials instanceof NatsCredentials.NKeySeedFile n) {
            options.authHandler(new NKeySeedFileAuth(n.seedFile()));
        } else if (credentials instanceof NatsCredentials.CredsFile c) {
            // jnats' file handler reads the file at each connection, like ours for seeds
            options.authHandler(Nats.credentials(c.credsFile().toString()));
        }
    }

    /** Sets TLS (nothing for {@code null}: plain, unless the URL says {@code tls://}). */
    public static void tls(Options.Builder options, @Nullable NatsTls tls) {
        if (tls != null) {
            options.sslContext(PemTls.context(tls));
        }
    }

    /** Describes the credentials for messages, without secrets. */
    public static String describe(@Nullable NatsCredentials credentials, @Nullable NatsTls tls) {
        String who = credentials == null ? "anonymous" : credentials.describe();
        return tls == null ? who : who + ", TLS with CA " + tls.caFile()
                + (tls.certFile() == null ? "" : " and client certificate " + tls.certFile());
    }
}
