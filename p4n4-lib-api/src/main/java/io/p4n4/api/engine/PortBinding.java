package io.p4n4.api.engine;

import java.util.Objects;

/**
 * A container port published on the host.
 *
 * @param containerPort the port inside the container
 * @param protocol tcp, udp or sctp
 * @param hostIp the host address to bind ({@code ""} for all addresses; tests use {@code 127.0.0.1})
 * @param hostPort the host port, or 0 to let the engine choose one
 */
public record PortBinding(int containerPort, Protocol protocol, String hostIp, int hostPort) {

    public PortBinding {
        Objects.requireNonNull(protocol, "protocol");
        hostIp = hostIp == null ? "" : hostIp;
        if (containerPort < 1 || containerPort > 65535) {
            throw new IllegalArgumentException("container port out of range 1-65535: " + containerPort);
        }
        if (hostPort < 0 || hostPort > 65535) {
            throw new IllegalArgumentException("host port out of range 0-65535: " + hostPort);
        }
    }

    /** A TCP port published on the given host address and port (0 = any free port). */
    public static PortBinding tcp(String hostIp, int hostPort, int containerPort) {
        return new PortBinding(containerPort, Protocol.TCP, hostIp, hostPort);
    }
}
