package com.example.clientsonly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.clients.ClientFactory;
import org.junit.jupiter.api.Test;

/**
 * p4n4-lib-clients declares the HiveMQ MQTT client optional: this program did not add it, so it has none of
 * its Netty and RxJava (the enforcer rule in the pom), and building an MQTT client says what to add.
 */
class MqttNeedsItsClientTest {

    @Test
    void buildingAnMqttClientWithoutHiveMqNamesTheDependency() {
        try (ClientFactory clients = ClientFactory.create()) {
            assertThatThrownBy(() -> clients.mqtt().url("mqtt://127.0.0.1:1").build())
                    .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                    .hasMessageContaining("com.hivemq:hivemq-mqtt-client");
        }
    }
}
