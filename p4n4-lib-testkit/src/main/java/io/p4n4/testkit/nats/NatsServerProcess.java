package io.p4n4.testkit.nats;

import io.p4n4.testkit.internal.ChildProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A real nats-server with JetStream, started as a child process on a free loopback port (and a monitoring
 * port) with its store in a directory of the caller's. It can be stopped and started again on the same
 * ports and store, to test reconnects. Find the binary with {@link #findBinary()} and skip when absent, or
 * let {@link NatsServer} do both in a JUnit test. Closing stops the server; the store stays the caller's.
 *
 * <p><b>Thread-safety:</b> starting and stopping are synchronized; the accessors may be read from any thread.
 */
public final class NatsServerProcess implements AutoCloseable {
    /** Names the nats-server binary to use, as an environment variable or a system property. */
    public static final String BINARY_VARIABLE = "P4N4_NATS_SERVER";

    private final Path binary;
    private final Path storeDir;
    private final int port;
    private final int monitorPort;
    private final String config;
    private volatile Process process;

    private NatsServerProcess(Path binary, Path storeDir, int port, int monitorPort, String config) {
        this.binary = binary;
        this.storeDir = storeDir;
        this.port = port;
        this.monitorPort = monitorPort;
        this.config = config;
    }

    /**
     * Returns the nats-server binary: the one {@value #BINARY_VARIABLE} names (environment variable or system
     * property; when set it is the only candidate, so a wrong path is noticed rather than passed over), else
     * the Debian package's, else one on PATH. Empty when there is none.
     */
    public static Optional<Path> findBinary() {
        return ChildProcesses.findBinary(BINARY_VARIABLE, List.of("/usr/sbin/nats-server", "/usr/bin/nats-server",
                "/usr/local/bin/nats-server"), "nats-server");
    }

    /** Starts a server on a free port with JetStream stored under {@code storeDir}. */
    public static NatsServerProcess start(Path binary, Path storeDir) throws IOException, InterruptedException {
        return start(binary, storeDir, "");
    }

    /**
     * Starts a server like {@link #start(Path, Path)} that also reads {@code config}, text in nats-server's
     * configuration format written to {@code storeDir/nats-server.conf}: authorization, TLS, cluster routes,
     * leaf nodes, a JetStream domain. The command line's port, monitoring port, address and store take
     * precedence over the file's. {@link #freePort()} picks ports for cluster and leaf-node listeners.
     */
    public static NatsServerProcess start(Path binary, Path storeDir, String config)
            throws IOException, InterruptedException {
        return startOn(binary, storeDir, freePort(), config);
    }

    /**
     * Starts a server on a port the caller chose (with {@link #freePort()}), for clusters whose members must
     * know each other's addresses before any of them starts.
     */
    public static NatsServerProcess startOn(Path binary, Path storeDir, int port, String config)
            throws IOException, InterruptedException {
        NatsServerProcess server = new NatsServerProcess(binary, storeDir, port, freePort(), config);
        server.startAgain();
        return server;
    }

    /** Returns a loopback port that was free a moment ago. */
    public static int freePort() throws IOException {
        return ChildProcesses.freePort();
    }

    /** Returns {@code nats://127.0.0.1:PORT}. */
    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    /** Returns the port. */
    public int port() {
        return port;
    }

    /** Returns {@code http://127.0.0.1:PORT} of the monitoring endpoints ({@code /varz}, {@code /jsz}, ...). */
    public String monitorUrl() {
        return "http://127.0.0.1:" + monitorPort;
    }

    /** Returns the store directory given to {@link #start}. */
    public Path storeDir() {
        return storeDir;
    }

    /** Returns the running server process (to read its CPU time or memory); empty while stopped. */
    public Optional<ProcessHandle> findProcess() {
        Process p = process;
        return p == null || !p.isAlive() ? Optional.empty() : Optional.of(p.toHandle());
    }

    /** Starts the server (again) on the same port and store; waits until it accepts connections. */
    public synchronized void startAgain() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        Files.createDirectories(storeDir);
        List<String> command = new java.util.ArrayList<>(List.of(binary.toString(), "-js", "-a", "127.0.0.1",
                "-p", String.valueOf(port), "-m", String.valueOf(monitorPort), "-sd", storeDir.toString()));
        if (!config.isBlank()) {
            Path file = storeDir.resolve("nats-server.conf");
            Files.writeString(file, config);
            command.addAll(List.of("-c", file.toString()));
        }
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(storeDir.resolve("nats-server.log").toFile()))
                .start();
        ChildProcesses.awaitPort(process, port, "nats-server", storeDir.resolve("nats-server.log"));
    }

    /** Stops the server (SIGTERM, then SIGKILL after 5 s) and waits for it. */
    public synchronized void stop() throws InterruptedException {
        ChildProcesses.stop(process);
        process = null;
    }

    /** Kills the server with SIGKILL, as a crash or power loss would, and waits for it to be gone. */
    public synchronized void kill() throws InterruptedException {
        ChildProcesses.kill(process);
        process = null;
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
