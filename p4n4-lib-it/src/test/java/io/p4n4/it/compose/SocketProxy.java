package io.p4n4.it.compose;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A unix-socket relay to a real engine socket that a test can cut, as if the engine stopped. */
final class SocketProxy implements AutoCloseable {
    private final Path path;
    private final Path target;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private ServerSocketChannel server;

    SocketProxy(Path path, Path target) {
        this.path = path;
        this.target = target;
    }

    /** Starts accepting connections on {@link #path}. */
    synchronized void start() throws IOException {
        Files.deleteIfExists(path);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(path));
        ServerSocketChannel s = server;
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    SocketChannel client = s.accept();
                    SocketChannel upstream = SocketChannel.open(UnixDomainSocketAddress.of(target));
                    open.add(client);
                    open.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                }
            } catch (IOException e) {
                // closed: the engine is "stopped"
            }
        }, "socket-proxy");
        t.setDaemon(true);
        t.start();
    }

    private static void pump(SocketChannel from, SocketChannel to) {
        Thread t = new Thread(() -> {
            ByteBuffer buf = ByteBuffer.allocate(16384);
            try {
                while (from.read(buf) >= 0) {
                    buf.flip();
                    while (buf.hasRemaining()) {
                        to.write(buf);
                    }
                    buf.clear();
                }
                to.shutdownOutput();
            } catch (IOException e) {
                // either side closed
            }
        }, "socket-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    Path path() {
        return path;
    }

    /** Cuts every connection and stops accepting: to the client the engine is gone. */
    @Override
    public void close() {
        cut();
    }

    /** Cuts every connection and stops accepting. */
    synchronized void cut() {
        try {
            if (server != null) {
                server.close();
            }
            for (SocketChannel c : open) {
                c.close();
            }
            open.clear();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // best effort
        }
    }
}
