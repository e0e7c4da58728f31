package io.p4n4.core.manifest.internal;

import io.p4n4.api.project.SecretKind;
import io.p4n4.api.project.StackId;
import io.p4n4.api.project.VariableDefinition;
import java.util.List;
import java.util.Map;

/**
 * What projects made by the upstream Python tools (p4n4-lib 0.1) must contain: files and {@code .env}
 * keys per layer, and which keys are secrets. Upstream generated hex secrets, so rotation keeps hex.
 */
public final class LegacyLayers {

    /** Required files per layer, relative to the layer's folder. */
    public static final Map<StackId, List<String>> REQUIRED_FILES = Map.of(
            StackId.IOT, List.of("docker-compose.yml", ".env", "config/mosquitto/mosquitto.conf",
                    "config/node-red/settings.js", "config/node-red/flows.json",
                    "config/grafana/provisioning/datasources/datasources.yml", "scripts/init-buckets.sh"),
            StackId.AI, List.of("docker-compose.yml", ".env", "config/letta/letta.conf", "scripts/pull-models.sh"),
            StackId.EDGE, List.of());

    /** Keys that must be present and non-empty in the layer's {@code .env}. */
    public static final Map<StackId, List<String>> REQUIRED_KEYS = Map.of(
            StackId.IOT, List.of("TZ", "INFLUXDB_USERNAME", "INFLUXDB_PASSWORD", "INFLUXDB_ORG", "INFLUXDB_TOKEN",
                    "INFLUXDB_BUCKET", "GRAFANA_USER", "GRAFANA_PASSWORD"),
            StackId.AI, List.of("LETTA_SERVER_PASSWORD", "N8N_BASIC_AUTH_USER", "N8N_BASIC_AUTH_PASSWORD",
                    "N8N_ENCRYPTION_KEY", "N8N_HOST", "INFLUXDB_TOKEN", "INFLUXDB_ORG", "INFLUXDB_BUCKET"),
            StackId.EDGE, List.of());

    /** The secrets of upstream projects, with the same setup-only rules as the bundled stacks. */
    public static final List<VariableDefinition> SECRETS = List.of(
            secret("INFLUXDB_PASSWORD", StackId.IOT).setupOnlySecret(),
            secret("INFLUXDB_TOKEN", StackId.IOT).crossStackShared().setupOnlySecret(),
            secret("GRAFANA_PASSWORD", StackId.IOT).setupOnlySecret(),
            secret("LETTA_SERVER_PASSWORD", StackId.AI),
            secret("N8N_BASIC_AUTH_PASSWORD", StackId.AI),
            secret("N8N_ENCRYPTION_KEY", StackId.AI).setupOnlySecret());

    private LegacyLayers() {
    }

    private static VariableDefinition secret(String name, StackId owner) {
        return VariableDefinition.secret(name, owner, SecretKind.HEX, "upstream " + owner + " secret");
    }
}
