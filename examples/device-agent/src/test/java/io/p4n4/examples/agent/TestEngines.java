package io.p4n4.examples.agent;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
        String endpoint = System.getenv(variable);
        if (endpoint == null) {
            endpoint = fromEnvFile(variable);
        }
        assumeTrue(endpoint != null, "no " + runtime + " for engine tests: run scripts/engines.sh start");
        Map<String, String> env = new HashMap<>();
        env.put(runtime.equals("docker") ? "DOCKER_HOST" : "CONTAINER_HOST", endpoint);
        try {
            return EngineSelector.select(runtime, env);
        } catch (P4n4Exception e) {
            assumeTrue(false, runtime + " at " + endpoint + " does not answer (" + e.getMessage()
                    + "): run scripts/engines.sh start");
            throw e;
        }
    }

    private static String fromEnvFile(String variable) {
        Path file = Path.of("/tmp/p4n4-it/engines.env");
        try {
            if (Files.isReadable(file)) {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith(variable + "=")) {
                        return line.substring(variable.length() + 1).trim();
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
