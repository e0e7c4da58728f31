package io.p4n4.clients.internal.mqtt;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;

/**
 * Whether the HiveMQ MQTT client is on the class path. p4n4-lib-clients declares it optional, so a program
 * that talks only to Ollama, Letta, InfluxDB or the Edge Impulse runner does not get it and its Netty, RxJava
 * and Dagger; a program that builds an MQTT client names it itself.
 */
public final class HiveMqPresence {

    /** The HiveMQ client the library is built and tested with. */
    public static final String TESTED_VERSION = "1.4.0";
    static final String MARKER = "com.hivemq.client.mqtt.MqttClient";

    private HiveMqPresence() {
    }

    /** Throws USER, saying which dependency to add, when the HiveMQ client is missing. */
    public static void require() {
        require(HiveMqPresence.class.getClassLoader());
    }

    static void require(ClassLoader loader) {
        try {
            Class.forName(MARKER, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new P4n4Exception(ErrorCode.USER, "MQTT needs the HiveMQ MQTT client, which p4n4-lib-clients"
                    + " declares optional (programs without MQTT do not get it): add the dependency"
                    + " com.hivemq:hivemq-mqtt-client:" + TESTED_VERSION + " to your build", e);
        }
    }
}
