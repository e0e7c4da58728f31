package io.p4n4.benchmarks.fleet;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A nats-server child process (JetStream, monitoring port) whose CPU time and memory can be read. */
final class NatsServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final int monitorPort;

    private NatsServer(Process process, int port, int monitorPort) {
        this.process = process;
        this.port = port;
        this.monitorPort = monitorPort;
    }

    static NatsServer start(String binary, Path storeDir) throws IOException, InterruptedException {
        int port = freePort();
        int monitor = freePort();
        Files.createDirectories(storeDir);
        Process p = new ProcessBuilder(binary, "-js", "-a", "127.0.0.1", "-p", String.valueOf(port), "-m",
                String.valueOf(monitor), "-sd", storeDir.toString())
                .redirectErrorStream(true).redirectOutput(storeDir.resolve("nats-server.log").toFile()).start();
        for (int i = 0; i < 300; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 100);
                return new NatsServer(p, port, monitor);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new IOException("nats-server did not start; see " + storeDir.resolve("nats-server.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    String url() {
        return "nats://127.0.0.1:" + port;
    }

    /** Returns user+system CPU time of the server process in milliseconds (Linux /proc). */
    long cpuMillis() throws IOException {
        String[] f = Files.readString(Path.of("/proc/" + process.pid() + "/stat")).split("\\) ")[1].split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * 1000 / 100; // USER_HZ is 100 on Linux
    }

    /** Returns the server's resident memory in MiB. */
    long rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** Returns a monitoring endpoint's JSON (/varz, /jsz). */
    String monitor(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + monitorPort
                + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
