package io.p4n4.testkit.engine;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@code podman system service} of the test's own, on a private socket, that a test may kill and start
 * again: the API service stops for real while the containers it made keep running under conmon (as when
 * the service or its host restarts). It shares storage with the Podman of {@code scripts/engines.sh}, so
 * the local test images are there. Close it to stop the process and remove the socket.
 */
public final class PodmanServiceProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path socket;
    private final Path log;
    private Process process;

    private PodmanServiceProcess(Path socket) throws IOException {
        this.socket = socket;
        this.log = Files.createTempFile("p4n4-podman-service", ".log");
    }

    /** Finds the {@code podman} binary; empty when Podman is not installed. */
    public static Optional<Path> findPodman() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, "podman");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Starts a service on a new socket under {@code /tmp} and waits until it answers. */
    public static PodmanServiceProcess start() throws IOException, InterruptedException {
        PodmanServiceProcess s = new PodmanServiceProcess(
                Path.of("/tmp", "p4n4-podman-" + UUID.randomUUID().toString().substring(0, 8) + ".sock"));
        s.startAgain();
        return s;
    }

    /** The endpoint to give discovery: {@code unix:///tmp/...sock}. */
    public String endpoint() {
        return "unix://" + socket;
    }

    /** Starts the service again on the same socket (after {@link #kill()}) and waits until it answers. */
    public void startAgain() throws IOException, InterruptedException {
        Files.deleteIfExists(socket);
        ProcessBuilder pb = new ProcessBuilder(findPodman().map(Path::toString).orElse("podman"), "system", "service",
                "--time=0", endpoint()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                log.toFile()));
        TestEndpoints.find("CONTAINERS_CONF").ifPresent(c -> pb.environment().put("CONTAINERS_CONF", c));
        process = pb.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("podman system service on " + socket + " did not answer within "
                        + START_TIMEOUT.toSeconds() + " s; its log: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    /** Kills the service (SIGKILL) and waits until it is gone; its containers keep running. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** Whether the socket answers {@code GET /_ping} with {@code OK}. */
    public boolean answers() {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: d\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buf = ByteBuffer.allocate(1024);
            StringBuilder answer = new StringBuilder();
            while (ch.read(buf) > 0) {
                buf.flip();
                answer.append(StandardCharsets.US_ASCII.decode(buf));
                buf.clear();
            }
            return answer.toString().startsWith("HTTP/1.") && answer.toString().endsWith("OK");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(socket);
        Files.deleteIfExists(log);
    }
}
