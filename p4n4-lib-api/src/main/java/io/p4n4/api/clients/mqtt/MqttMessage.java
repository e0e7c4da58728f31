package io.p4n4.api.clients.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A message received on a subscription (or to publish): its topic, payload bytes, QoS and retained flag.
 * Immutable: the payload is copied in and out.
 *
 * @param topic the topic it was published on (never a filter)
 * @param payload the payload bytes
 * @param qos the QoS it was delivered with
 * @param retained whether the broker delivered it from its retained store
 */
public record MqttMessage(String topic, byte[] payload, MqttQos qos, boolean retained) {

    /** Copies the payload. */
    public MqttMessage {
        Objects.requireNonNull(topic, "topic");
        payload = Objects.requireNonNull(payload, "payload").clone();
        Objects.requireNonNull(qos, "qos");
    }

    /** Returns a copy of the payload. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** Returns the payload decoded as UTF-8 (malformed bytes become U+FFFD). */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MqttMessage m && topic.equals(m.topic) && Arrays.equals(payload, m.payload)
                && qos == m.qos && retained == m.retained;
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, Arrays.hashCode(payload), qos, retained);
    }

    @Override
    public String toString() {
        return "MqttMessage[topic=" + topic + ", " + payload.length + " bytes, qos=" + qos.code() + ", retained="
                + retained + "]";
    }
}
