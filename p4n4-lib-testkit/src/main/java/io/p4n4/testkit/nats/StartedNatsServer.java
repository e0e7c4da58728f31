package io.p4n4.testkit.nats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A server the {@code @NatsServer} extension started and the temporary directory holding its store and log;
 * closing stops the server and deletes the directory.
 */
record StartedNatsServer(NatsServerProcess server, Path dir) implements AutoCloseable {

    @Override
    public void close() {
        server.close();
        deleteTree(dir);
    }

    /** Deletes {@code dir} and everything under it; nothing when it is null or gone. */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the nats-server store " + dir, e);
        }
    }
}
