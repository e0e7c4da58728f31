package io.p4n4.examples.agent;

import io.p4n4.compose.engine.EngineDiscovery;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.testkit.engine.TestEndpoints;
import java.util.Locale;
import java.util.Map;

/**
 * The engines started by {@code scripts/engines.sh start}: endpoints from {@code P4N4_TEST_DOCKER_HOST}
 * and {@code P4N4_TEST_PODMAN_HOST}, else from /tmp/p4n4-it/engines.env. Tests skip when none answers.
 */
final class TestEngines {

    /** The busybox image scripts/engines.sh imports into both engines. */
    static final String IMAGE = "localhost/p4n4-test-busybox:1";

    private TestEngines() {
    }

    static ContainerEngine require(String runtime) {
        String variable = "P4N4_TEST_" + runtime.toUpperCase(Locale.ROOT) + "_HOST";
        String endpoint = TestEndpoints.find(variable).orElse(null);
        assumeTrue(endpoint != null, "no " + runtime + " for engine tests: run scripts/engines.sh start");
        return connect(runtime, endpoint);
    }

    /** The {@code runtime} engine at {@code endpoint}; skips the test when it does not answer. */
    static ContainerEngine connect(String runtime, String endpoint) {
        try {
            return EngineDiscovery.builder().engineId(runtime).endpoint(endpoint).build().connect();
        } catch (P4n4Exception e) {
            assumeTrue(false, runtime + " at " + endpoint + " does not answer (" + e.getMessage()
                    + "): run scripts/engines.sh start");
            throw e;
        }
    }
}
