package io.p4n4.junit;

import org.junit.jupiter.api.Assumptions;

/** The engines scripts/engines.sh starts, as the environment variables of /tmp/p4n4-it/engines.env name them. */
final class TestHosts {
    private TestHosts() {
    }

    /** The variable holding engine {@code engine}'s test endpoint. */
    static String variable(EngineChoice engine) {
        return "P4N4_TEST_" + engine.name() + "_HOST";
    }

    /** {@code ${P4N4_TEST_<ENGINE>_HOST}}; skips the calling test when the variable is not set. */
    static String hostOf(EngineChoice engine) {
        String v = System.getenv(variable(engine));
        Assumptions.assumeTrue(v != null && !v.isBlank(), () -> variable(engine)
                + " is not set; run scripts/engines.sh start and source /tmp/p4n4-it/engines.env");
        return "${" + variable(engine) + "}";
    }
}
