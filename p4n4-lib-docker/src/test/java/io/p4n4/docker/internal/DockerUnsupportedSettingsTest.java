package io.p4n4.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.HealthcheckSpec;
import io.p4n4.api.engine.LogConfig;
import io.p4n4.api.engine.ResourceLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerUnsupportedSettingsTest {
    private static final HealthcheckSpec WITH_START_INTERVAL = new HealthcheckSpec(List.of("CMD", "true"),
            Duration.ofSeconds(30), Duration.ZERO, 0, Duration.ofSeconds(60), Duration.ofSeconds(2));

    @Test
    void filesOnAReadOnlyRootAreRefusedAndOnAWritableOneApplied() {
        io.p4n4.api.engine.ContainerFile secret = io.p4n4.api.engine.ContainerFile.of("/run/secrets/token",
                "hunter2".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, 0, 0400);
        ContainerSpec readOnly = ContainerSpec.builder("img").readOnlyRootfs(true).files(List.of(secret)).build();
        assertThat(DockerUnsupportedSettings.of(readOnly, "1.41", HostFeatures.ALL)).containsOnlyKeys("files")
                .extractingByKey("files").asString().contains("read-only").contains("remove read_only")
                .doesNotContain("hunter2");
        assertThat(DockerUnsupportedSettings.of(readOnly.toBuilder().readOnlyRootfs(false).build(), "1.41",
                HostFeatures.ALL)).isEmpty();
    }

    @Test
    void startIntervalNeedsApi144() {
        ContainerSpec spec = ContainerSpec.builder("img").healthcheck(WITH_START_INTERVAL).build();
        assertThat(DockerUnsupportedSettings.of(spec, "1.41", HostFeatures.ALL))
                .containsOnlyKeys("healthcheck.startInterval")
                .hasEntrySatisfying("healthcheck.startInterval", why -> assertThat(why).contains("1.41", "1.44"));
        assertThat(DockerUnsupportedSettings.of(spec, "1.44", HostFeatures.ALL)).isEmpty();
    }

    @Test
    void capabilitiesDockerJavaCannotNameAreRefusedByName() {
        ContainerSpec spec = ContainerSpec.builder("img").capAdd(List.of("NET_ADMIN", "CAP_NOPE"))
                .capDrop(List.of("cap_chown")).build();
        assertThat(DockerUnsupportedSettings.of(spec, "1.41", HostFeatures.ALL)).containsOnlyKeys("capAdd")
                .hasEntrySatisfying("capAdd", why -> assertThat(why).contains("CAP_NOPE").doesNotContain("NET_ADMIN,"));
    }

    @Test
    void unknownLoggingDriverIsRefused() {
        ContainerSpec spec = ContainerSpec.builder("img").logConfig(new LogConfig("my-plugin", Map.of())).build();
        assertThat(DockerUnsupportedSettings.of(spec, "1.41", HostFeatures.ALL)).containsOnlyKeys("logConfig")
                .hasEntrySatisfying("logConfig", why -> assertThat(why).contains("my-plugin"));
    }

    @Test
    void limitsTheHostCannotEnforceAreRefusedInsteadOfDiscarded() {
        ContainerSpec spec = ContainerSpec.builder("img").resources(ResourceLimits.builder().memoryBytes(1L << 26)
                .memorySwapBytes(1L << 27).oomKillDisable(true).nanoCpus(1_000_000_000L).cpuShares(10)
                .cpusetCpus("0").build()).build();
        HostFeatures cgroupV2WithoutSwap = new HostFeatures(true, false, true, true, true, false);
        assertThat(DockerUnsupportedSettings.of(spec, "1.41", cgroupV2WithoutSwap))
                .containsOnlyKeys("resources.memorySwapBytes", "resources.oomKillDisable");
        HostFeatures nothing = new HostFeatures(false, false, false, false, false, false);
        assertThat(DockerUnsupportedSettings.of(spec, "1.41", nothing)).containsOnlyKeys("resources.memoryBytes",
                "resources.memorySwapBytes", "resources.nanoCpus", "resources.cpuShares", "resources.cpusetCpus",
                "resources.oomKillDisable");
        assertThat(DockerUnsupportedSettings.of(spec, "1.41", HostFeatures.ALL)).isEmpty();
    }

    @Test
    void oomKillDisableFalseNeedsNoSupport() {
        ContainerSpec spec = ContainerSpec.builder("img").resources(ResourceLimits.builder().oomKillDisable(false)
                .build()).build();
        assertThat(DockerUnsupportedSettings.of(spec, "1.41", new HostFeatures(true, true, true, true, true, false)))
                .isEmpty();
    }

    @Test
    void podmansDockerApiIgnoresDomainnameAndMacAddress() {
        ContainerSpec spec = ContainerSpec.builder("img").domainname("example.org").macAddress("02:42:ac:11:00:99")
                .build();
        assertThat(DockerUnsupportedSettings.of(spec, "1.41", HostFeatures.ALL, true))
                .containsOnlyKeys("domainname", "macAddress");
        assertThat(DockerUnsupportedSettings.of(spec, "1.41", HostFeatures.ALL, false)).isEmpty();
    }

    @Test
    void reversedPortRangeIsRefused() {
        ContainerSpec spec = ContainerSpec.builder("img").exposedPorts(List.of("9001-9000/tcp")).build();
        assertThat(DockerUnsupportedSettings.of(spec, "1.41", HostFeatures.ALL)).containsOnlyKeys("exposedPorts");
    }
}
