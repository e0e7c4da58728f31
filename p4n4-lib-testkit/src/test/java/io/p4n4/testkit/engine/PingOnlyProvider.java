package io.p4n4.testkit.engine;

import io.p4n4.api.EngineException;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.api.spi.Availability;
import io.p4n4.api.spi.ContainerEngineProvider;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A backend that can only answer {@code id}, {@code endpoint}, {@code ping} and {@code close}, pinging the
 * real engine over its unix socket. The testkit cannot test with the real backends (they test with the
 * testkit), and the extension needs no more than this to be tested against a real engine.
 */
public abstract class PingOnlyProvider implements ContainerEngineProvider {
    private static final Set<ContainerEngine> CLOSED = ConcurrentHashMap.newKeySet();

    private final String id;

    PingOnlyProvider(String id) {
        this.id = id;
    }

    /** Listed in META-INF/services under the id {@code docker}. */
    public static final class Docker extends PingOnlyProvider {
        /** Made by ServiceLoader. */
        public Docker() {
            super("docker");
        }
    }

    /** Listed in META-INF/services under the id {@code podman}. */
    public static final class Podman extends PingOnlyProvider {
        /** Made by ServiceLoader. */
        public Podman() {
            super("podman");
        }
    }

    /** Whether {@code engine}, made by this provider, was closed. */
    static boolean isClosed(ContainerEngine engine) {
        return CLOSED.contains(engine);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return "ping-only test backend for " + id;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Optional<String> endpointVariable() {
        return Optional.empty();
    }

    @Override
    public List<URI> defaultEndpoints(Map<String, String> environment) {
        return List.of();
    }

    @Override
    public Availability probe(EngineConfig config) {
        try {
            ping(config.endpoint());
            return Availability.available(id + " answers /_ping at " + config.endpoint());
        } catch (IOException e) {
            return Availability.unavailable("nothing answers /_ping at " + config.endpoint() + ": " + e.getMessage());
        }
    }

    @Override
    public ContainerEngine create(EngineConfig config) {
        URI endpoint = config.endpoint();
        return (ContainerEngine) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ContainerEngine.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "id" -> id;
                    case "endpoint" -> endpoint;
                    case "ping" -> {
                        if (CLOSED.contains(proxy)) {
                            throw new IllegalStateException("closed");
                        }
                        try {
                            ping(endpoint);
                        } catch (IOException e) {
                            throw new EngineException(id, endpoint.toString(), "does not answer: " + e.getMessage(), e);
                        }
                        yield null;
                    }
                    case "close" -> {
                        CLOSED.add((ContainerEngine) proxy);
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "ping-only " + id + " at " + endpoint;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static void ping(URI endpoint) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(Path.of(endpoint.getPath())));
            channel.write(StandardCharsets.US_ASCII.encode("GET /_ping HTTP/1.0\r\nHost: d\r\n\r\n"));
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            StringBuilder answer = new StringBuilder();
            while (channel.read(buffer) > 0) {
                buffer.flip();
                answer.append(StandardCharsets.US_ASCII.decode(buffer));
                buffer.clear();
            }
            if (!answer.toString().startsWith("HTTP/1.") || !answer.toString().endsWith("OK")) {
                throw new IOException("unexpected answer to /_ping: " + answer);
            }
        }
    }
}
