package io.p4n4.clients.internal.mqtt;

import io.p4n4.testkit.engine.TestEndpoints;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The Mosquitto of {@code scripts/services.sh start} ({@code P4N4_TEST_MQTT_URL}: environment, system property
 * or {@code /tmp/p4n4-it/services.env}), shared with other tests running at the same time: every test uses
 * device ids of its own.
 */
final class SharedMosquitto {
    static final String VARIABLE = "P4N4_TEST_MQTT_URL";

    private SharedMosquitto() {
    }

    /** The shared broker's URL; skips the calling test when it is not configured. */
    static String url() {
        var url = TestEndpoints.find(VARIABLE);
        Assumptions.assumeTrue(url.isPresent(), VARIABLE + " is not set: run scripts/services.sh start");
        return url.get();
    }

    /** A device id no other test uses. */
    static String uniqueDevice(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
