package io.p4n4.compose.engine;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.api.spi.Availability;
import io.p4n4.api.spi.ContainerEngineProvider;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test provider that probes for real: it connects to the unix socket of the endpoint. Its engines only
 * know their id and endpoint (discovery needs nothing else).
 */
public class SocketProbingProvider implements ContainerEngineProvider {
    private final String id;
    private final int priority;
    private final String variable;
    private final List<URI> defaults;
    /** How many engines {@link #create} was asked for. */
    final AtomicInteger creates = new AtomicInteger();

    SocketProbingProvider(String id, int priority, String variable, List<URI> defaults) {
        this.id = id;
        this.priority = priority;
        this.variable = variable;
        this.defaults = defaults;
    }

    /** Public no-argument constructor for ServiceLoader tests. */
    public SocketProbingProvider() {
        this("loaded", 1, null, List.of(URI.create("unix:///tmp/p4n4-no-such-dir/loaded.sock")));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return "test provider " + id;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public Optional<String> endpointVariable() {
        return Optional.ofNullable(variable);
    }

    @Override
    public List<URI> defaultEndpoints(Map<String, String> environment) {
        return defaults;
    }

    @Override
    public Availability probe(EngineConfig config) {
        Path socket = Path.of(config.socketPath());
        if (!Files.exists(socket)) {
            return Availability.unavailable("no socket at " + socket);
        }
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return Availability.available(id + " answers at " + socket + (ch.isConnected() ? "" : " (not connected)"));
        } catch (IOException e) {
            return Availability.unavailable("cannot connect to " + socket + ": " + e.getMessage());
        }
    }

    @Override
    public ContainerEngine create(EngineConfig config) {
        // as the SPI requires: fail when the engine cannot be reached
        creates.incrementAndGet();
        Availability a = probe(config);
        if (!a.available()) {
            throw new io.p4n4.api.EngineException(id, null, id + " cannot be reached: " + a.detail(), null);
        }
        return engine(id, config.endpoint(), true);
    }

    /** An engine that knows its id and endpoint and whose ping succeeds or throws. */
    static ContainerEngine engine(String id, URI endpoint, boolean answers) {
        return (ContainerEngine) Proxy.newProxyInstance(ContainerEngine.class.getClassLoader(),
                new Class<?>[] {ContainerEngine.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "id":
                            return id;
                        case "endpoint":
                            return endpoint;
                        case "ping":
                            if (!answers) {
                                throw new io.p4n4.api.EngineException(id, null, id + " does not answer at " + endpoint, null);
                            }
                            return null;
                        case "close":
                            return null;
                        case "toString":
                            return "engine " + id + " at " + endpoint;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
