package io.p4n4.cli.mqtt;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.mqtt.MqttClient;
import io.p4n4.api.clients.mqtt.MqttMessage;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import io.p4n4.clients.ClientFactory;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 mqtt sub TOPIC [--count N]}: prints each message as it arrives, {@code TOPIC PAYLOAD} per line
 * (with {@code --json}: one JSON object per line). Without {@code --count} it runs until Ctrl-C, which
 * disconnects cleanly and exits 130.
 */
@Command(name = "sub", mixinStandardHelpOptions = true,
        description = {"Subscribe and print each message as it arrives: TOPIC PAYLOAD on one line, or with --json one "
                + "JSON object per line (topic, payload, payload_encoding, qos, retained).",
            "Runs until --count messages arrived (exit 0), or until Ctrl-C, which disconnects cleanly (exit 130)."})
public final class MqttSubCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MqttOptions options;

    @Option(names = {"-n", "--count"}, paramLabel = "N", description = "Exit after N messages (default: run until Ctrl-C).")
    Integer count;

    @Parameters(index = "0", paramLabel = "TOPIC", description = "A topic or filter, e.g. sensors/+/temperature or alerts/#.")
    String filter;

    @Override
    public Integer call() throws InterruptedException {
        if (count != null && count < 1) {
            throw new P4n4Exception(ErrorCode.USER, "--count must be 1 or more, not " + count);
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean json = OutputMode.json(spec);
        BlockingQueue<MqttMessage> arrived = new LinkedBlockingQueue<>();
        try (ClientFactory clients = MqttOptions.clients(spec); MqttClient client = options.connect(clients)) {
            // Ctrl-C (SIGINT) runs the hook: a clean DISCONNECT, then the JVM exits with 130
            Thread hook = new Thread(client::close, "p4n4-mqtt-sub-close");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                client.subscribe(filter, options.qos(), arrived::add);
                for (int n = 0; count == null || n < count; n++) {
                    print(out, json, arrived.take());
                }
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting: the hook runs
                }
            }
        }
        return 0;
    }

    private static void print(PrintWriter out, boolean json, MqttMessage m) {
        byte[] payload = m.payload();
        String text = utf8(payload);
        if (json) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("topic", m.topic());
            line.put("payload", text != null ? text : Base64.getEncoder().encodeToString(payload));
            line.put("payload_encoding", text != null ? "utf-8" : "base64");
            line.put("qos", m.qos().code());
            line.put("retained", m.retained());
            Json.printLine(out, line);
        } else {
            out.println(m.topic() + " " + (text != null ? text : "base64:" + Base64.getEncoder().encodeToString(payload)));
            out.flush();
        }
    }

    /** The payload as text when it is valid UTF-8, else null. */
    private static String utf8(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
