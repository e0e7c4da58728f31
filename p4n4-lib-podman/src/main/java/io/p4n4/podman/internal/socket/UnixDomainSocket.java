package io.p4n4.podman.internal.socket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Socket} over a unix domain {@link SocketChannel}, so that socket-based clients (OkHttp) can
 * talk to a daemon's unix socket on plain Java 17.
 *
 * <p>The channel runs non-blocking with one selector for reads and one for writes, which is what makes
 * {@link #setSoTimeout(int) SO_TIMEOUT} and connect timeouts work (a blocking unix channel ignores
 * both). The endpoint passed to {@code connect} is ignored: OkHttp always hands us a TCP placeholder
 * address, and this socket always connects to its own path.
 *
 * <p>Thread-safety: one thread may read while another writes; {@link #close()} may be called from any
 * thread, is idempotent, and wakes up a blocked reader or writer, which then fails with
 * {@code SocketException("Socket closed")}.
 */
public final class UnixDomainSocket extends Socket {
    private final Path path;
    private final Object closeLock = new Object();
    private volatile SocketChannel channel;
    private volatile Selector readSelector;
    private volatile Selector writeSelector;
    private volatile SocketAddress placeholder;
    private volatile int soTimeoutMillis;
    private volatile boolean closed;
    private volatile boolean connected;
    private volatile boolean inputShutdown;
    private volatile boolean outputShutdown;
    private final InputStream in = new ChannelInput();
    private final OutputStream out = new ChannelOutput();

    /** Creates an unconnected socket for the unix socket file at {@code path}. */
    public UnixDomainSocket(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    /** Returns the unix socket file this socket connects to. */
    public Path path() {
        return path;
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        connect(endpoint, 0);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeoutMillis) throws IOException {
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("connect: timeout can't be negative");
        }
        synchronized (closeLock) {
            if (closed) {
                throw new SocketException("Socket is closed");
            }
            if (channel != null) {
                throw new SocketException("already connected");
            }
            placeholder = endpoint;
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.configureBlocking(false);
                readSelector = Selector.open();
                writeSelector = Selector.open();
                ch.register(readSelector, 0);
                ch.register(writeSelector, 0);
                channel = ch;
            } catch (IOException | RuntimeException e) {
                closeQuietly();
                ch.close();
                throw e;
            }
        }
        try {
            if (!channel.connect(UnixDomainSocketAddress.of(path))) {
                awaitConnect(timeoutMillis);
            }
            connected = true;
        } catch (SocketTimeoutException e) {
            close();
            throw e;
        } catch (IOException e) {
            close();
            if (closed && e instanceof ClosedChannelException) {
                throw new SocketException("Socket closed");
            }
            ConnectException ce = new ConnectException("cannot connect to unix socket " + path + ": " + e.getMessage());
            ce.initCause(e);
            throw ce;
        }
    }

    private void awaitConnect(int timeoutMillis) throws IOException {
        long deadline = timeoutMillis == 0 ? 0 : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        SelectionKey key = channel.keyFor(writeSelector);
        key.interestOps(SelectionKey.OP_CONNECT);
        try {
            while (!channel.finishConnect()) {
                waitFor(writeSelector, deadline, "connect timed out after " + timeoutMillis + " ms: " + path);
            }
        } finally {
            if (key.isValid()) {
                key.interestOps(SelectionKey.OP_WRITE);
            }
        }
    }

    /** Blocks on {@code selector} until it is ready, the deadline (nanoTime, 0 = none) passes, or close. */
    private void waitFor(Selector selector, long deadline, String timeoutMessage) throws IOException {
        try {
            if (deadline == 0) {
                selector.select();
            } else {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0) {
                    throw new SocketTimeoutException(timeoutMessage);
                }
                selector.select(remaining);
            }
            selector.selectedKeys().clear();
        } catch (ClosedSelectorException e) {
            throw new SocketException("Socket closed");
        }
        if (closed) {
            throw new SocketException("Socket closed");
        }
    }

    private SocketChannel openChannel() throws SocketException {
        SocketChannel ch = channel;
        if (closed) {
            throw new SocketException("Socket closed");
        }
        if (ch == null || !ch.isConnected()) {
            throw new SocketException("Socket is not connected");
        }
        return ch;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        openChannel();
        return in;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        openChannel();
        return out;
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout can't be negative");
        }
        if (closed) {
            throw new SocketException("Socket is closed");
        }
        soTimeoutMillis = timeout;
    }

    @Override
    public int getSoTimeout() throws SocketException {
        if (closed) {
            throw new SocketException("Socket is closed");
        }
        return soTimeoutMillis;
    }

    @Override
    public void shutdownInput() throws IOException {
        openChannel().shutdownInput();
        inputShutdown = true;
    }

    @Override
    public void shutdownOutput() throws IOException {
        openChannel().shutdownOutput();
        outputShutdown = true;
    }

    @Override
    public boolean isInputShutdown() {
        return inputShutdown;
    }

    @Override
    public boolean isOutputShutdown() {
        return outputShutdown;
    }

    @Override
    public boolean isConnected() {
        return connected; // like java.net.Socket: stays true after close
    }

    @Override
    public boolean isBound() {
        return isConnected();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() throws IOException {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        closeQuietly();
    }

    private void closeQuietly() {
        // wake blocked selects first, so their threads observe `closed` and fail fast
        for (Selector s : new Selector[] {readSelector, writeSelector}) {
            if (s != null) {
                s.wakeup();
            }
        }
        closeIgnoring(channel);
        closeIgnoring(readSelector);
        closeIgnoring(writeSelector);
    }

    private static void closeIgnoring(java.io.Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing useful to do on close
        }
    }

    @Override
    public InetAddress getInetAddress() {
        return placeholder instanceof InetSocketAddress ? ((InetSocketAddress) placeholder).getAddress() : null;
    }

    @Override
    public int getPort() {
        return placeholder instanceof InetSocketAddress ? ((InetSocketAddress) placeholder).getPort() : 0;
    }

    @Override
    public int getLocalPort() {
        return -1;
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return channel == null ? null : UnixDomainSocketAddress.of(path);
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return null;
    }

    // TCP-only options: accepted and ignored so callers that set them do not fail on a unix socket.
    @Override
    public void setTcpNoDelay(boolean on) {
        // not applicable to unix sockets
    }

    @Override
    public boolean getTcpNoDelay() {
        return true;
    }

    @Override
    public void setKeepAlive(boolean on) {
        // not applicable to unix sockets
    }

    @Override
    public boolean getKeepAlive() {
        return false;
    }

    @Override
    public void setSoLinger(boolean on, int linger) {
        // not applicable to unix sockets
    }

    @Override
    public int getSoLinger() {
        return -1;
    }

    @Override
    public void setSendBufferSize(int size) {
        // the kernel default is fine for local traffic
    }

    @Override
    public void setReceiveBufferSize(int size) {
        // the kernel default is fine for local traffic
    }

    @Override
    public String toString() {
        return "UnixDomainSocket[" + path + (closed ? ", closed" : isConnected() ? ", connected" : "") + "]";
    }

    private final class ChannelInput extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            SocketChannel ch = openChannel();
            if (inputShutdown) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int timeout = soTimeoutMillis;
            long deadline = timeout == 0 ? 0 : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
            ByteBuffer buf = ByteBuffer.wrap(b, off, len);
            SelectionKey key = ch.keyFor(readSelector);
            while (true) {
                int n;
                try {
                    n = ch.read(buf);
                } catch (ClosedChannelException e) {
                    throw new SocketException("Socket closed");
                }
                if (n != 0) {
                    return n;
                }
                if (key == null || !key.isValid()) {
                    throw new SocketException("Socket closed");
                }
                key.interestOps(SelectionKey.OP_READ);
                waitFor(readSelector, deadline, "Read timed out");
            }
        }

        @Override
        public void close() throws IOException {
            UnixDomainSocket.this.close();
        }
    }

    private final class ChannelOutput extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            SocketChannel ch = openChannel();
            if (outputShutdown) {
                throw new SocketException("Socket output is shutdown");
            }
            ByteBuffer buf = ByteBuffer.wrap(b, off, len);
            SelectionKey key = ch.keyFor(writeSelector);
            while (buf.hasRemaining()) {
                int n;
                try {
                    n = ch.write(buf);
                } catch (ClosedChannelException e) {
                    throw new SocketException("Socket closed");
                }
                if (n == 0) {
                    if (key == null || !key.isValid()) {
                        throw new SocketException("Socket closed");
                    }
                    key.interestOps(SelectionKey.OP_WRITE);
                    waitFor(writeSelector, 0, "");
                }
            }
        }

        @Override
        public void close() throws IOException {
            UnixDomainSocket.this.close();
        }
    }
}
