package io.p4n4.podman.internal.socket;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Objects;
import javax.net.SocketFactory;

/**
 * Makes {@link UnixDomainSocket}s for one socket file, whatever host and port the caller asks for.
 * Immutable and thread-safe.
 */
public final class UnixSocketFactory extends SocketFactory {
    private final Path path;

    /** Creates a factory for the unix socket file at {@code path}. */
    public UnixSocketFactory(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    /** Returns the socket file every socket of this factory connects to. */
    public Path path() {
        return path;
    }

    @Override
    public Socket createSocket() {
        return new UnixDomainSocket(path);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected();
    }

    private Socket connected() throws IOException {
        Socket s = createSocket();
        s.connect(InetSocketAddress.createUnresolved("localhost", 0));
        return s;
    }
}
