package io.p4n4.clients;

import io.p4n4.api.project.ProjectRoot;
import io.p4n4.compose.env.DotEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the services of a p4n4 project answer and with which credentials, from the project's root
 * {@code .env} and the stacks' default published ports on {@code localhost}:
 *
 * <table>
 *   <caption>Endpoints and the .env keys that override them</caption>
 *   <tr><th>service</th><th>default</th><th>override</th><th>credential</th></tr>
 *   <tr><td>Ollama</td><td>http://localhost:11434</td><td>{@code P4N4_OLLAMA_URL}</td><td>none</td></tr>
 *   <tr><td>Letta</td><td>http://localhost:8283</td><td>{@code P4N4_LETTA_URL}</td>
 *       <td>{@code LETTA_SERVER_PASSWORD}</td></tr>
 *   <tr><td>Edge Impulse runner</td><td>http://localhost:8080</td><td>{@code P4N4_EI_URL}</td><td>none</td></tr>
 *   <tr><td>InfluxDB</td><td>http://localhost:8086</td><td>{@code P4N4_INFLUXDB_URL}</td>
 *       <td>{@code INFLUXDB_TOKEN} / {@code INFLUXDB_ADMIN_TOKEN}</td></tr>
 *   <tr><td>Mosquitto (MQTT)</td><td>mqtt://localhost:1883</td><td>{@code P4N4_MQTT_URL}</td>
 *       <td>{@code MQTT_USER} / {@code MQTT_PASSWORD}</td></tr>
 * </table>
 * {@code P4N4_HOST} replaces {@code localhost} in every default. The {@code .env} is parsed like
 * Docker Compose parses it (compose's {@code DotEnv}). Immutable; {@code toString()} never shows a value.
 */
public final class ProjectEndpointConfig {
    private final Map<String, String> env;

    private ProjectEndpointConfig(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Endpoints with every default (no project). */
    public static ProjectEndpointConfig defaults() {
        return new ProjectEndpointConfig(Map.of());
    }

    /** Endpoints from the given {@code KEY=value} pairs (a parsed {@code .env}). */
    public static ProjectEndpointConfig of(Map<String, String> env) {
        return new ProjectEndpointConfig(env);
    }

    /**
     * Endpoints of the project containing {@code start}, found as core finds projects
     * ({@link ProjectRoot#find}: the nearest directory at or above {@code start} with {@code .p4n4.json}),
     * from that directory's {@code .env}. Defaults when there is no project or it has no root
     * {@code .env} (an upstream project with one {@code .env} per layer: use {@link #of} with the layer's).
     */
    public static ProjectEndpointConfig read(Path start) {
        return ProjectRoot.find(start).map(root -> root.resolve(".env")).filter(Files::isRegularFile)
                // ${VAR} in values resolves from the process environment, as compose does
                .map(env -> new ProjectEndpointConfig(DotEnv.read(env, System::getenv)))
                .orElseGet(ProjectEndpointConfig::defaults);
    }

    /** Returns a value of the {@code .env}, if set and not blank. */
    public Optional<String> value(String key) {
        String v = env.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    /** Returns the Ollama base URL. */
    public String ollamaUrl() {
        return url("P4N4_OLLAMA_URL", 11434);
    }

    /** Returns the Letta base URL. */
    public String lettaUrl() {
        return url("P4N4_LETTA_URL", 8283);
    }

    /** Returns the Letta server password, if the project sets one. */
    public Optional<String> lettaPassword() {
        return value("LETTA_SERVER_PASSWORD");
    }

    /** Returns the Edge Impulse runner base URL. */
    public String edgeImpulseUrl() {
        return url("P4N4_EI_URL", 8080);
    }

    /** Returns the InfluxDB base URL. */
    public String influxUrl() {
        return url("P4N4_INFLUXDB_URL", 8086);
    }

    /** Returns the InfluxDB token ({@code INFLUXDB_TOKEN}, else {@code INFLUXDB_ADMIN_TOKEN}). */
    public Optional<String> influxToken() {
        return value("INFLUXDB_TOKEN").or(() -> value("INFLUXDB_ADMIN_TOKEN"));
    }

    /** Returns the MQTT broker URL ({@code P4N4_MQTT_URL}, else {@code mqtt://localhost:1883}). */
    public String mqttUrl() {
        return value("P4N4_MQTT_URL").orElseGet(() -> "mqtt://" + value("P4N4_HOST").orElse("localhost") + ":1883");
    }

    /** Returns the MQTT user ({@code MQTT_USER}), if the project sets one. */
    public Optional<String> mqttUser() {
        return value("MQTT_USER");
    }

    /** Returns the MQTT password ({@code MQTT_PASSWORD}), if the project sets one. */
    public Optional<String> mqttPassword() {
        return value("MQTT_PASSWORD");
    }

    private String url(String key, int port) {
        return value(key).orElseGet(() -> "http://" + value("P4N4_HOST").orElse("localhost") + ":" + port);
    }

    @Override
    public String toString() {
        return "ProjectEndpointConfig[keys=" + env.keySet().stream().sorted().toList() + "]";
    }
}
