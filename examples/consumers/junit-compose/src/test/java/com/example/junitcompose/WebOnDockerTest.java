package com.example.junitcompose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.junit.ComposeEnvironment;
import io.p4n4.junit.EngineChoice;
import io.p4n4.junit.P4n4Compose;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** What a user of @P4n4Compose writes; the stack part of the module is absent, and says so. */
class WebOnDockerTest {

    @Test
    void coreAndClientsAreNotOnTheClassPath() {
        assertThatThrownBy(() -> Class.forName("io.p4n4.core.P4n4")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("io.p4n4.clients.ClientFactory"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Nested
    @EnabledIfEnvironmentVariable(named = "P4N4_TEST_DOCKER_HOST", matches = ".+")
    @P4n4Compose(value = "src/test/resources/web.yml", engine = EngineChoice.DOCKER,
            host = "${P4N4_TEST_DOCKER_HOST}")
    class OnDocker {
        @Test
        void servesOnAFreePort(ComposeEnvironment env) {
            assertThat(env.exec("web", "wget", "-qO-", "http://127.0.0.1:80/").stdout()).isEqualTo("hello\n");
            assertThat(env.port("web", 80)).isPositive();
        }
    }
}
