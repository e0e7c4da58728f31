package io.p4n4.agent.podman;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.MountType;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.engine.Protocol;
import org.junit.jupiter.api.Test;

class PodmanV0InterpreterTest {

    @Test
    void portsMapHostToContainerWithProtocol() {
        assertThat(PodmanV0Interpreter.portBinding("8080:80")).isEqualTo(new PortBinding(80, Protocol.TCP, "", 8080));
        assertThat(PodmanV0Interpreter.portBinding("5353:53/udp"))
                .isEqualTo(new PortBinding(53, Protocol.UDP, "", 5353));
        assertThat(PodmanV0Interpreter.portBinding("9000")).isEqualTo(new PortBinding(9000, Protocol.TCP, "", 0));
    }

    @Test
    void pathsAreBindMountsAndNamesAreVolumes() {
        var bind = PodmanV0Interpreter.mount("/srv/data:/data:ro");
        assertThat(bind.type()).isEqualTo(MountType.BIND);
        assertThat(bind.readOnly()).isTrue();
        var volume = PodmanV0Interpreter.mount("cache:/var/cache");
        assertThat(volume.type()).isEqualTo(MountType.VOLUME);
        assertThat(volume.source()).isEqualTo("cache");
        assertThat(volume.readOnly()).isFalse();
    }
}
