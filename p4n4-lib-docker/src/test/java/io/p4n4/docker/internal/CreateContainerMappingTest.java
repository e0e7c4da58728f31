package io.p4n4.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.HealthcheckSpec;
import io.p4n4.api.engine.LogConfig;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.engine.ResourceLimits;
import io.p4n4.api.engine.Ulimit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every ContainerSpec setting lands on the docker-java create command (no engine involved). */
class CreateContainerMappingTest {

    private static CreateContainerCmd map(ContainerSpec spec) {
        CreateContainerCmd.Exec neverSent = cmd -> {
            throw new AssertionError("the mapping must not send the command");
        };
        return CreateContainerMapping.apply(spec, new CreateContainerCmdImpl(neverSent, null, spec.image()));
    }

    @Test
    void securityAndKernelSettingsAreOnTheHostConfig() {
        HostConfig host = map(ContainerSpec.builder("img").capAdd(List.of("net_admin", "CAP_SYS_TIME"))
                .capDrop(List.of("ALL")).privileged(true).securityOpt(List.of("no-new-privileges:true"))
                .readOnlyRootfs(true).init(true).ulimits(List.of(new Ulimit("nofile", 1024, 2048)))
                .sysctls(Map.of("net.core.somaxconn", "512")).tmpfs(Map.of("/scratch", "size=16m"))
                .ipcMode("shareable").pidMode("host").usernsMode("host").groupAdd(List.of("audio")).build())
                .getHostConfig();
        assertThat(host.getCapAdd()).containsExactly(Capability.NET_ADMIN, Capability.SYS_TIME);
        assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(host.getPrivileged()).isTrue();
        assertThat(host.getSecurityOpts()).containsExactly("no-new-privileges:true");
        assertThat(host.getReadonlyRootfs()).isTrue();
        assertThat(host.getInit()).isTrue();
        assertThat(host.getUlimits()).singleElement().satisfies(u -> {
            assertThat(u.getName()).isEqualTo("nofile");
            assertThat(u.getSoftLong()).isEqualTo(1024);
            assertThat(u.getHardLong()).isEqualTo(2048);
        });
        assertThat(host.getSysctls()).containsExactly(Map.entry("net.core.somaxconn", "512"));
        assertThat(host.getTmpFs()).containsExactly(Map.entry("/scratch", "size=16m"));
        assertThat(host.getIpcMode()).isEqualTo("shareable");
        assertThat(host.getPidMode()).isEqualTo("host");
        assertThat(host.getUsernsMode()).isEqualTo("host");
        assertThat(host.getGroupAdd()).containsExactly("audio");
    }

    @Test
    void resourceLimitsAreOnTheHostConfig() {
        HostConfig host = map(ContainerSpec.builder("img").resources(ResourceLimits.builder().memoryBytes(64L << 20)
                .memoryReservationBytes(32L << 20).memorySwapBytes(-1L).nanoCpus(1_500_000_000L).cpuShares(512)
                .cpusetCpus("0,1").pidsLimit(100L).shmSizeBytes(1L << 20).oomScoreAdj(-500).oomKillDisable(true)
                .build()).build()).getHostConfig();
        assertThat(host.getMemory()).isEqualTo(64L << 20);
        assertThat(host.getMemoryReservation()).isEqualTo(32L << 20);
        assertThat(host.getMemorySwap()).isEqualTo(-1L);
        assertThat(host.getNanoCPUs()).isEqualTo(1_500_000_000L);
        assertThat(host.getCpuShares()).isEqualTo(512);
        assertThat(host.getCpusetCpus()).isEqualTo("0,1");
        assertThat(host.getPidsLimit()).isEqualTo(100L);
        assertThat(host.getShmSize()).isEqualTo(1L << 20);
        assertThat(host.getOomScoreAdj()).isEqualTo(-500);
        assertThat(host.getOomKillDisable()).isTrue();
    }

    @Test
    void unsetResourcesAndFlagsLeaveTheEngineDefaults() {
        HostConfig host = map(ContainerSpec.builder("img").build()).getHostConfig();
        assertThat(host.getMemory()).isNull();
        assertThat(host.getCapAdd()).isNull();
        assertThat(host.getPrivileged()).isNull();
        assertThat(host.getInit()).isNull();
        assertThat(host.getLogConfig().getType()).isNull(); // docker-java's empty default: the daemon's driver
    }

    @Test
    void namesNetworkingLoggingAndPlatformAreSet() {
        CreateContainerCmd cmd = map(ContainerSpec.builder("img").extraHosts(List.of("db:10.1.2.3"))
                .dns(List.of("10.0.0.53")).dnsSearch(List.of("example.org")).dnsOptions(List.of("ndots:2"))
                .domainname("example.org").macAddress("02:42:ac:11:00:99")
                .port(PortBinding.tcp("127.0.0.1", 18080, 8080)).exposedPorts(List.of("9000-9001/tcp", "53/udp"))
                .logConfig(new LogConfig("json-file", Map.of("max-size", "1m"))).platform("linux/amd64").build());
        HostConfig host = cmd.getHostConfig();
        assertThat(host.getExtraHosts()).containsExactly("db:10.1.2.3");
        assertThat(host.getDns()).containsExactly("10.0.0.53");
        assertThat(host.getDnsSearch()).containsExactly("example.org");
        assertThat(host.getDnsOptions()).containsExactly("ndots:2");
        assertThat(cmd.getDomainName()).isEqualTo("example.org");
        assertThat(cmd.getMacAddress()).isEqualTo("02:42:ac:11:00:99");
        assertThat(cmd.getExposedPorts()).containsExactlyInAnyOrder(ExposedPort.tcp(8080), ExposedPort.tcp(9000),
                ExposedPort.tcp(9001), ExposedPort.udp(53));
        assertThat(host.getPortBindings().getBindings()).containsOnlyKeys(ExposedPort.tcp(8080));
        assertThat(host.getLogConfig().getType().getType()).isEqualTo("json-file");
        assertThat(host.getLogConfig().getConfig()).containsExactly(Map.entry("max-size", "1m"));
        assertThat(cmd.getPlatform()).isEqualTo("linux/amd64");
    }

    @Test
    void healthcheckStartIntervalIsInNanoseconds() {
        HealthcheckSpec check = new HealthcheckSpec(List.of("CMD", "true"), Duration.ofSeconds(30), Duration.ZERO, 0,
                Duration.ofSeconds(60), Duration.ofSeconds(2));
        assertThat(map(ContainerSpec.builder("img").healthcheck(check).build()).getHealthcheck().getStartInterval())
                .isEqualTo(2_000_000_000L);
        assertThat(map(ContainerSpec.builder("img").healthcheck(new HealthcheckSpec(List.of("CMD", "true"),
                Duration.ofSeconds(30), Duration.ZERO, 0, Duration.ZERO)).build()).getHealthcheck().getStartInterval())
                .isNull();
    }
}
