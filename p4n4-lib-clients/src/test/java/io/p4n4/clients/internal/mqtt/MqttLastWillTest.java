package io.p4n4.clients.internal.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.clients.mqtt.MqttClient;
import io.p4n4.api.clients.mqtt.MqttMessage;
import io.p4n4.api.clients.mqtt.MqttQos;
import io.p4n4.api.clients.mqtt.MqttTopics;
import io.p4n4.api.clients.mqtt.MqttVersion;
import io.p4n4.clients.ClientFactory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A device whose process dies without DISCONNECT (a child JVM killed with SIGKILL) gets
 * {@code status/<id>/online = false} from its last will, retained; a clean close says false too.
 */
class MqttLastWillTest {

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void aKilledDevicesLastWillSaysItIsOffline(MqttVersion version) throws Exception {
        String url = SharedMosquitto.url();
        String device = SharedMosquitto.uniqueDevice("will");
        Inbox inbox = new Inbox();
        try (ClientFactory clients = ClientFactory.create(); MqttClient watcher = clients.mqtt().url(url).build()) {
            watcher.subscribe(MqttTopics.status(device), MqttQos.AT_LEAST_ONCE, inbox);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    WillChild.class.getName(), url, device, version.name())).redirectErrorStream(true).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8));
                String line = out.readLine();
                assertThat(line).as("the child's first line").startsWith("connected p4n4-" + device);
                MqttMessage online = inbox.next();
                assertThat(online.payloadText()).isEqualTo("true");
                child.destroyForcibly(); // SIGKILL: the socket closes without DISCONNECT
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
                MqttMessage will = inbox.next();
                assertThat(will.topic()).isEqualTo("status/" + device + "/online");
                assertThat(will.payloadText()).isEqualTo("false");
                assertRetainedOffline(clients, url, device); // a later subscriber learns the device is offline
            } finally {
                child.destroyForcibly();
                watcher.publish(MqttTopics.status(device), new byte[0], MqttQos.AT_LEAST_ONCE, true); // clear it
            }
        }
    }

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void aCleanCloseAlsoLeavesTheDeviceOfflineRetained(MqttVersion version) throws Exception {
        String url = SharedMosquitto.url();
        String device = SharedMosquitto.uniqueDevice("close");
        try (ClientFactory clients = ClientFactory.create()) {
            clients.mqtt().url(url).deviceId(device).version(version).build().close();
            assertRetainedOffline(clients, url, device);
        }
    }

    /** A new subscriber gets {@code false} as the retained status of {@code device}, which is then cleared. */
    private static void assertRetainedOffline(ClientFactory clients, String url, String device) throws Exception {
        Inbox late = new Inbox();
        try (MqttClient c = clients.mqtt().url(url).build()) {
            c.subscribe(MqttTopics.status(device), MqttQos.AT_LEAST_ONCE, late);
            MqttMessage kept = late.next();
            assertThat(kept.retained()).isTrue();
            assertThat(kept.payloadText()).isEqualTo("false");
            c.publish(MqttTopics.status(device), new byte[0], MqttQos.AT_LEAST_ONCE, true); // clear it
        }
    }
}
