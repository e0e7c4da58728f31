package io.p4n4.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class EngineConnectorTest {

    @Test
    void hostVariablesComeFromSystemProperties() {
        System.setProperty("p4n4.junit.test.sock", "/tmp/x.sock");
        try {
            assertThat(EngineConnector.expand("unix://${p4n4.junit.test.sock}")).isEqualTo("unix:///tmp/x.sock");
        } finally {
            System.clearProperty("p4n4.junit.test.sock");
        }
    }

    @Test
    void anUnsetHostVariableIsRefusedByName() {
        assertThatThrownBy(() -> EngineConnector.expand("${P4N4_SURELY_UNSET_VARIABLE}"))
                .isInstanceOf(P4n4Exception.class).hasMessageContaining("P4N4_SURELY_UNSET_VARIABLE")
                .satisfies(e -> assertThat(((P4n4Exception) e).code()).isEqualTo(ErrorCode.USER));
    }

    @Test
    void aMissingOptionalModuleIsNamedWithTheArtifactToAdd() {
        assertThatThrownBy(() -> OptionalModules.require("io.p4n4.nothing.Here", "io.p4n4:p4n4-lib-nothing",
                "@P4n4Stack")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("@P4n4Stack needs io.p4n4:p4n4-lib-nothing");
    }
}
