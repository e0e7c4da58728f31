package io.p4n4.cli.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Docker's raw inspect document of a container ({@code GET /containers/NAME/json}) over the engine's unix socket,
 * with every field the engine reports (the library's {@code ContainerInfo} holds only what it needs). HTTP/1.0,
 * so the engine sends the body whole and closes the connection.
 */
final class DockerInspect {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerInspect() {
    }

    static JsonNode container(String host, String name) throws IOException {
        Path socket = Path.of(URI.create(host).getPath());
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.write(ByteBuffer.wrap(("GET /v1.41/containers/" + name + "/json HTTP/1.0\r\nHost: docker\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            while (ch.read(buf) >= 0) {
                all.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int body = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.") || !text.substring(9, 12).equals("200") || body < 0) {
                throw new IOException("inspect " + name + ": " + text.lines().findFirst().orElse("no answer"));
            }
            return JSON.readTree(text.substring(body + 4));
        }
    }
}
