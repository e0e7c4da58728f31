package io.p4n4.testkit.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The local registries {@code scripts/engines.sh start} runs (Debian's docker-registry on 127.0.0.1) and what
 * tests do with them: re-point a tag at other content (to prove upgrades), and remove a pulled image from an
 * engine again (the engine API has no image removal, and a second pull of a present image downloads nothing).
 *
 * <p>{@code P4N4_TEST_REGISTRY} holds {@code p4n4/busybox:1} (the generic busybox), {@code p4n4/busybox:2} (the
 * same plus a file: another image id) and {@code p4n4/layers:1} (a 128 MB layer); {@code P4N4_TEST_AUTH_REGISTRY}
 * (htpasswd, user and password in {@code P4N4_TEST_AUTH_REGISTRY_USER}/{@code _PASSWORD}) holds
 * {@code p4n4/private:1}. Stateless and thread-safe.
 */
public final class TestRegistries {
    /** The manifest type docker push writes. */
    private static final String MANIFEST_V2 = "application/vnd.docker.distribution.manifest.v2+json";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestRegistries() {
    }

    /** The open registry's address ({@code 127.0.0.1:5000}), if scripts/engines.sh started it. */
    public static Optional<String> open() {
        return TestEndpoints.find("P4N4_TEST_REGISTRY");
    }

    /** The htpasswd registry's address, if started. */
    public static Optional<String> withAuth() {
        return TestEndpoints.find("P4N4_TEST_AUTH_REGISTRY");
    }

    /** The htpasswd registry's user. */
    public static String user() {
        return TestEndpoints.find("P4N4_TEST_AUTH_REGISTRY_USER").orElseThrow();
    }

    /** The htpasswd registry's password. */
    public static String password() {
        return TestEndpoints.find("P4N4_TEST_AUTH_REGISTRY_PASSWORD").orElseThrow();
    }

    /**
     * Makes {@code repository:toTag} name the content of {@code repository:fromTag} in the open registry (the
     * registry API: GET the manifest, PUT it under the new tag), as a push of other content would.
     */
    public static void retag(String registry, String repository, String fromTag, String toTag) {
        try {
            HttpResponse<byte[]> manifest = HTTP.send(HttpRequest.newBuilder(manifestUri(registry, repository, fromTag))
                    .header("Accept", MANIFEST_V2).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            require(manifest, "GET manifest " + repository + ":" + fromTag + " from " + registry);
            HttpResponse<byte[]> put = HTTP.send(HttpRequest.newBuilder(manifestUri(registry, repository, toTag))
                    .header("Content-Type", MANIFEST_V2).timeout(Duration.ofSeconds(10))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest.body())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            require(put, "PUT manifest " + repository + ":" + toTag + " to " + registry);
        } catch (IOException e) {
            throw new UncheckedIOException("registry " + registry + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Removes {@code image} from the engine {@code engineId} ({@code docker} or {@code podman}, at its test
     * endpoint), forced; absent is fine. Other tags of the same content keep it.
     */
    public static void removeLocalImage(String engineId, String image) {
        String endpoint = TestEndpoints.find(TestEngines.endpointVariable(engineId)).orElseThrow();
        String name = URLEncoder.encode(image, StandardCharsets.UTF_8);
        String path = engineId.equals("podman") ? "/v4.0.0/libpod/images/" + name + "?force=true"
                : "/images/" + name + "?force=1";
        int status = unixRequest(URI.create(endpoint).getPath(), "DELETE", path);
        if (status != 200 && status != 404) {
            throw new IllegalStateException(engineId + " answered HTTP " + status + " to DELETE " + path);
        }
    }

    private static URI manifestUri(String registry, String repository, String tag) {
        return URI.create("http://" + registry + "/v2/" + repository + "/manifests/" + tag);
    }

    private static void require(HttpResponse<byte[]> r, String what) {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + " failed: HTTP " + r.statusCode() + " "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
    }

    /** One HTTP/1.0 request over a unix socket (java.net.http does not speak unix sockets); the status. */
    private static int unixRequest(String socket, String method, String path) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.write(ByteBuffer.wrap((method + " " + path + " HTTP/1.0\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            StringBuilder answer = new StringBuilder();
            while (ch.read(buf) > 0 && answer.indexOf("\r\n") < 0) {
                buf.flip();
                answer.append(StandardCharsets.US_ASCII.decode(buf));
                buf.clear();
            }
            buf.flip();
            answer.append(StandardCharsets.US_ASCII.decode(buf));
            String statusLine = answer.toString().lines().findFirst().orElse("");
            String[] parts = statusLine.split(" ");
            if (parts.length < 2) {
                throw new IllegalStateException("no HTTP answer on " + socket + " to " + method + " " + path);
            }
            return Integer.parseInt(parts[1]);
        } catch (IOException e) {
            throw new UncheckedIOException("no engine answers on " + socket + ": " + e.getMessage(), e);
        }
    }
}
