package io.p4n4.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** A class whose project does not start fails with a message naming the service's log file, which holds why. */
@Tag("engine")
@EnabledIfEnvironmentVariable(named = "P4N4_TEST_DOCKER_HOST", matches = ".+",
        disabledReason = "run scripts/engines.sh start and source /tmp/p4n4-it/engines.env")
class StartFailureExtensionTest {

    @Test
    void theFailureNamesTheLogFileUnderTargetP4n4Logs() throws Exception {
        Events classes = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BrokenSample.class)).execute()
                .containerEvents();

        Path log = Path.of("target", "p4n4-logs", BrokenSample.class.getName(), "broken.log").toAbsolutePath();
        assertThat(classes.failed().count()).isEqualTo(1);
        Throwable failure = classes.failed().stream().findFirst().orElseThrow().getPayload(
                org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).hasMessageContaining("Service logs: " + log);
        assertThat(Files.readString(log)).contains("broken-service-says-missing-config");
    }

    @P4n4Compose(value = "src/test/resources/compose/broken.yml", engine = EngineChoice.DOCKER,
            host = "${P4N4_TEST_DOCKER_HOST}", waitTimeoutSeconds = 30)
    static class BrokenSample {
        @Test
        void neverRuns() {
            throw new AssertionError("the project must not have started");
        }
    }
}
