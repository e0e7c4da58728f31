package io.p4n4.agent.nats;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * TLS to NATS: the CA that signed the server's certificate and, when the server asks for one
 * ({@code verify: true}), a client certificate and its key. All are PEM files; the key must be
 * unencrypted PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}; convert others with
 * {@code openssl pkcs8 -topk8 -nocrypt}). The server's certificate must name the host of the URL (DNS
 * or IP subject alternative name): the host name is verified. Immutable; holds paths only.
 *
 * @param caFile the CA certificate(s) trusted for the server
 * @param certFile the client certificate chain, or {@code null} for none
 * @param keyFile the client's private key, or {@code null} for none (given together with {@code certFile})
 */
public record NatsTls(Path caFile, @Nullable Path certFile, @Nullable Path keyFile) {

    /** Checks that the client certificate and key come together. */
    public NatsTls {
        Objects.requireNonNull(caFile, "caFile");
        if ((certFile == null) != (keyFile == null)) {
            throw new IllegalArgumentException("give the client certificate and its key together (or neither)");
        }
    }

    /** Returns TLS that verifies the server with {@code caFile} and presents no client certificate. */
    public static NatsTls ofCa(Path caFile) {
        return new NatsTls(caFile, null, null);
    }
}
