package io.p4n4.testkit.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * What the testkit's server processes (nats-server, Mosquitto) share: finding the binary, a free loopback port,
 * waiting for the port to answer, stopping and killing. Stateless and thread-safe.
 */
public final class ChildProcesses {

    private ChildProcesses() {
    }

    /**
     * Returns the binary {@code variable} names (environment variable or system property; when set it is the only
     * candidate, so a wrong path is noticed rather than passed over), else the first executable of
     * {@code candidates}, else {@code name} on PATH. Empty when there is none.
     */
    public static Optional<Path> findBinary(String variable, List<String> candidates, String name) {
        String configured = System.getenv(variable);
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty(variable);
        }
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.trim());
            return Files.isExecutable(path) && !Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        }
        List<String> all = new ArrayList<>(candidates);
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            all.add((dir.isEmpty() ? "." : dir) + "/" + name);
        }
        return all.stream().map(Path::of).filter(p -> Files.isExecutable(p) && !Files.isDirectory(p)).findFirst();
    }

    /**
     * Returns a loopback port that was free a moment ago, below Linux's ephemeral range (32768-60999). A port
     * from {@code new ServerSocket(0)} comes from that range, which outgoing connections draw from too: on a
     * busy machine some client's local port took it before the server bound it, and the server exited at once.
     */
    public static int freePort() throws IOException {
        java.net.InetAddress loopback = java.net.InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(loopback, port), 1);
                return port;
            } catch (IOException taken) {
                // in use: try another
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, loopback)) {
            return socket.getLocalPort();
        }
    }

    /** Waits up to 15 s until {@code process} accepts connections on 127.0.0.1:{@code port}. */
    public static void awaitPort(Process process, int port, String name, Path log)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited at once; see " + log);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException(name + " did not listen on " + port + " within 15 s; see " + log);
    }

    /** Stops {@code process} (SIGTERM, then SIGKILL after 5 s) and waits for it; nothing when null. */
    public static void stop(Process process) throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Kills {@code process} with SIGKILL and waits for it to be gone; nothing when null. */
    public static void kill(Process process) throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
