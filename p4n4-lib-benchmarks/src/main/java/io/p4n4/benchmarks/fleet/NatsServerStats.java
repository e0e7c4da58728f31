package io.p4n4.benchmarks.fleet;

import io.p4n4.testkit.nats.NatsServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a running nats-server spends: CPU time and memory (Linux /proc), and its monitoring endpoints. */
final class NatsServerStats {

    private NatsServerStats() {
    }

    /** Returns user+system CPU time of the server process in milliseconds. */
    static long cpuMillis(NatsServerProcess server) throws IOException {
        String[] f = Files.readString(proc(server, "stat")).split("\\) ")[1].split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * 1000 / 100; // USER_HZ is 100 on Linux
    }

    /** Returns the server's resident memory in MiB. */
    static long rssMiB(NatsServerProcess server) throws IOException {
        for (String line : Files.readAllLines(proc(server, "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** Returns a monitoring endpoint's JSON ({@code /varz}, {@code /jsz}). */
    static String monitor(NatsServerProcess server, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.monitorUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Path proc(NatsServerProcess server, String file) {
        long pid = server.findProcess().orElseThrow(() -> new IllegalStateException("nats-server is not running"))
                .pid();
        return Path.of("/proc/" + pid + "/" + file);
    }
}
