package io.p4n4.compose.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The upstream p4n4 stacks' .env.example files (shared/fixtures) read and edit as Compose would. */
class UpstreamEnvExampleTest {

    private static Path example(String stack) {
        String shared = System.getProperty("p4n4.shared.dir", "");
        Path file = Path.of(shared, "fixtures", "p4n4-upstream", stack, ".env.example");
        assumeTrue(!shared.isEmpty() && Files.isRegularFile(file),
                "upstream fixtures not found (" + file + "): set -Dp4n4.shared.dir to the shared directory");
        return file;
    }

    @Test
    void iotExampleDropsInlineCommentsAfterValues() {
        Map<String, String> env = DotEnv.read(example("p4n4-iot"), null);
        assertThat(env).containsEntry("TZ", "UTC")
                .containsEntry("INFLUXDB_TOKEN", "p4n4-stack-token")
                .containsEntry("INFLUXDB_BUCKET_PROCESSED", "processed_metrics")
                .containsEntry("INFLUXDB_BUCKET_AI_EVENTS", "ai_events")
                .containsEntry("GRAFANA_PASSWORD", "adminpassword");
        assertThat(env.keySet()).first().isEqualTo("TZ");
    }

    @Test
    void aiAndEdgeExamplesParse() {
        assertThat(DotEnv.read(example("p4n4-ai"), null))
                .containsEntry("N8N_ENCRYPTION_KEY", "change-me-32-char-encryption-key")
                .containsEntry("INFLUXDB_ORG", "ming");
        assertThat(DotEnv.read(example("p4n4-edge"), null))
                .containsEntry("EI_API_KEY", "").containsEntry("EI_MODEL_FILE", "model.eim")
                .containsEntry("MQTT_TOPIC_INPUT", "sensors/raw").hasSize(12);
    }

    @Test
    void editingAnExampleKeepsEveryOtherByte() throws IOException {
        Path file = example("p4n4-iot");
        String original = Files.readString(file);
        EnvFile env = EnvFile.read(file);
        assertThat(env.render()).isEqualTo(original);
        String edited = env.with("INFLUXDB_BUCKET_PROCESSED", "processed v2").with("INFLUXDB_TOKEN", "t0k3n").render();
        assertThat(edited).isEqualTo(original
                .replace("INFLUXDB_BUCKET_PROCESSED=processed_metrics   #",
                        "INFLUXDB_BUCKET_PROCESSED='processed v2'   #")
                .replace("INFLUXDB_TOKEN=p4n4-stack-token\n", "INFLUXDB_TOKEN=t0k3n\n"));
        assertThat(DotEnv.parse(edited)).containsEntry("INFLUXDB_BUCKET_PROCESSED", "processed v2");
    }
}
