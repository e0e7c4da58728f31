package io.p4n4.junit;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** {@link P4n4Compose} on Docker (scripts/engines.sh start; the variable comes from engines.env). */
@EnabledIfEnvironmentVariable(named = "P4N4_TEST_DOCKER_HOST", matches = ".+",
        disabledReason = "run scripts/engines.sh start and source /tmp/p4n4-it/engines.env")
@P4n4Compose(value = "src/test/resources/compose/web.yml", engine = EngineChoice.DOCKER,
        host = "${P4N4_TEST_DOCKER_HOST}", waitTimeoutSeconds = 60,
        waitFor = {@WaitFor(service = "web", port = 80, httpPath = "/", httpStatus = 200),
                   @WaitFor(service = "worker", logLine = "worker started")})
class DockerComposeExtensionTest extends ComposeExtensionContract {
    DockerComposeExtensionTest(ComposeEnvironment env) {
        super(env);
    }

    @Override
    String engineId() {
        return "docker";
    }
}
