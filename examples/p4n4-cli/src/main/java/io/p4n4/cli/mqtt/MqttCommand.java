package io.p4n4.cli.mqtt;

import picocli.CommandLine.Command;

/** {@code p4n4 mqtt}: the IoT stack's Mosquitto. */
@Command(name = "mqtt", mixinStandardHelpOptions = true,
        description = {"Publish to and subscribe on the IoT stack's Mosquitto (MQTT 3.1.1 or 5).",
            "Broker: --url, else P4N4_MQTT_URL from the environment, else from the project's .env, else "
                    + "mqtt://localhost:1883 (mqtts:// for TLS).",
            "Credentials: --user, else MQTT_USER; the password only from MQTT_PASSWORD (environment, else the "
                    + "project's .env), never on the command line."},
        subcommands = {MqttPubCommand.class, MqttSubCommand.class})
public final class MqttCommand {
}
