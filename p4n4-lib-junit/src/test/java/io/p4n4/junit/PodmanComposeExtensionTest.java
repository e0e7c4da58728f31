package io.p4n4.junit;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** {@link P4n4Compose} on Podman (scripts/engines.sh start; the variable comes from engines.env). */
@EnabledIfEnvironmentVariable(named = "P4N4_TEST_PODMAN_HOST", matches = ".+",
        disabledReason = "run scripts/engines.sh start and source /tmp/p4n4-it/engines.env")
@P4n4Compose(value = "src/test/resources/compose/web.yml", engine = EngineChoice.PODMAN,
        host = "${P4N4_TEST_PODMAN_HOST}", waitTimeoutSeconds = 60,
        waitFor = {@WaitFor(service = "web", port = 80, httpPath = "/", httpStatus = 200),
                   @WaitFor(service = "worker", logLine = "worker started")})
class PodmanComposeExtensionTest extends ComposeExtensionContract {
    PodmanComposeExtensionTest(ComposeEnvironment env) {
        super(env);
    }

    @Override
    String engineId() {
        return "podman";
    }
}
