package io.p4n4.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code p4n4 init} names the manual steps the n8n workflows need (importing them, the MQTT credential
 * n8n cannot be given from a file, the Letta agents) when the project has the ai stack, and only then.
 */
class InitNextStepsTest {
    @TempDir
    Path tmp;

    @Test
    void withTheAiStackInitNamesTheN8nCredentialToCreate() {
        CliRun r = CliRun.of("init", tmp.resolve("a").toString(), "--stacks", "iot,ai");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Then, for the n8n workflows (manual steps):")
                .contains("n8n import:workflow --separate --input=/workflows")
                .contains("create the MQTT credential 'p4n4 MQTT' (host mosquitto, port 1883")
                .contains("Letta agents anomaly-analyst and operator-assistant");
    }

    @Test
    void withoutTheAiStackThereAreNoN8nSteps() {
        CliRun r = CliRun.of("init", tmp.resolve("b").toString(), "--stacks", "iot");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("n8n");
    }
}
