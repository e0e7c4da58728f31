package io.p4n4.maven.stack;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.engine.Protocol;
import io.p4n4.compose.exec.ServiceStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ports a running stack publishes, as build properties:
 * <ul>
 *   <li>{@code p4n4.<service>.<containerPort>}: the host port of a TCP container port
 *       ({@code p4n4.web.80=49153}); another protocol adds its name ({@code p4n4.dns.53.udp});</li>
 *   <li>replicas after the first are named like their containers: {@code p4n4.<service>-2.<containerPort>};</li>
 *   <li>{@code p4n4.published.host}: the address to reach them at (the host of a {@code tcp://} engine
 *       endpoint, else {@code 127.0.0.1}).</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class PublishedPorts {
    /** The property naming the address the ports are published on. */
    public static final String HOST_PROPERTY = "p4n4.published.host";
    /** The property prefix. */
    public static final String PREFIX = "p4n4.";

    private final Map<String, String> properties;

    private PublishedPorts(Map<String, String> properties) {
        this.properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /**
     * The properties of the running containers in {@code containers} (as {@code ps} lists them, by service and
     * replica number), reached at {@code host}.
     */
    public static PublishedPorts of(List<ServiceStatus> containers, String host) {
        Map<String, String> out = new TreeMap<>();
        out.put(HOST_PROPERTY, host);
        Map<String, Integer> replica = new HashMap<>();
        for (ServiceStatus c : containers) {
            if (c.state() != ContainerState.RUNNING) {
                continue;
            }
            int n = replica.merge(c.service(), 1, Integer::sum);
            String owner = n == 1 ? c.service() : c.service() + "-" + n;
            for (PortBinding p : c.ports()) {
                if (p.hostPort() == 0) {
                    continue;
                }
                String key = PREFIX + owner + "." + p.containerPort()
                        + (p.protocol() == Protocol.TCP ? "" : "." + p.protocol().name().toLowerCase(Locale.ROOT));
                // an IPv4 and an IPv6 binding of one port are the same host port; keep the first
                out.putIfAbsent(key, Integer.toString(p.hostPort()));
            }
        }
        return new PublishedPorts(out);
    }

    /** Every property, sorted by name. */
    public Map<String, String> properties() {
        return properties;
    }

    /** The host port published for {@code service}'s TCP {@code containerPort}, if it is published. */
    public Optional<Integer> findPort(String service, int containerPort) {
        return Optional.ofNullable(properties.get(PREFIX + service + "." + containerPort)).map(Integer::valueOf);
    }

    /** The address the ports are published on. */
    public String host() {
        return properties.get(HOST_PROPERTY);
    }

    /**
     * Writes the properties to {@code file} in {@link java.util.Properties} format, sorted and without the
     * date line {@code Properties.store} adds, so an unchanged stack writes an unchanged file.
     *
     * @throws P4n4Exception GENERAL naming the file when it cannot be written
     */
    public void writeTo(Path file) {
        StringBuilder text = new StringBuilder("# ports published by p4n4 up\n");
        properties.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot write the published ports to " + file + ": " + e
                    + "; check that the build directory is writable", e);
        }
    }

    @Override
    public String toString() {
        return "PublishedPorts" + properties;
    }
}
