package io.p4n4.core.content;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Node-RED run by this machine's {@code node} from the npm install scripts/real-images.sh caches
 * ({@code $P4N4_IMAGE_CACHE/npm-node-red-<version>}, by default under /var/cache/p4n4-it/images), or from
 * {@code -Dp4n4.node-red.home=<dir of red.js>}. Tests skip, saying why, where neither is there.
 */
final class LocalNodeRed implements AutoCloseable {
    // HTTP/1.1: Node-RED closes connections that ask to upgrade to h2c
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path log;
    private final int port;

    private LocalNodeRed(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts Node-RED on {@code flows} with the iot template's settings.js in {@code userDir}, the given
     * environment added, and waits until it has started the flows (so every node type was known).
     */
    /** Stops a test class's Node-RED and stand-in services (each may be null) and deletes its user directory. */
    static void stopAll(LocalNodeRed nodeRed, AutoCloseable services, Path userDir) throws Exception {
        if (nodeRed != null) {
            nodeRed.close();
        }
        if (services != null) {
            services.close();
        }
        if (userDir != null) {
            try (var files = Files.walk(userDir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    static LocalNodeRed start(Path userDir, JsonNode flows, Map<String, String> env) throws Exception {
        Path redJs = findRedJs();
        Files.createDirectories(userDir);
        Files.writeString(userDir.resolve("flows.json"), flows.toPrettyString());
        try (InputStream settings = LocalNodeRed.class.getResourceAsStream("/io/p4n4/core/templates/iot/settings.js")) {
            Files.write(userDir.resolve("settings.js"), settings.readAllBytes());
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = userDir.resolve("node-red.log");
        ProcessBuilder pb = new ProcessBuilder("node", redJs.toString(), "--userDir", userDir.toString(), "flows.json")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put("PORT", Integer.toString(port));
        LocalNodeRed nodeRed = new LocalNodeRed(pb.start(), log, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!nodeRed.log().contains("Started flows")) {
            if (!nodeRed.process.isAlive() || System.nanoTime() > deadline) {
                String text = nodeRed.log();
                nodeRed.close();
                throw new AssertionError("Node-RED did not start the flows:\n" + text);
            }
            Thread.sleep(200);
        }
        return nodeRed;
    }

    private static Path findRedJs() throws IOException {
        assumeTrue(onPath("node"), "node is not on the PATH; skipping the run on a real Node-RED");
        String home = System.getProperty("p4n4.node-red.home");
        if (home != null) {
            return Path.of(home, "red.js");
        }
        Path cache = Path.of(System.getenv().getOrDefault("P4N4_IMAGE_CACHE", "/var/cache/p4n4-it/images"));
        if (Files.isDirectory(cache)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(cache, "npm-node-red-*")) {
                for (Path d : dirs) {
                    Path red = d.resolve("node_modules/node-red/red.js");
                    if (Files.isRegularFile(red)) {
                        return red;
                    }
                }
            }
        }
        assumeTrue(false, "no Node-RED install under " + cache + " (scripts/real-images.sh caches one) and no"
                + " -Dp4n4.node-red.home; skipping the run on a real Node-RED");
        throw new IllegalStateException("unreachable");
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** POSTs {@code body} (JSON) to {@code path} of Node-RED's port; returns the response. */
    HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code path} of Node-RED's port. */
    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Everything Node-RED has written to stdout and stderr so far. */
    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lines of the log at level error or from an uncaught exception. */
    List<String> errors() throws IOException {
        return log().lines().filter(l -> l.contains("[error]") || l.contains("Uncaught") || l.contains("TypeError"))
                .toList();
    }
}
