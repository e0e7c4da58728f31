package io.p4n4.cli.mqtt;

import io.p4n4.api.clients.mqtt.MqttClient;
import io.p4n4.api.clients.mqtt.MqttQos;
import io.p4n4.api.clients.mqtt.MqttVersion;
import io.p4n4.clients.ClientFactory;
import io.p4n4.clients.MqttClientBuilder;
import io.p4n4.clients.ProjectEndpointConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The broker options of {@code p4n4 mqtt pub|sub}. Each setting comes from its option, else the process
 * environment ({@code P4N4_MQTT_URL}, {@code MQTT_USER}, {@code MQTT_PASSWORD}), else the project's
 * {@code .env}, else the default ({@code mqtt://localhost:1883}, anonymous). A picocli mixin.
 */
public final class MqttOptions {
    private static final List<String> KEYS = List.of("P4N4_MQTT_URL", "P4N4_HOST", "MQTT_USER", "MQTT_PASSWORD");

    /** Where environment variables come from; tests replace it. */
    static UnaryOperator<String> environment = System::getenv;

    @Option(names = "--url", paramLabel = "URL",
            description = "Broker URL, mqtt://HOST[:PORT] or mqtts://HOST[:PORT] (default: P4N4_MQTT_URL from the "
                    + "environment or the project's .env, else mqtt://localhost:1883).")
    String url;

    @Option(names = "--user", paramLabel = "USER",
            description = "User name (default: MQTT_USER from the environment or the project's .env). The password "
                    + "is read from MQTT_PASSWORD only.")
    String user;

    @Option(names = "--protocol", paramLabel = "VERSION", defaultValue = "3.1.1",
            description = "MQTT protocol version: 3.1.1 or 5 (default: ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--ca-file", paramLabel = "PEM",
            description = "CA certificate(s) to trust for mqtts:// (default: the JDK's trusted CAs).")
    Path caFile;

    @Option(names = "--qos", paramLabel = "N", defaultValue = "1",
            description = "Quality of service: 0, 1 or 2 (default: ${DEFAULT-VALUE}).")
    int qos;

    /** Returns the {@code --qos} level; USER error for anything but 0, 1 or 2. */
    MqttQos qos() {
        return MqttQos.of(qos);
    }

    /** Opens the factory whose MQTT defaults are the environment's, else the project's .env. */
    static ClientFactory clients(CommandSpec spec) {
        OptionSpec o = spec.root().findOption("--project");
        Object v = o == null ? null : o.getValue();
        ProjectEndpointConfig project = ProjectEndpointConfig.read(v instanceof Path p ? p : Path.of("").toAbsolutePath());
        Map<String, String> merged = new HashMap<>();
        for (String key : KEYS) {
            String fromEnv = environment.apply(key);
            if (fromEnv != null && !fromEnv.isBlank()) {
                merged.put(key, fromEnv);
            } else {
                project.value(key).ifPresent(value -> merged.put(key, value));
            }
        }
        return ClientFactory.of(ProjectEndpointConfig.of(merged));
    }

    /** Connects a client with the options applied. */
    MqttClient connect(ClientFactory clients) {
        MqttClientBuilder b = clients.mqtt().version(MqttVersion.parse(protocol)).caFile(caFile);
        if (url != null) {
            b.url(url);
        }
        if (user != null) {
            b.credentials(user, clients.endpoints().mqttPassword().orElse(null));
        }
        return b.build();
    }
}
