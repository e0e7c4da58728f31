package io.p4n4.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.api.engine.PullProgress;
import io.p4n4.compose.exec.ProgressEvent;
import io.p4n4.compose.exec.ProgressEvent.Step;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three renderers on the same events: what a person on a terminal, a log file and a program each see. */
class ProgressRenderersTest {
    private static final Instant T = Instant.parse("2026-12-03T07:00:00Z");
    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);

    private static ProgressEvent event(Step step, String subject, String detail) {
        return new ProgressEvent(step, subject, detail, T);
    }

    @Test
    void theRendererFollowsTheOutputMode() {
        assertThat(ProgressRenderers.create(out, true, true)).isInstanceOf(JsonProgress.class);
        assertThat(ProgressRenderers.create(out, false, true)).isInstanceOf(TerminalProgress.class);
        assertThat(ProgressRenderers.create(out, false, false)).isInstanceOf(PlainProgress.class);
    }

    @Test
    void plainLinesShowEachStepAndEachLayerPhaseOnce() {
        try (ProgressRenderer plain = new PlainProgress(out)) {
            plain.onProgress(event(Step.IMAGE_PULLING, "eclipse-mosquitto:2", ""));
            plain.onProgress(new PullProgress("eclipse-mosquitto:2", "", "Pulling from library/eclipse-mosquitto", 0, 0));
            plain.onProgress(new PullProgress("eclipse-mosquitto:2", "3f4a9c", "Downloading", 100, 3_400_000));
            plain.onProgress(new PullProgress("eclipse-mosquitto:2", "3f4a9c", "Downloading", 2_000_000, 3_400_000));
            plain.onProgress(new PullProgress("eclipse-mosquitto:2", "3f4a9c", "Pull complete", 0, 0));
            plain.onProgress(event(Step.CONTAINER_STARTED, "broker", "demo-broker-1"));
        }
        assertThat(text.toString().lines()).containsExactly(
                "  image pulling eclipse-mosquitto:2",
                "  pull eclipse-mosquitto:2: Pulling from library/eclipse-mosquitto",
                "  pull eclipse-mosquitto:2 layer 3f4a9c: Downloading (3.4 MB)",
                "  pull eclipse-mosquitto:2 layer 3f4a9c: Pull complete",
                "  container started broker (demo-broker-1)");
    }

    @Test
    void jsonLinesCarryStepsAndLayerBytes() throws Exception {
        try (ProgressRenderer json = new JsonProgress(out)) {
            json.onProgress(event(Step.CONTAINER_CREATED, "broker", "demo-broker-1"));
            json.onProgress(new PullProgress("eclipse-mosquitto:2", "3f4a9c", "Downloading", 1_200_000, 3_400_000));
            // same phase within 200 ms: left out, the next phase is not
            json.onProgress(new PullProgress("eclipse-mosquitto:2", "3f4a9c", "Downloading", 1_300_000, 3_400_000));
            json.onProgress(new PullProgress("eclipse-mosquitto:2", "3f4a9c", "Extracting", 0, 3_400_000));
        }
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = text.toString().lines().map(l -> {
            try {
                return mapper.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).toString()).isEqualTo("{\"type\":\"progress\",\"step\":\"container_created\","
                + "\"subject\":\"broker\",\"detail\":\"demo-broker-1\",\"time\":\"2026-12-03T07:00:00Z\"}");
        assertThat(lines.get(1).toString()).isEqualTo("{\"type\":\"pull\",\"image\":\"eclipse-mosquitto:2\","
                + "\"layer\":\"3f4a9c\",\"status\":\"Downloading\",\"current\":1200000,\"total\":3400000}");
        assertThat(lines.get(2).get("status").asText()).isEqualTo("Extracting");
    }

    @Test
    void aTerminalShowsOneUpdatingLinePerSubjectAndABarPerLayer() {
        TerminalProgress live = new TerminalProgress(out);
        live.onProgress(event(Step.NETWORK_CREATED, "demo_default", ""));
        live.onProgress(event(Step.IMAGE_PULLING, "eclipse-mosquitto:2", ""));
        live.onProgress(new PullProgress("eclipse-mosquitto:2", "", "Pulling from library/eclipse-mosquitto", 0, 0));
        live.onProgress(new PullProgress("eclipse-mosquitto:2", "3f4a9c", "Downloading", 1_700_000, 3_400_000));
        live.onProgress(new PullProgress("eclipse-mosquitto:2", "77aa01", "Waiting", 0, 0));

        assertThat(live.lines()).containsExactly(
                "network   demo_default                     created",
                "image     eclipse-mosquitto:2              pulling    Pulling from library/eclipse-mosquitto",
                "  3f4a9c  Downloading  [===========>            ] 1.7 MB / 3.4 MB",
                "  77aa01  Waiting");

        live.onProgress(event(Step.IMAGE_PULLED, "eclipse-mosquitto:2", ""));
        live.onProgress(event(Step.CONTAINER_CREATED, "broker", "demo-broker-1"));
        live.onProgress(event(Step.CONTAINER_STARTED, "broker", "demo-broker-1"));
        live.close();

        assertThat(live.lines()).containsExactly(
                "network   demo_default                     created",
                "image     eclipse-mosquitto:2              pulled",
                "service   broker                           started    demo-broker-1");
        // each redraw goes back up over the lines drawn before, so the screen shows them once
        assertThat(text.toString()).contains("\033[4F").endsWith("\033[2Kservice   broker                           "
                + "started    demo-broker-1\n\033[J");
    }

    @Test
    void aLayerBarIsFullWhenDoneAndAbsentWithoutATotal() {
        assertThat(TerminalProgress.layerText(new PullProgress("i", "l", "Downloading", 10, 10)))
                .contains("[========================]").endsWith("10 B / 10 B");
        assertThat(TerminalProgress.layerText(new PullProgress("i", "l", "Verifying Checksum", 0, 0)))
                .isEqualTo("Verifying Checksum");
    }
}
