package io.p4n4.api.clients.mqtt;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.util.Locale;

/** The MQTT protocol versions a client speaks. Immutable. */
public enum MqttVersion {
    /** MQTT 3.1.1 (OASIS, 2014): what every broker speaks. */
    V3_1_1,
    /** MQTT 5.0 (OASIS, 2019): reason codes, session expiry, user properties. */
    V5;

    /** Parses {@code 3}, {@code 3.1.1}, {@code 5} or {@code 5.0} (also the constant names); USER error otherwise. */
    public static MqttVersion parse(String text) {
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "3", "3.1.1", "V3_1_1", "311" -> V3_1_1;
            case "5", "5.0", "V5" -> V5;
            default -> throw new P4n4Exception(ErrorCode.USER,
                    "unknown MQTT version '" + text + "': use 3.1.1 or 5");
        };
    }
}
