package io.p4n4.testkit.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads a JSON document from an engine's own REST API over its unix socket, independently of the backend
 * under test: the proof that a setting reached the engine is what the engine itself says. One HTTP/1.0 GET
 * per call (the server closes the connection after the body, so no chunked decoding is needed). Both dockerd
 * and Podman serve the Docker-compatible {@code /v1.41/containers/ID/json}, so one assertion reads both.
 */
public final class EngineApiReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path socket;

    private EngineApiReader(Path socket) {
        this.socket = socket;
    }

    /** A reader of the engine at {@code unix:///path}; other schemes are refused. */
    public static EngineApiReader of(URI endpoint) {
        if (!"unix".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("the settings contract reads inspect over a unix socket, not "
                    + endpoint);
        }
        return new EngineApiReader(Path.of(endpoint.getPath()));
    }

    /** {@code GET path}, which must answer 200 with JSON ({@code /v1.41/containers/ID/json}). */
    public JsonNode get(String path) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            String request = "GET " + path + " HTTP/1.0\r\nHost: engine\r\nAccept: application/json\r\n\r\n";
            ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(16384);
            while (channel.read(in) >= 0) {
                in.flip();
                response.write(in.array(), 0, in.limit());
                in.clear();
            }
            String text = response.toString(StandardCharsets.UTF_8);
            int bodyAt = text.indexOf("\r\n\r\n");
            String status = text.substring(0, Math.max(0, text.indexOf("\r\n")));
            if (bodyAt < 0 || !status.matches("HTTP/1\\.[01] 200.*")) {
                throw new IllegalStateException("GET " + path + " on " + socket + " answered: " + status + " "
                        + (bodyAt < 0 ? "" : text.substring(bodyAt + 4)));
            }
            return JSON.readTree(text.substring(bodyAt + 4));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " on " + socket + " failed", e);
        }
    }
}
