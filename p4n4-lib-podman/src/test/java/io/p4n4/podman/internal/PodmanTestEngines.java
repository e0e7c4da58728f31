package io.p4n4.podman.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.p4n4.api.engine.EngineConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Finds the Podman service the engine tests use: {@code P4N4_TEST_PODMAN_HOST}, else the file
 * {@code scripts/engines.sh start} writes (/tmp/p4n4-it/engines.env). Tests skip, saying how to start
 * one, when it does not answer.
 */
public final class PodmanTestEngines {
    /** The busybox image scripts/engines.sh imports. */
    public static final String IMAGE = "localhost/p4n4-test-busybox:1";
    private static final Path ENV_FILE = Path.of("/tmp/p4n4-it/engines.env");

    private PodmanTestEngines() {
    }

    /** The endpoint to test against, if one is configured. */
    public static Optional<URI> findEndpoint() {
        String env = System.getenv("P4N4_TEST_PODMAN_HOST");
        if (env != null && !env.isBlank()) {
            return Optional.of(URI.create(env.trim()));
        }
        try {
            if (Files.isReadable(ENV_FILE)) {
                for (String line : Files.readAllLines(ENV_FILE)) {
                    if (line.startsWith("P4N4_TEST_PODMAN_HOST=")) {
                        return Optional.of(URI.create(line.substring(line.indexOf('=') + 1).trim()));
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A config for the test Podman; skips the calling test when none answers. */
    public static EngineConfig requireConfig() {
        Optional<URI> endpoint = findEndpoint();
        assumeTrue(endpoint.isPresent(), "no Podman for engine tests: run scripts/engines.sh start"
                + " (or set P4N4_TEST_PODMAN_HOST)");
        EngineConfig config = new EngineConfig(endpoint.get(), Duration.ofSeconds(5), Duration.ofSeconds(60));
        var availability = new PodmanEngineProvider().probe(config);
        assumeTrue(availability.available(), "Podman at " + endpoint.get() + " does not answer ("
                + availability.detail() + "): run scripts/engines.sh start");
        return config;
    }

    /** A connected engine for the test Podman; skips the calling test when none answers. */
    public static PodmanEngine requireEngine() {
        return new PodmanEngine(requireConfig());
    }
}
