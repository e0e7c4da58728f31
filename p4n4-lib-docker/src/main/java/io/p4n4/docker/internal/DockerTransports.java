package io.p4n4.docker.internal;

import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.p4n4.api.engine.EngineConfig;
import java.net.URI;

/**
 * Builds docker-java's zerodep transports for one endpoint. A {@code unix://} endpoint gets a TLS context
 * that is never used ({@link NoTlsContext}), so building the transport does not read the JDK's CA trust
 * store; {@code tcp://} endpoints keep the JDK's default TLS set-up.
 */
final class DockerTransports {
    private static final int MAX_CONNECTIONS = 32;

    private DockerTransports() {
    }

    /** For requests: reads time out after {@code config.readTimeout()}. */
    static DockerHttpClient requests(URI host, EngineConfig config) {
        return builder(host, config).responseTimeout(config.readTimeout()).build();
    }

    /** For streams (events, followed logs, pulls, builds), which may stay silent for long: no read timeout. */
    static DockerHttpClient streams(URI host, EngineConfig config) {
        return builder(host, config).build();
    }

    private static ZerodepDockerHttpClient.Builder builder(URI host, EngineConfig config) {
        ZerodepDockerHttpClient.Builder b = new ZerodepDockerHttpClient.Builder().dockerHost(host)
                .connectionTimeout(config.connectTimeout()).maxConnections(MAX_CONNECTIONS);
        if ("unix".equals(host.getScheme())) {
            String socket = host.getPath();
            b.sslConfig(() -> NoTlsContext.forUnixSocket(socket));
        }
        return b;
    }
}
