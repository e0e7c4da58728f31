package io.p4n4.compose.exec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.LogConfig;
import io.p4n4.api.engine.Mount;
import io.p4n4.api.engine.MountOptions;
import io.p4n4.api.engine.NetworkAttachment;
import io.p4n4.api.engine.ResourceLimits;
import io.p4n4.api.engine.RestartPolicy;
import io.p4n4.api.engine.Ulimit;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.LoadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compose file in, container spec out: each applied key lands where Docker Compose v2 puts it. */
class ContainerSpecsKeysTest {
    @TempDir
    Path dir;

    private ComposeProject load(String services) throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, "services:\n" + services);
        return ComposeLoader.load(LoadOptions.builder().file(file).projectName("demo").environment(Map.of()).build());
    }

    private ContainerSpec spec(String appKeys) throws IOException {
        ComposeProject p = load("  app:\n    image: busybox\n" + appKeys);
        return ContainerSpecs.of(p, p.service("app"));
    }

    @Test
    void resourcesComeFromTheServiceKeys() throws IOException {
        ContainerSpec spec = spec("""
                    mem_limit: 512m
                    mem_reservation: 256m
                    memswap_limit: 1g
                    cpus: 0.5
                    cpu_shares: 512
                    cpuset: "0-1"
                    pids_limit: 100
                    shm_size: 64m
                    oom_score_adj: 500
                    oom_kill_disable: true
                """);

        assertThat(spec.resources()).isEqualTo(ResourceLimits.builder().memoryBytes(512L << 20)
                .memoryReservationBytes(256L << 20).memorySwapBytes(1L << 30).nanoCpus(500_000_000L).cpuShares(512)
                .cpusetCpus("0-1").pidsLimit(100L).shmSizeBytes(64L << 20).oomScoreAdj(500).oomKillDisable(true)
                .build());
    }

    @Test
    void deployLimitsAndMemoryReservationWinOverTheServiceKeysAsInCompose() throws IOException {
        ContainerSpec spec = spec("""
                    mem_limit: 1g
                    mem_reservation: 64m
                    cpus: 2
                    pids_limit: 10
                    deploy:
                      resources:
                        limits: {cpus: '0.25', memory: 512M, pids: 20}
                        reservations: {memory: 128m, cpus: '0.1'}
                """);

        assertThat(spec.resources()).isEqualTo(ResourceLimits.builder().memoryBytes(512L << 20)
                .memoryReservationBytes(128L << 20).nanoCpus(250_000_000L).pidsLimit(20L).build());
    }

    @Test
    void memswapMinusOneIsUnlimitedSwapAndZerosMeanUnset() throws IOException {
        assertThat(spec("    memswap_limit: -1\n    mem_limit: 0\n    cpus: 0\n").resources())
                .isEqualTo(ResourceLimits.builder().memorySwapBytes(-1L).build());
        assertThat(spec("    oom_kill_disable: false\n").resources()).isEqualTo(ResourceLimits.NONE);
    }

    @Test
    void aBadCpusetIsAUserErrorNamingTheService() {
        assertThatThrownBy(() -> spec("    cpuset: all\n"))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("service app").hasMessageContaining("cpuset");
    }

    @Test
    void ulimitsAreSingleOrSoftAndHard() throws IOException {
        ContainerSpec spec = spec("""
                    ulimits:
                      nproc: 65535
                      nofile: {soft: 1024, hard: "2048"}
                """);

        assertThat(spec.ulimits()).containsExactly(new Ulimit("nproc", 65535, 65535),
                new Ulimit("nofile", 1024, 2048));
        assertThatThrownBy(() -> spec("    ulimits:\n      nofile: {soft: 10, hard: 5}\n"))
                .hasMessageContaining("service app: ulimits.nofile").hasMessageContaining("exceeds");
    }

    @Test
    void sysctlsAsMapOrListAreTheSame() throws IOException {
        Map<String, String> expected = Map.of("net.core.somaxconn", "1024", "net.ipv4.tcp_syncookies", "0");

        assertThat(spec("    sysctls:\n      net.core.somaxconn: 1024\n      net.ipv4.tcp_syncookies: 0\n").sysctls())
                .isEqualTo(expected);
        assertThat(spec("    sysctls: [net.core.somaxconn=1024, net.ipv4.tcp_syncookies=0]\n").sysctls())
                .isEqualTo(expected);
    }

    @Test
    void tmpfsIsAPathOrListWithOptionsAfterTheFirstColon() throws IOException {
        assertThat(spec("    tmpfs: /run\n").tmpfs()).containsExactlyEntriesOf(Map.of("/run", ""));
        assertThat(spec("    tmpfs: [/run, \"/tmp:size=64m,mode=1777\"]\n").tmpfs())
                .containsExactly(Map.entry("/run", ""), Map.entry("/tmp", "size=64m,mode=1777"));
    }

    @Test
    void extraHostsInEveryFormIncludingIpv6() throws IOException {
        assertThat(spec("""
                    extra_hosts:
                      - "a:10.0.0.1"
                      - "b=::1"
                      - "c:::2"
                      - "d=[::3]"
                      - "e=10.0.0.2,10.0.0.3"
                """).extraHosts()).containsExactly("a:10.0.0.1", "b:::1", "c:::2", "d:::3", "e:10.0.0.2",
                "e:10.0.0.3");
        assertThat(spec("    extra_hosts:\n      f: 10.0.0.4\n      g: [\"10.0.0.5\", \"::4\"]\n").extraHosts())
                .containsExactly("f:10.0.0.4", "g:10.0.0.5", "g:::4");
        assertThatThrownBy(() -> spec("    extra_hosts: [\"nohost\"]\n"))
                .hasMessageContaining("service app: extra_hosts is 'nohost'");
    }

    @Test
    void dnsKeysAreStringsOrLists() throws IOException {
        ContainerSpec spec = spec("    dns: 10.0.0.53\n    dns_search: [a.example, b.example]\n"
                + "    dns_opt: [ndots:2, \"timeout:1\"]\n    domainname: example.org\n");

        assertThat(spec.dns()).containsExactly("10.0.0.53");
        assertThat(spec.dnsSearch()).containsExactly("a.example", "b.example");
        assertThat(spec.dnsOptions()).containsExactly("ndots:2", "timeout:1");
        assertThat(spec.findDomainname()).contains("example.org");
    }

    @Test
    void exposeTakesNumbersStringsRangesAndProtocols() throws IOException {
        assertThat(spec("    expose: [80, \"53/udp\", \"8000-8002\", \"9000/TCP\", \"80\"]\n").exposedPorts())
                .containsExactly("80/tcp", "53/udp", "8000/tcp", "8001/tcp", "8002/tcp", "9000/tcp");
        assertThatThrownBy(() -> spec("    expose: [\"70000\"]\n")).hasMessageContaining("expose is '70000'");
        assertThatThrownBy(() -> spec("    expose: [\"90-80\"]\n")).hasMessageContaining("expose is '90-80'");
    }

    @Test
    void loggingDriverAndOptions() throws IOException {
        assertThat(spec("    logging:\n      driver: json-file\n      options: {max-size: 10m, max-file: 3}\n")
                .findLogConfig()).contains(new LogConfig("json-file", Map.of("max-size", "10m", "max-file", "3")));
        assertThatThrownBy(() -> spec("    logging:\n      options: {max-size: 10m}\n"))
                .hasMessageContaining("service app: logging.options are set without logging.driver");
    }

    @Test
    void privilegesSecurityAndNamespaces() throws IOException {
        Files.writeString(dir.resolve("seccomp.json"), "{\n  \"defaultAction\": \"SCMP_ACT_ALLOW\"\n}\n");
        ComposeProject p = load("""
                  db:
                    image: busybox
                  app:
                    image: busybox
                    cap_add: [NET_ADMIN]
                    cap_drop: [ALL]
                    privileged: true
                    read_only: true
                    init: true
                    security_opt: ["no-new-privileges:true", "seccomp=seccomp.json", "label=disable"]
                    ipc: service:db
                    pid: host
                    userns_mode: host
                    group_add: [wheel, 1000]
                    mac_address: "02:42:ac:11:00:02"
                    platform: linux/amd64
                """);

        ContainerSpec spec = ContainerSpecs.of(p, p.service("app"));

        assertThat(spec.capAdd()).containsExactly("NET_ADMIN");
        assertThat(spec.capDrop()).containsExactly("ALL");
        assertThat(spec.privileged()).isTrue();
        assertThat(spec.readOnlyRootfs()).isTrue();
        assertThat(spec.findInit()).contains(true);
        assertThat(spec.securityOpt()).containsExactly("no-new-privileges:true",
                "seccomp={\"defaultAction\":\"SCMP_ACT_ALLOW\"}", "label=disable");
        assertThat(spec.findIpcMode()).contains("container:demo-db-1");
        assertThat(spec.findPidMode()).contains("host");
        assertThat(spec.findUsernsMode()).contains("host");
        assertThat(spec.groupAdd()).containsExactly("wheel", "1000");
        assertThat(spec.findMacAddress()).contains("02:42:ac:11:00:02");
        assertThat(spec.findPlatform()).contains("linux/amd64");
    }

    @Test
    void unsetKeysLeaveTheEnginesDefaults() throws IOException {
        ContainerSpec spec = spec("");

        assertThat(spec.findInit()).isEmpty();
        assertThat(spec.privileged()).isFalse();
        assertThat(spec.resources()).isEqualTo(ResourceLimits.NONE);
        assertThat(spec.findLogConfig()).isEmpty();
        assertThat(spec.files()).isEmpty();
        assertThat(spec.exposedPorts()).isEmpty();
    }

    @Test
    void aMissingSeccompProfileNamesTheFile() {
        assertThatThrownBy(() -> spec("    security_opt: [\"seccomp:nothere.json\"]\n"))
                .hasMessageContaining("service app: security_opt seccomp profile")
                .hasMessageContaining("nothere.json");
    }

    @Test
    void healthcheckStartIntervalReachesTheSpec() throws IOException {
        ContainerSpec spec = spec("    healthcheck:\n      test: [\"CMD\", \"true\"]\n      start_period: 30s\n"
                + "      start_interval: 2s\n");

        assertThat(spec.findHealthcheck().orElseThrow().startInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(spec.findHealthcheck().orElseThrow().startPeriod()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void deployRestartPolicyWinsOverRestartAsInCompose() throws IOException {
        assertThat(spec("    restart: always\n    deploy:\n      restart_policy:\n        condition: on-failure\n"
                + "        max_attempts: 3\n        delay: 5s\n").restartPolicy())
                .isEqualTo(new RestartPolicy(RestartPolicy.Mode.ON_FAILURE, 3));
        assertThat(spec("    deploy:\n      restart_policy:\n        condition: any\n").restartPolicy())
                .isEqualTo(new RestartPolicy(RestartPolicy.Mode.ALWAYS, 0));
        assertThat(spec("    deploy:\n      restart_policy:\n        condition: none\n").restartPolicy())
                .isEqualTo(RestartPolicy.NO);
    }

    @Test
    void linksGiveTheLinkedServiceTheAliasOnTheSharedNetwork() throws IOException {
        ComposeProject p = load("""
                  web:
                    image: busybox
                    links: ["db:database", "cache"]
                  db:
                    image: busybox
                  cache:
                    image: busybox
                """);

        assertThat(ContainerSpecs.of(p, p.service("db")).networks())
                .containsExactly(new NetworkAttachment("demo_default", java.util.List.of("db", "database")));
        assertThat(ContainerSpecs.of(p, p.service("cache")).networks())
                .containsExactly(new NetworkAttachment("demo_default", java.util.List.of("cache")));
        assertThat(p.service("web").dependsOn()).containsKeys("db", "cache");
    }

    @Test
    void aLinkWithoutASharedNetworkIsRefusedNamingBothServices() throws IOException {
        ComposeProject p = load("""
                  web:
                    image: busybox
                    links: [db]
                    networks: [front]
                  db:
                    image: busybox
                    networks: [back]
                networks:
                  front:
                  back:
                """);

        assertThatThrownBy(() -> ContainerSpecs.requireSupported(p, p.service("web")))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("service web links to db").hasMessageContaining("service db");
    }

    @Test
    void mountOptionsComeFromTheShortAndTheLongSyntax() throws IOException {
        ContainerSpec spec = spec("""
                    volumes:
                      - ./data:/data:ro,z
                      - ./logs:/logs:rslave
                      - cache:/cache:nocopy
                      - type: tmpfs
                        target: /scratch
                        tmpfs:
                          size: 64m
                          mode: 01770
                      - type: tmpfs
                        target: /run/app
                        tmpfs:
                          size: 1048576
                          mode: "0o700"
                volumes:
                  cache: {}
                """);

        assertThat(spec.mounts()).extracting(Mount::target, Mount::readOnly, Mount::options).containsExactly(
                tuple("/data", true, MountOptions.NONE.withSelinuxLabel("z")),
                tuple("/logs", false, MountOptions.NONE.withPropagation("rslave")),
                tuple("/cache", false, MountOptions.NONE.withNoCopy(true)),
                tuple("/scratch", false, MountOptions.NONE.withTmpfsSize(64L << 20).withTmpfsMode(01770)),
                tuple("/run/app", false, MountOptions.NONE.withTmpfsSize(1L << 20).withTmpfsMode(0700)));
    }

    @Test
    void aBadMountOptionIsAUserErrorNamingServiceAndMount() throws IOException {
        assertThatThrownBy(() -> spec("    volumes:\n      - type: bind\n        source: ./d\n        target: /d\n"
                + "        bind:\n          propagation: sideways\n"))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("service app: the bind mount on /d: bind propagation 'sideways'");
        assertThatThrownBy(() -> spec("    volumes:\n      - type: tmpfs\n        target: /t\n"
                + "        tmpfs:\n          mode: rwx\n"))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("service app: the tmpfs mount on /t has mode 'rwx'");
    }

    @Test
    void fixedAddressesGoToTheirNetworksAndRefuseReplicas() throws IOException {
        ContainerSpec spec = spec("""
                    networks:
                      front:
                        ipv4_address: 10.5.0.7
                        ipv6_address: "fd00::7"
                      back: {}
                networks:
                  front: {}
                  back: {}
                """);

        assertThat(spec.networks()).extracting(NetworkAttachment::network, NetworkAttachment::ipv4Address,
                NetworkAttachment::ipv6Address).containsExactly(tuple("demo_front", "10.5.0.7", "fd00::7"),
                tuple("demo_back", null, null));
        ComposeProject scaled = load("  app:\n    image: busybox\n    scale: 2\n    networks:\n      front:\n"
                + "        ipv4_address: 10.5.0.7\nnetworks:\n  front: {}\n");
        assertThatThrownBy(() -> ContainerSpecs.requireSupported(scaled, scaled.service("app")))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("asks for 2 replicas but gives a fixed ipv4_address/ipv6_address");
    }
}
