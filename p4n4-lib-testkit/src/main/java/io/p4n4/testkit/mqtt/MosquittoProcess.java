package io.p4n4.testkit.mqtt;

import io.p4n4.testkit.internal.ChildProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Mosquitto started as a child process on a free loopback port, from a configuration generated in a
 * directory of the caller's ({@code mosquitto.conf}, its log in {@code mosquitto.log}). The caller's extra
 * lines (a {@code password_file}, {@code allow_anonymous false}, {@code cafile}/{@code certfile}/{@code keyfile}
 * for TLS) apply to the one listener. It can be stopped, killed and started again on the same port, to test
 * reconnects. It runs as the user starting it ({@code user root} when that is root, so it reads files in the
 * test's private temporary directories). Closing stops it; the directory stays the caller's.
 *
 * <p><b>Thread-safety:</b> starting and stopping are synchronized; the accessors may be read from any thread.
 */
public final class MosquittoProcess implements AutoCloseable {
    /** Names the mosquitto binary to use, as an environment variable or a system property. */
    public static final String BINARY_VARIABLE = "P4N4_MOSQUITTO";

    private final Path binary;
    private final Path dir;
    private final int port;
    private final String extraConfig;
    private volatile Process process;

    private MosquittoProcess(Path binary, Path dir, int port, String extraConfig) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
        this.extraConfig = extraConfig;
    }

    /**
     * Returns the mosquitto binary: the one {@value #BINARY_VARIABLE} names (environment variable or system
     * property; when set, the only candidate), else the Debian package's {@code /usr/sbin/mosquitto}, else one
     * on PATH. Empty when there is none.
     */
    public static Optional<Path> findBinary() {
        return ChildProcesses.findBinary(BINARY_VARIABLE, List.of("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto"),
                "mosquitto");
    }

    /** Returns the binary, or skips the calling test with a message saying how to install one. */
    public static Path requireBinary() {
        Optional<Path> binary = findBinary();
        Assumptions.assumeTrue(binary.isPresent(), "no mosquitto binary (" + BINARY_VARIABLE + " when set, else "
                + "/usr/sbin or PATH): apt-get install mosquitto (or scripts/services.sh start), or set "
                + BINARY_VARIABLE + " to its path");
        return binary.get();
    }

    /** Starts Mosquitto with anonymous access on a free port, its files under {@code dir}. */
    public static MosquittoProcess start(Path binary, Path dir) throws IOException, InterruptedException {
        return start(binary, dir, "allow_anonymous true\n");
    }

    /**
     * Starts Mosquitto on a free port with {@code extraConfig} after its {@code listener} line, e.g.
     * {@code "allow_anonymous false\npassword_file /path\n"}. Persistence is off: a restart forgets sessions
     * and retained messages, as a broker that lost its state would.
     */
    public static MosquittoProcess start(Path binary, Path dir, String extraConfig)
            throws IOException, InterruptedException {
        MosquittoProcess broker = new MosquittoProcess(binary, dir, freePort(), extraConfig);
        broker.startAgain();
        return broker;
    }

    /**
     * Writes a Mosquitto password file with one user, made by {@code mosquitto_passwd -b -c} (next to the
     * broker binary, else on PATH). The password is passed as an argument of a process of this test only.
     */
    public static Path writePasswordFile(Path file, String user, String password) throws IOException, InterruptedException {
        Path tool = findBinary().map(b -> b.resolveSibling("mosquitto_passwd")).filter(Files::isExecutable)
                .orElse(Path.of("/usr/bin/mosquitto_passwd"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Process p = new ProcessBuilder(tool.toString(), "-b", "-c", file.toString(), user, password)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IOException(tool + " failed with exit code " + p.exitValue());
        }
        return file;
    }

    /** Returns a loopback port that was free a moment ago. */
    public static int freePort() throws IOException {
        return ChildProcesses.freePort();
    }

    /** Returns {@code mqtt://127.0.0.1:PORT} (use {@code mqtts://} when the extra configuration sets up TLS). */
    public String url() {
        return "mqtt://127.0.0.1:" + port;
    }

    /** Returns the port. */
    public int port() {
        return port;
    }

    /** Returns the log file (Mosquitto's output across every start). */
    public Path log() {
        return dir.resolve("mosquitto.log");
    }

    /** Starts the broker (again) on the same port and configuration; waits until it accepts connections. */
    public synchronized void startAgain() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        Files.createDirectories(dir);
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, "persistence false\nlog_dest stdout\nuser root\nlistener " + port + " 127.0.0.1\n" + extraConfig);
        process = new ProcessBuilder(binary.toString(), "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        ChildProcesses.awaitPort(process, port, "mosquitto", log());
    }

    /** Stops the broker (SIGTERM, then SIGKILL after 5 s) and waits for it. */
    public synchronized void stop() throws InterruptedException {
        ChildProcesses.stop(process);
        process = null;
    }

    /** Kills the broker with SIGKILL, as a crash would, and waits for it to be gone. */
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
