package io.p4n4.junit.internal;

import io.p4n4.api.clients.edgeimpulse.EdgeImpulseClient;
import io.p4n4.api.clients.influx.InfluxClient;
import io.p4n4.api.clients.letta.LettaClient;
import io.p4n4.api.clients.ollama.OllamaClient;
import io.p4n4.clients.ClientFactory;
import io.p4n4.junit.ComposeEnvironment;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The typed clients of a running stack, made by p4n4-lib-clients from the project's {@code .env} (token, org,
 * bucket, passwords) and bound to the published ports. One shared {@link ClientFactory}; closing this closes it.
 */
public final class StackClients implements AutoCloseable {
    private final ClientFactory factory;
    private final ComposeEnvironment env;

    private StackClients(ClientFactory factory, ComposeEnvironment env) {
        this.factory = factory;
        this.env = env;
    }

    /** Clients for the stack of {@code projectDirectory}, running as {@code env}. */
    public static StackClients of(Path projectDirectory, ComposeEnvironment env) {
        return new StackClients(ClientFactory.fromProject(projectDirectory), env);
    }

    /** The client of {@code type} (one of the four service client interfaces), if this stack runs its service. */
    public Optional<Object> find(Class<?> type) {
        @Nullable Object client = null;
        if (type == InfluxClient.class && has("influxdb")) {
            client = factory.influx().baseUrl(url("influxdb", 8086)).build();
        } else if (type == OllamaClient.class && has("ollama")) {
            client = factory.ollama().baseUrl(url("ollama", 11434)).build();
        } else if (type == LettaClient.class && has("letta")) {
            client = factory.letta().baseUrl(url("letta", 8283)).build();
        } else if (type == EdgeImpulseClient.class && has("ei-runner")) {
            client = factory.edgeImpulse().baseUrl(url("ei-runner", 8080)).build();
        }
        return Optional.ofNullable(client);
    }

    /** Whether {@code type} is one of the client types this class makes. */
    public static boolean isClientType(Class<?> type) {
        return type == InfluxClient.class || type == OllamaClient.class || type == LettaClient.class
                || type == EdgeImpulseClient.class;
    }

    private boolean has(String service) {
        return env.project().findService(service).isPresent();
    }

    private String url(String service, int port) {
        return "http://" + env.host(service, port) + ":" + env.port(service, port);
    }

    @Override
    public void close() {
        factory.close();
    }
}
