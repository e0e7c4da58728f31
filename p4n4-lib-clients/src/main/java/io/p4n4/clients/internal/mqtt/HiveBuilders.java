package io.p4n4.clients.internal.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedListener;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedListener;
import java.util.concurrent.TimeUnit;

/** The parts of a HiveMQ client both protocol versions build alike: address, TLS, timeouts, listeners. */
final class HiveBuilders {

    private HiveBuilders() {
    }

    /** A builder for {@code settings} that calls the listeners on every connect and disconnect. */
    static MqttClientBuilder base(MqttSettings settings, MqttClientConnectedListener connected,
            MqttClientDisconnectedListener disconnected) {
        long timeout = settings.connectTimeout().toMillis();
        var transport = MqttClientTransportConfig.builder().serverHost(settings.url().host())
                .serverPort(settings.url().port()).socketConnectTimeout(timeout, TimeUnit.MILLISECONDS)
                .mqttConnectTimeout(timeout, TimeUnit.MILLISECONDS);
        if (settings.url().tls()) {
            // the JDK's default trust (and host name verification) unless a CA file is given
            var ssl = MqttClientSslConfig.builder().handshakeTimeout(timeout, TimeUnit.MILLISECONDS);
            if (settings.caFile() != null) {
                ssl = ssl.trustManagerFactory(PemTrust.of(settings.caFile()));
            }
            transport = transport.sslConfig(ssl.build());
        }
        return MqttClient.builder().identifier(settings.clientId()).transportConfig(transport.build())
                .addConnectedListener(connected).addDisconnectedListener(disconnected);
    }

    /** The HiveMQ QoS of ours. */
    static MqttQos qos(io.p4n4.api.clients.mqtt.MqttQos qos) {
        return MqttQos.fromCode(qos.code());
    }

    /** Ours of the HiveMQ QoS. */
    static io.p4n4.api.clients.mqtt.MqttQos qos(MqttQos qos) {
        return io.p4n4.api.clients.mqtt.MqttQos.of(qos.getCode());
    }

    /** The last will's payload: the device went offline. */
    static final byte[] OFFLINE = "false".getBytes(java.nio.charset.StandardCharsets.UTF_8);
}
