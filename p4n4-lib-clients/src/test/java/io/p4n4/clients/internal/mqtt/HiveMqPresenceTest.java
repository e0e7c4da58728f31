package io.p4n4.clients.internal.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class HiveMqPresenceTest {

    @Test
    void passesWhereTheHiveMqClientIsOnTheClassPath() {
        assertThatCode(HiveMqPresence::require).doesNotThrowAnyException();
    }

    @Test
    void aClassPathWithoutItIsRefusedNamingTheDependencyToAdd() throws Exception {
        try (URLClassLoader without = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> HiveMqPresence.require(without))
                    .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                    .hasMessageContaining("add the dependency com.hivemq:hivemq-mqtt-client:1.4.0");
        }
    }

    @Test
    void theVersionTheMessageNamesIsTheOneTheBuildTestsWith() throws Exception {
        URL jar = Class.forName(HiveMqPresence.MARKER).getProtectionDomain().getCodeSource().getLocation();
        assertThat(jar.getPath()).endsWith("/hivemq-mqtt-client-" + HiveMqPresence.TESTED_VERSION + ".jar");
    }
}
