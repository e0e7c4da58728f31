package io.p4n4.podman.internal;

import io.p4n4.podman.PodmanEngineProvider;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.p4n4.api.engine.EngineConfig;
import io.p4n4.testkit.engine.TestEndpoints;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Finds the Podman service the engine tests use: {@code P4N4_TEST_PODMAN_HOST}, else the file
 * {@code scripts/engines.sh start} writes (see {@link TestEndpoints}). Tests skip, saying how to start
 * one, when it does not answer.
 */
public final class PodmanTestEngines {
    /** The busybox image scripts/engines.sh imports. */
    public static final String IMAGE = "localhost/p4n4-test-busybox:1";

    private PodmanTestEngines() {
    }

    /** The endpoint to test against, if one is configured. */
    public static Optional<URI> findEndpoint() {
        return TestEndpoints.find("P4N4_TEST_PODMAN_HOST").map(URI::create);
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
