package io.p4n4.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.HealthStatus;
import io.p4n4.api.engine.LogLine;
import io.p4n4.api.engine.LogStream;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.exec.DownResult;
import io.p4n4.compose.exec.ServiceStatus;
import io.p4n4.compose.exec.UpResult;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineJsonTest {
    private static final Instant AT = Instant.parse("2026-12-05T07:00:00Z");

    @Test
    void aSnapshotListsEachStacksContainersInTheProjectsOrderWithLowerCaseWords() {
        Map<StackId, List<ServiceStatus>> stacks = new LinkedHashMap<>();
        stacks.put(StackId.IOT, List.of(ServiceStatus.builder("mosquitto", ContainerState.RUNNING)
                .container("site-mosquitto-1").image("eclipse-mosquitto:2").health(HealthStatus.HEALTHY)
                .ports(List.of(PortBinding.tcp("127.0.0.1", 1883, 1883))).build()));
        stacks.put(StackId.EDGE, List.of());

        Map<String, Object> json = EngineJson.status(new StatusSnapshot(7, AT, "podman", stacks));

        assertThat(json).containsExactly(Map.entry("sequence", 7L), Map.entry("at", "2026-12-05T07:00:00Z"),
                Map.entry("engine", "podman"), Map.entry("stacks", json.get("stacks")));
        @SuppressWarnings("unchecked")
        Map<String, Object> byStack = (Map<String, Object>) json.get("stacks");
        assertThat(byStack).containsOnlyKeys("iot", "edge");
        assertThat(byStack.keySet()).containsExactly("iot", "edge");
        assertThat(byStack.get("edge")).isEqualTo(List.of());
        assertThat(byStack.get("iot")).isEqualTo(List.of(Map.of("service", "mosquitto", "container", "site-mosquitto-1",
                "image", "eclipse-mosquitto:2", "state", "running", "health", "healthy", "exit_code", 0,
                "ports", List.of(Map.of("host_ip", "127.0.0.1", "host_port", 1883, "container_port", 1883,
                        "protocol", "tcp")))));
    }

    @Test
    void upAndDownResultsNameTheServicesAndObjectsPerStack() {
        UpResult up = UpResult.builder().created(List.of("web")).unchanged(List.of("db")).scaledDown(List.of("w"))
                .elapsed(Duration.ofMillis(1234)).build();
        DownResult down = new DownResult(List.of("site-web-1"), List.of("site_default"), List.of("site_data"));

        assertThat(EngineJson.up(Map.of(StackId.IOT, up))).isEqualTo(Map.of("stacks", Map.of("iot", Map.of(
                "created", List.of("web"), "recreated", List.of(), "started", List.of(), "unchanged", List.of("db"),
                "scaled_down", List.of("w"), "elapsed_ms", 1234L))));
        assertThat(EngineJson.down(Map.of(StackId.IOT, down))).isEqualTo(Map.of("stacks", Map.of("iot", Map.of(
                "containers", List.of("site-web-1"), "networks", List.of("site_default"),
                "volumes", List.of("site_data")))));
    }

    @Test
    void aLogLineHasItsTimeOnlyWhenTheEngineGaveOne() {
        Map<String, Object> stamped = EngineJson.log("web", new LogLine(LogStream.STDERR, AT, "oops"));
        Map<String, Object> bare = EngineJson.log("web", new LogLine(LogStream.STDOUT, null, "hello"));

        assertThat(stamped).isEqualTo(Map.of("service", "web", "stream", "stderr", "time", "2026-12-05T07:00:00Z",
                "text", "oops"));
        assertThat(bare).containsEntry("stream", "stdout").containsEntry("time", null).containsEntry("text", "hello");
    }
}
