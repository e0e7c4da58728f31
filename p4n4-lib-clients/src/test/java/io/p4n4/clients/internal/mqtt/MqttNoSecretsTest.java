package io.p4n4.clients.internal.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.mqtt.MqttClient;
import io.p4n4.api.clients.mqtt.MqttQos;
import io.p4n4.api.clients.mqtt.MqttVersion;
import io.p4n4.clients.ClientFactory;
import io.p4n4.clients.MqttClientBuilder;
import io.p4n4.clients.ProjectEndpointConfig;
import io.p4n4.testkit.logging.CapturedLogs;
import io.p4n4.testkit.logging.CapturingServiceProvider;
import io.p4n4.testkit.mqtt.MosquittoProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The MQTT password never shows: not in any log line (every logger at TRACE, the HiveMQ client's and Netty's
 * included), not in an exception's message or stack trace, not in any toString(); through a refused login, a
 * successful one, a broker restart with reconnects, and a close.
 */
class MqttNoSecretsTest {
    private static final String PASSWORD = "Zq8-never-in-output-Zq8";
    private static final String WRONG = "Wq8-never-in-output-Wq8";

    @TempDir
    Path dir;

    @Test
    void thePasswordIsInNoLogLineMessageTraceOrToString() throws Exception {
        assertThat(LoggerFactory.getILoggerFactory().getClass().getName())
                .as("the capturing SLF4J binding is the one in use").startsWith(CapturingServiceProvider.class.getName());
        List<String> seen = new ArrayList<>();
        Path passwd = MosquittoProcess.writePasswordFile(dir.resolve("passwd"), "gw", PASSWORD);
        CapturedLogs.start();
        try (MosquittoProcess broker = MosquittoProcess.start(MosquittoProcess.requireBinary(), dir.resolve("broker"),
                "allow_anonymous false\npassword_file " + passwd + "\n");
                ClientFactory clients = ClientFactory.of(ProjectEndpointConfig.of(Map.of("P4N4_MQTT_URL", broker.url(),
                        "MQTT_USER", "gw", "MQTT_PASSWORD", PASSWORD)))) {
            seen.add(clients.endpoints().toString());
            MqttClientBuilder wrong = clients.mqtt().credentials("gw", WRONG).version(MqttVersion.V5);
            seen.add(wrong.toString());
            assertThatThrownBy(wrong::build).isInstanceOfSatisfying(P4n4Exception.class, e -> seen.add(trace(e)));
            MqttClientBuilder right = clients.mqtt().deviceId("gw-1").operationTimeout(Duration.ofSeconds(2));
            seen.add(right.toString());
            try (MqttClient c = right.build()) {
                seen.add(c.toString());
                c.publishReading("gw-1", "t", "1");
                broker.stop();
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !c.isConnected());
                assertThatThrownBy(() -> c.publish("sensors/gw-1/t", "2", MqttQos.AT_LEAST_ONCE, false))
                        .isInstanceOfSatisfying(P4n4Exception.class, e -> seen.add(trace(e)));
                broker.startAgain();
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(c::isConnected);
            }
        } finally {
            seen.addAll(CapturedLogs.stop());
        }
        assertThat(seen).as("what was logged, thrown and printed").isNotEmpty()
                .anySatisfy(line -> assertThat(line).contains("refused user 'gw'"))
                .anySatisfy(line -> assertThat(line).contains("reconnect"))
                .allSatisfy(line -> assertThat(line).doesNotContain(PASSWORD).doesNotContain(WRONG));
    }

    private static String trace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
