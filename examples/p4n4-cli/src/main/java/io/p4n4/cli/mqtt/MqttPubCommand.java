package io.p4n4.cli.mqtt;

import io.p4n4.api.clients.mqtt.MqttClient;
import io.p4n4.api.clients.mqtt.MqttQos;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import io.p4n4.clients.ClientFactory;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code p4n4 mqtt pub TOPIC PAYLOAD [--qos N] [--retain]}: publishes one message and waits for the broker. */
@Command(name = "pub", mixinStandardHelpOptions = true,
        description = {"Publish one message (UTF-8 text) and wait until the broker acknowledged it (QoS 1, 2).",
            "TOPIC names one topic: wildcards (+, #) are refused."})
public final class MqttPubCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MqttOptions options;

    @Option(names = "--retain", description = "Ask the broker to keep it as the topic's retained message.")
    boolean retain;

    @Parameters(index = "0", paramLabel = "TOPIC", description = "The topic, e.g. sensors/greenhouse-1/temperature.")
    String topic;

    @Parameters(index = "1", paramLabel = "PAYLOAD", description = "The payload, sent as UTF-8 text.")
    String payload;

    @Override
    public Integer call() {
        MqttQos qos = options.qos();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        try (ClientFactory clients = MqttOptions.clients(spec); MqttClient client = options.connect(clients)) {
            client.publish(topic, bytes, qos, retain);
        }
        if (OutputMode.json(spec)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("topic", topic);
            m.put("bytes", bytes.length);
            m.put("qos", qos.code());
            m.put("retained", retain);
            Json.printDocument(spec.commandLine().getOut(), m);
        } else {
            spec.commandLine().getOut().println("published " + bytes.length + " byte" + (bytes.length == 1 ? "" : "s")
                    + " to " + topic + " (qos " + qos.code() + (retain ? ", retained" : "") + ")");
        }
        return 0;
    }
}
