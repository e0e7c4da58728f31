package io.p4n4.api.clients.mqtt;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;

/** The MQTT quality-of-service levels. Immutable. */
public enum MqttQos {
    /** QoS 0: at most once, no acknowledgement. */
    AT_MOST_ONCE,
    /** QoS 1: at least once, acknowledged (may arrive twice). */
    AT_LEAST_ONCE,
    /** QoS 2: exactly once, a four-step handshake. */
    EXACTLY_ONCE;

    /** Returns the level's number on the wire (0, 1 or 2). */
    public int code() {
        return ordinal();
    }

    /** Returns the level numbered {@code code}; USER error for anything but 0, 1 or 2. */
    public static MqttQos of(int code) {
        if (code < 0 || code > 2) {
            throw new P4n4Exception(ErrorCode.USER, "MQTT QoS " + code + " does not exist: use 0, 1 or 2");
        }
        return values()[code];
    }
}
