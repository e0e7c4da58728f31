package io.p4n4.maven.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.engine.Protocol;
import io.p4n4.compose.exec.ServiceStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedPortsTest {
    @TempDir
    Path dir;

    private static ServiceStatus running(String service, PortBinding... ports) {
        return ServiceStatus.builder(service, ContainerState.RUNNING).ports(List.of(ports)).build();
    }

    @Test
    void namesEachPortByServiceAndContainerPortAndReplica() {
        PublishedPorts ports = PublishedPorts.of(List.of(
                running("web", PortBinding.tcp("0.0.0.0", 49153, 80), PortBinding.tcp("::", 49153, 80)),
                running("web", PortBinding.tcp("0.0.0.0", 49154, 80)),
                running("dns", new PortBinding(53, Protocol.UDP, "", 49155)),
                ServiceStatus.builder("gone", ContainerState.EXITED).build()), "127.0.0.1");

        assertThat(ports.properties()).containsExactly(
                org.assertj.core.api.Assertions.entry("p4n4.dns.53.udp", "49155"),
                org.assertj.core.api.Assertions.entry("p4n4.published.host", "127.0.0.1"),
                org.assertj.core.api.Assertions.entry("p4n4.web-2.80", "49154"),
                org.assertj.core.api.Assertions.entry("p4n4.web.80", "49153"));
        assertThat(ports.findPort("web", 80)).contains(49153);
        assertThat(ports.findPort("web", 81)).isEmpty();
    }

    @Test
    void writesASortedPropertiesFileWithoutADateSoItIsReproducible() throws Exception {
        PublishedPorts ports = PublishedPorts.of(List.of(running("web", PortBinding.tcp("", 40000, 8080))), "10.0.0.5");
        Path file = dir.resolve("target/p4n4-ports.properties");

        ports.writeTo(file);

        assertThat(Files.readString(file)).isEqualTo("# ports published by p4n4 up\n"
                + "p4n4.published.host=10.0.0.5\np4n4.web.8080=40000\n");
    }
}
