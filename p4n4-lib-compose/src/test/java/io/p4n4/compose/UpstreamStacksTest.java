package io.p4n4.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The three upstream p4n4 stacks load unmodified with their {@code .env.example}, and the model says
 * what the files say (values checked against the YAML and the example env files by hand).
 */
class UpstreamStacksTest {

    private static ComposeProject load(String stack) {
        Path dir = ComposeCorpus.upstream(stack);
        return ComposeLoader.load(LoadOptions.builder()
                .file(dir.resolve("docker-compose.yml"))
                .envFile(dir.resolve(".env.example"))
                .environment(Map.of())
                .build());
    }

    @Test
    void iotStackHasItsFourServicesWithPortsHealthchecksAndTheSharedNetwork() {
        ComposeProject iot = load("iot");
        Path dir = ComposeCorpus.upstream("iot");

        assertThat(iot.name()).isEqualTo("p4n4-iot");
        assertThat(iot.services()).containsOnlyKeys("mqtt", "influxdb", "node-red", "grafana");

        ComposeService mqtt = iot.service("mqtt");
        assertThat(mqtt.image()).contains("eclipse-mosquitto:2");
        assertThat(mqtt.containerName()).contains("p4n4-mqtt");
        assertThat(mqtt.restart()).contains("unless-stopped");
        assertThat(mqtt.ports()).containsExactly(
                new ServicePort(null, "ingress", null, 1883, "1883", "tcp", null),
                new ServicePort(null, "ingress", null, 9001, "9001", "tcp", null));
        assertThat(mqtt.volumes()).containsExactly(
                new ServiceVolume("bind", dir.resolve("config/mosquitto/mosquitto.conf").toString(),
                        "/mosquitto/config/mosquitto.conf", true, true),
                new ServiceVolume("volume", "mosquitto-data", "/mosquitto/data", false, false),
                new ServiceVolume("volume", "mosquitto-log", "/mosquitto/log", false, false));
        Healthcheck hc = mqtt.healthcheck().orElseThrow();
        // $$ in the file is a literal $ in the model
        assertThat(hc.test()).containsExactly("CMD-SHELL", "mosquitto_sub -h localhost -t '$SYS/broker/uptime' -C 1 -W 3");
        assertThat(hc.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(hc.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(hc.startPeriod()).isEqualTo(Duration.ofSeconds(10));
        assertThat(hc.retries()).isEqualTo(3);
        assertThat(mqtt.networks()).containsOnlyKeys("p4n4-net");

        ComposeService influx = iot.service("influxdb");
        assertThat(influx.environment())
                .containsEntry("DOCKER_INFLUXDB_INIT_MODE", "setup")
                .containsEntry("DOCKER_INFLUXDB_INIT_ORG", "ming")
                // ".env.example" has an inline comment after this value
                .containsEntry("INFLUXDB_BUCKET_PROCESSED", "processed_metrics")
                .containsEntry("INFLUXDB_SANDBOX_RETENTION", "30d")
                .hasSize(11);
        assertThat(influx.healthcheck().orElseThrow().test()).containsExactly("CMD", "influx", "ping");

        ComposeService nodeRed = iot.service("node-red");
        assertThat(nodeRed.dependsOn()).containsExactly(
                Map.entry("mqtt", new ServiceDependency("mqtt", DependencyCondition.SERVICE_HEALTHY, true, false)),
                Map.entry("influxdb", new ServiceDependency("influxdb", DependencyCondition.SERVICE_HEALTHY, true, false)));

        ComposeNetwork net = iot.networks().get("p4n4-net");
        assertThat(net.name()).isEqualTo("p4n4-net");
        assertThat(net.external()).isFalse();
        assertThat(net.driver()).contains("bridge");
        assertThat(net.ipamConfigs()).extracting(IpamConfig::subnet).containsExactly("172.20.0.0/16");
        assertThat(iot.networks()).containsOnlyKeys("p4n4-net");

        assertThat(iot.volumes()).containsOnlyKeys("mosquitto-data", "mosquitto-log", "influxdb-data",
                "influxdb-config", "node-red-data", "grafana-data");
        assertThat(iot.volumes().get("grafana-data").name()).isEqualTo("p4n4-iot_grafana-data");

        List<String> order = iot.servicesInDependencyOrder().stream().map(ComposeService::name).toList();
        assertThat(order).hasSize(4);
        assertThat(order.indexOf("mqtt")).isLessThan(order.indexOf("node-red"));
        assertThat(order.indexOf("influxdb")).isLessThan(order.indexOf("node-red"));
        assertThat(order.indexOf("influxdb")).isLessThan(order.indexOf("grafana"));
    }

    @Test
    void aiStackJoinsTheExternalNetworkAndKeepsEmptyAndNumericValuesAsStrings() {
        ComposeProject ai = load("ai");

        assertThat(ai.services()).containsOnlyKeys("ollama", "letta", "n8n");
        ComposeNetwork net = ai.networks().get("p4n4-net");
        assertThat(net.external()).isTrue();
        assertThat(net.name()).isEqualTo("p4n4-net");
        assertThat(ai.service("letta").environment()).containsEntry("LETTA_PG_URI", "")
                .containsEntry("LETTA_SERVER_PASSWORD", "lettapassword");
        assertThat(ai.service("n8n").environment())
                .containsEntry("N8N_PORT", "5678")
                .containsEntry("N8N_BASIC_AUTH_ACTIVE", "true")
                .containsEntry("WEBHOOK_URL", "http://localhost:5678/");
        assertThat(ai.service("letta").healthcheck().orElseThrow().startPeriod()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void edgeStackBuildsItsRunnerFromARelativeContext() {
        ComposeProject edge = load("edge");
        Path dir = ComposeCorpus.upstream("edge");

        ComposeService runner = edge.service("ei-runner");
        assertThat(runner.image()).isEmpty();
        assertThat(runner.build()).containsEntry("context", dir.resolve("runner").toString())
                .containsEntry("dockerfile", "Dockerfile");
        assertThat(runner.environment())
                .containsEntry("EI_MODEL_PATH", "/models/model.eim")
                .containsEntry("EI_API_KEY", "")
                .containsEntry("INFLUXDB_BUCKET", "ai_events")
                .containsEntry("MQTT_HOST", "p4n4-mqtt");
        assertThat(runner.volumes().get(0)).isEqualTo(new ServiceVolume("bind",
                dir.resolve("edge-impulse/models").toString(), "/models", true, true));
    }

    @Test
    void processEnvironmentWinsOverTheEnvFile() {
        Path dir = ComposeCorpus.upstream("iot");
        ComposeProject iot = ComposeLoader.load(LoadOptions.builder()
                .file(dir.resolve("docker-compose.yml"))
                .envFile(dir.resolve(".env.example"))
                .environment(Map.of("INFLUXDB_ORG", "from-process"))
                .build());
        assertThat(iot.service("grafana").environment()).containsEntry("INFLUXDB_ORG", "from-process");
    }

    @Test
    void serializedYamlLoadsBackToTheSameModel() {
        for (String stack : List.of("iot", "ai", "edge")) {
            ComposeProject first = load(stack);
            String yaml = ComposeSerializer.toYaml(first);
            ComposeProject again = ComposeLoader.load(LoadOptions.builder()
                    .source(ComposeSource.inline(first.workingDirectory().resolve("roundtrip.yaml"), yaml))
                    .workingDirectory(first.workingDirectory())
                    .environment(Map.of())
                    .defaultEnvFile(false)
                    .build());
            assertThat(again.model()).as(stack).isEqualTo(first.model());
        }
    }

    @Test
    void jsonOutputHasComposeShape() throws Exception {
        ComposeProject iot = load("iot");
        var json = ComposeCorpus.JSON.readTree(ComposeSerializer.toJson(iot));
        assertThat(json.fieldNames()).toIterable().startsWith("name", "services", "networks", "volumes");
        assertThat(json.at("/services/mqtt/ports/0/published").isTextual()).isTrue();
        assertThat(json.at("/services/mqtt/ports/0/target").isInt()).isTrue();
        // text output escapes $ so that it can be loaded again
        assertThat(json.at("/services/mqtt/healthcheck/test/1").asText()).contains("'$$SYS/broker/uptime'");
        assertThat(json.at("/services/mqtt/healthcheck/interval").asText()).isEqualTo("30s");
    }
}
