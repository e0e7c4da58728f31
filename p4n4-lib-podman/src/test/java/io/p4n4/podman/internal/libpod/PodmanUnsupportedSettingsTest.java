package io.p4n4.podman.internal.libpod;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.HealthcheckSpec;
import io.p4n4.api.engine.LogConfig;
import io.p4n4.api.engine.NetworkAttachment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodmanUnsupportedSettingsTest {

    @Test
    void domainnameAndStartIntervalAreRefused() {
        ContainerSpec spec = ContainerSpec.builder("img").domainname("example.org")
                .healthcheck(new HealthcheckSpec(List.of("CMD", "true"), Duration.ofSeconds(30), Duration.ZERO, 0,
                        Duration.ofSeconds(60), Duration.ofSeconds(2))).build();
        assertThat(PodmanUnsupportedSettings.of(spec)).containsOnlyKeys("domainname", "healthcheck.startInterval");
    }

    @Test
    void unknownSecurityOptionsAreRefusedByName() {
        ContainerSpec spec = ContainerSpec.builder("img")
                .securityOpt(List.of("no-new-privileges", "systempaths=unconfined", "label")).build();
        assertThat(PodmanUnsupportedSettings.of(spec)).containsOnlyKeys("securityOpt")
                .hasEntrySatisfying("securityOpt", why -> assertThat(why)
                        .startsWith("unknown security options systempaths=unconfined, label: Podman takes"));
    }

    @Test
    void macAddressNeedsANetwork() {
        assertThat(PodmanUnsupportedSettings.of(ContainerSpec.builder("img").macAddress("02:42:ac:11:00:99").build()))
                .containsOnlyKeys("macAddress");
        assertThat(PodmanUnsupportedSettings.of(ContainerSpec.builder("img").macAddress("02:42:ac:11:00:99")
                .network(NetworkAttachment.of("net")).build())).isEmpty();
    }

    @Test
    void loggingIsRefusedWhenPodmanCannotApplyIt() {
        assertThat(PodmanUnsupportedSettings.of(ContainerSpec.builder("img")
                .logConfig(new LogConfig("syslog", Map.of())).build())).containsOnlyKeys("logConfig");
        assertThat(PodmanUnsupportedSettings.of(ContainerSpec.builder("img")
                .logConfig(new LogConfig("json-file", Map.of("max-file", "3"))).build()))
                .hasEntrySatisfying("logConfig", why -> assertThat(why).contains("max-file"));
        assertThat(PodmanUnsupportedSettings.of(ContainerSpec.builder("img")
                .logConfig(new LogConfig("json-file", Map.of("max-size", "big"))).build())).containsOnlyKeys("logConfig");
        assertThat(PodmanUnsupportedSettings.of(ContainerSpec.builder("img")
                .logConfig(new LogConfig("journald", Map.of("max-size", "10m"))).build())).isEmpty();
    }

    @Test
    void everythingElseIsApplied() {
        assertThat(PodmanUnsupportedSettings.of(ContainerSpec.builder("img").privileged(true).init(true)
                .securityOpt(List.of("label:disable")).exposedPorts(List.of("80/tcp")).platform("linux/amd64")
                .build())).isEmpty();
    }
}
