package io.p4n4.testkit.nats;

import io.p4n4.testkit.internal.ScopedResourceExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The JUnit 5 extension behind {@link NatsServer}; registered by the annotation itself.
 *
 * <p><b>Thread-safety:</b> stateless; JUnit's store holds the servers.
 */
final class NatsServerExtension extends ScopedResourceExtension<NatsServer, StartedNatsServer> {
    private static final String KEY = "nats-server";

    /** Made by JUnit. */
    public NatsServerExtension() {
        super(NatsServer.class, StartedNatsServer.class);
    }

    @Override
    protected Object key(NatsServer declaration) {
        return KEY;
    }

    @Override
    protected StartedNatsServer open(NatsServer declaration) {
        Optional<Path> binary = NatsServerProcess.findBinary();
        Assumptions.assumeTrue(binary.isPresent(), "no nats-server binary (" + NatsServerProcess.BINARY_VARIABLE
                + " when set, else /usr/sbin, /usr/bin, /usr/local/bin or PATH): apt-get install nats-server"
                + " (or scripts/services.sh start), or set " + NatsServerProcess.BINARY_VARIABLE + " to its path");
        Path dir = null;
        try {
            dir = Files.createTempDirectory("p4n4-nats-");
            return new StartedNatsServer(NatsServerProcess.start(binary.get(), dir.resolve("js")), dir);
        } catch (IOException e) {
            StartedNatsServer.deleteTree(dir);
            throw new UncheckedIOException("nats-server " + binary.get() + " did not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            StartedNatsServer.deleteTree(dir);
            throw new IllegalStateException("interrupted while starting nats-server", e);
        }
    }

    @Override
    protected Object valueOf(StartedNatsServer started, Class<?> type, String where) {
        if (type == String.class) {
            return started.server().url();
        }
        if (type == URI.class) {
            return URI.create(started.server().url());
        }
        if (type == NatsServerProcess.class) {
            return started.server();
        }
        throw new ExtensionConfigurationException("@NatsServer on " + where + ": declare a String, URI or "
                + "NatsServerProcess, not a " + type.getName());
    }
}
