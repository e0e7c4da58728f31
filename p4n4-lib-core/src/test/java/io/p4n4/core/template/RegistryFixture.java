package io.p4n4.core.template;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/** A registry directory on disk: index.json (version 2) and one template, {@code demo}. */
final class RegistryFixture {
    static final String FLOWS = "[\n  {\"id\": \"n1\", \"type\": \"tab\", \"label\": \"Demo\"},\n"
            + "  {\"id\": \"n2\", \"type\": \"mqtt in\", \"topic\": \"sensors/#\"}\n]\n";

    private RegistryFixture() {
    }

    /** Writes the registry into {@code dir}; the template requires p4n4 {@code cliRange}. */
    static Path write(Path dir, String cliRange) throws IOException {
        Path t = dir.resolve("demo");
        Files.createDirectories(t.resolve("files/stacks/iot/config/node-red"));
        Files.writeString(t.resolve("p4n4-template.toml"), """
                [template]
                name = "demo"
                version = "0.3.0"
                description = "A demo template"
                author = "tests"
                license = "MIT"
                tags = ["demo", "manufacturing"]

                [template.requires]
                cli = "%s"
                stacks = ["iot"]

                [template.hardware]
                min_ram_gb = 2
                gpu = false

                [template.variables]
                DEVICE_TOPIC = { description = "Root MQTT topic", default = "sensors" }
                """.formatted(cliRange));
        Files.writeString(t.resolve("README.md"), "# demo\n");
        Files.writeString(t.resolve("files/.env"), "DEMO_TOPIC=sensors/demo\nINFLUXDB_ORG=from-template\n");
        Files.writeString(t.resolve("files/README-demo.md.j2"), "{{ project_name }} listens on {{ DEVICE_TOPIC }}/#\n");
        Files.writeString(t.resolve("files/stacks/iot/config/node-red/flows.json"), FLOWS);
        Files.writeString(dir.resolve("index.json"), index("2", "\"repo\": \".\", \"subdir\": \"demo\","));
        return dir;
    }

    /** An index.json text of {@code version} with one entry, {@code demo}, whose location fields are given. */
    static String index(String version, String location) {
        return """
                {"org": "tests", "index_version": "%s", "templates": {"demo": {%s
                  "description": "A demo template", "tags": ["demo", "manufacturing"], "latest": "0.3.0"%s}}}
                """.formatted(version, location, version.equals("2")
                ? ", \"author\": \"tests\", \"license\": \"MIT\", \"min_hardware\": \"rpi4\", \"requires_stacks\": [\"iot\"]"
                : "");
    }

    /** Packs {@code dir}'s template {@code demo} as a .tar.gz (with the tar binary) and returns its path. */
    static Path tarball(Path registry, Path out) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tar", "-czf", out.toString(), "-C", registry.toString(), "demo")
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("tar failed: " + log);
        }
        return out;
    }

    /** Serves the files of {@code site} (404 for others), counting the tarballs asked for in {@code tarballs}. */
    static HttpHandler files(Path site, AtomicInteger tarballs) {
        return exchange -> {
            Path file = site.resolve(exchange.getRequestURI().getPath().substring(1));
            if (file.toString().endsWith(".tar.gz")) {
                tarballs.incrementAndGet();
            }
            byte[] body = Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        };
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
