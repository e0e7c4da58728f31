package io.p4n4.docker.internal;

import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.p4n4.api.engine.EngineConfig;
import java.net.URI;
import java.nio.file.Path;

/**
 * Builds the transports for one endpoint: {@code unix://} endpoints get this module's own HTTP/1.1 client over
 * the JDK's unix-domain socket channel ({@link UnixSocketHttpClient}); {@code tcp://} endpoints get docker-java's
 * zerodep transport with the JDK's default TLS set-up. The zerodep transport also serves the rare unix-socket
 * request that hijacks its connection, with a TLS context that is never used ({@link NoTlsContext}), so
 * building it does not read the JDK's CA trust store.
 */
final class DockerTransports {
    private static final int MAX_CONNECTIONS = 32;

    private DockerTransports() {
    }

    /** For requests: reads time out after {@code config.readTimeout()}. */
    static DockerHttpClient requests(URI host, EngineConfig config) {
        if (isUnix(host)) {
            return new UnixSocketHttpClient(Path.of(host.getPath()), config.readTimeout(),
                    () -> builder(host, config).responseTimeout(config.readTimeout()).build());
        }
        return builder(host, config).responseTimeout(config.readTimeout()).build();
    }

    /** For streams (events, followed logs, pulls, builds), which may stay silent for long: no read timeout. */
    static DockerHttpClient streams(URI host, EngineConfig config) {
        if (isUnix(host)) {
            return new UnixSocketHttpClient(Path.of(host.getPath()), null, () -> builder(host, config).build());
        }
        return builder(host, config).build();
    }

    private static boolean isUnix(URI host) {
        return "unix".equals(host.getScheme());
    }

    private static ZerodepDockerHttpClient.Builder builder(URI host, EngineConfig config) {
        ZerodepDockerHttpClient.Builder b = new ZerodepDockerHttpClient.Builder().dockerHost(host)
                .connectionTimeout(config.connectTimeout()).maxConnections(MAX_CONNECTIONS);
        if (isUnix(host)) {
            String socket = host.getPath();
            b.sslConfig(() -> NoTlsContext.forUnixSocket(socket));
        }
        return b;
    }
}
