package io.p4n4.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFile;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.ExecResult;
import io.p4n4.api.engine.HealthcheckSpec;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.LogConfig;
import io.p4n4.api.engine.Mount;
import io.p4n4.api.engine.MountOptions;
import io.p4n4.api.engine.MountType;
import io.p4n4.api.engine.NetworkAttachment;
import io.p4n4.api.engine.NetworkSpec;
import io.p4n4.api.engine.ResourceLimits;
import io.p4n4.api.engine.Ulimit;
import io.p4n4.api.engine.VolumeSpec;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every setting of a {@link ContainerSpec} beyond the basics, checked against a real engine: each test
 * creates a container with one setting, reads it back from the engine's own inspect
 * ({@code GET /containers/{id}/json}, which Docker and Podman both serve) and, where it is cheap, checks its
 * effect inside the running busybox. A setting the backend names in {@link #unsupportedHere()} must instead
 * be listed by {@link ContainerEngine#unsupportedSettings} and refused by
 * {@link ContainerEngine#createContainer} with a USER error naming it, creating nothing. Backends extend this
 * class as they extend {@link ContainerEngineContract}.
 */
public abstract class ContainerSettingsContract extends EngineContractSupport {
    private static final List<String> SLEEP = List.of("sleep", "300");
    private static final int CAP_CHOWN = 0;
    private static final int CAP_NET_ADMIN = 12;
    private static final int CAP_SYS_ADMIN = 21;
    private static final int CAP_SYS_TIME = 25;

    /** The settings (accessor names) this engine cannot apply; every other one must be applied. */
    protected abstract Set<String> unsupportedHere();

    /** Whether the engine's host has the init binary {@code init} needs (Podman: catatonit at its default path). */
    protected boolean hasInitBinary() {
        return true;
    }

    /** Whether the engine's inspect lists sysctls (Podman 4.3's does not: only the effect proves them). */
    protected boolean inspectShowsSysctls() {
        return true;
    }

    /** The engine's inspect of a container: the Docker-compatible document both engines serve. */
    protected JsonNode inspect(String container) {
        return EngineApiReader.of(engine.endpoint()).get("/v1.41/containers/" + container + "/json");
    }

    /** Any JSON document of the engine's API, for backends whose own inspect says more. */
    protected JsonNode engineGet(String path) {
        return EngineApiReader.of(engine.endpoint()).get(path);
    }

    /** The logging driver and its {@code max-size} in bytes as the engine reports them. */
    protected LoggingReadBack logging(String container) {
        JsonNode log = inspect(container).path("HostConfig").path("LogConfig");
        String maxSize = log.path("Config").path("max-size").asText("");
        return new LoggingReadBack(log.path("Type").asText(), maxSize.isEmpty() ? -1 : decimalBytes(maxSize));
    }

    /**
     * The logging read from libpod's inspect ({@code LogConfig.Type} and {@code Size}): Podman's
     * Docker-compatible inspect shows the driver without its options. {@code k8s-file} is reported as
     * {@code json-file}, its other name.
     */
    protected LoggingReadBack libpodLogging(String container) {
        JsonNode log = engineGet("/v4.0.0/libpod/containers/" + container + "/json").path("HostConfig")
                .path("LogConfig");
        String type = log.path("Type").asText();
        String size = log.path("Size").asText("");
        return new LoggingReadBack(type.equals("k8s-file") ? "json-file" : type,
                size.isEmpty() || size.equals("-1B") ? -1 : decimalBytes(size));
    }

    /**
     * Whether Podman on this machine has an init binary: catatonit at its default path, the only place
     * Podman's REST service (libpod and Docker-compatible alike) looks; containers.conf's {@code init_path}
     * is the CLI's (measured on Podman 4.3).
     */
    protected static boolean podmanHasInitBinary() {
        return Files.exists(Path.of("/usr/libexec/podman/catatonit"));
    }

    /** What {@link #logging} read: a driver name and a size limit in bytes (-1: none). */
    public record LoggingReadBack(String driver, long maxSizeBytes) {
    }

    // --- privileges and security ---

    @Test
    void capAddGrantsTheCapabilities() {
        started("capAdd", s -> s.capAdd(List.of("NET_ADMIN", "CAP_SYS_TIME"))).ifPresent(id -> {
            assertThat(normalizedCaps(host(id).path("CapAdd"))).contains("NET_ADMIN", "SYS_TIME");
            assertThat(effectiveCaps(id).testBit(CAP_NET_ADMIN)).isTrue();
            assertThat(effectiveCaps(id).testBit(CAP_SYS_TIME)).isTrue();
        });
    }

    @Test
    void capDropRemovesTheCapabilities() {
        started("capDrop", s -> s.capDrop(List.of("CHOWN"))).ifPresent(id -> {
            assertThat(normalizedCaps(host(id).path("CapDrop"))).containsExactly("CHOWN");
            assertThat(effectiveCaps(id).testBit(CAP_CHOWN)).isFalse();
        });
    }

    @Test
    void privilegedGrantsEveryCapability() {
        ContainerSpec spec = spec("privileged").command(SLEEP).privileged(true).build();
        if (!privilegedRunsHere()) {
            // the engine applies it, but its host cannot grant every capability: the start fails loudly
            String id = engine.createContainer(spec);
            assertThat(host(id).path("Privileged").asBoolean()).isTrue();
            assertThatThrownBy(() -> engine.startContainer(id)).isInstanceOfSatisfying(P4n4Exception.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.ENGINE);
                assertThat(e.getMessage()).contains("caps");
            });
            return;
        }
        started("privileged", spec).ifPresent(id -> {
            assertThat(host(id).path("Privileged").asBoolean()).isTrue();
            assertThat(effectiveCaps(id).testBit(CAP_SYS_ADMIN)).isTrue();
        });
    }

    /**
     * Whether a privileged container can start on the engine's host. Docker asks the runtime for every
     * capability, which fails where the engine itself lacks one (a sandboxed host); Podman asks only for
     * those it holds.
     */
    protected boolean privilegedRunsHere() {
        return true;
    }

    @Test
    void securityOptNoNewPrivilegesSetsTheFlag() {
        started("securityOpt", s -> s.securityOpt(List.of("no-new-privileges:true"))).ifPresent(id -> {
            assertThat(strings(host(id).path("SecurityOpt"))).anyMatch(o -> o.startsWith("no-new-privileges"));
            assertThat(sh(id, "grep NoNewPrivs /proc/1/status").stdout()).matches("NoNewPrivs:\\s+1\\s*");
        });
    }

    @Test
    void readOnlyRootfsRefusesWrites() {
        started("readOnlyRootfs", s -> s.readOnlyRootfs(true)).ifPresent(id -> {
            assertThat(host(id).path("ReadonlyRootfs").asBoolean()).isTrue();
            ExecResult touch = sh(id, "touch /p4n4-probe");
            assertThat(touch.exitCode()).isNotZero();
            assertThat(touch.stderr()).containsIgnoringCase("read-only");
        });
    }

    @Test
    void initRunsAnInitProcessAsPid1() {
        ContainerSpec spec = spec("init").command(SLEEP).init(true).build();
        if (!hasInitBinary() && !unsupportedHere().contains("init")) {
            // the engine accepts init but its host cannot run it: a loud refusal that says how to fix it
            assertThatThrownBy(() -> engine.createContainer(spec)).isInstanceOf(P4n4Exception.class)
                    .hasMessageContaining("init").hasMessageContaining("catatonit");
            return;
        }
        started("init", spec).ifPresent(id -> {
            assertThat(host(id).path("Init").asBoolean()).isTrue();
            assertThat(sh(id, "tr '\\0' ' ' < /proc/1/cmdline").stdout()).doesNotStartWith("sleep")
                    .contains("sleep 300");
        });
    }

    // --- kernel and system settings ---

    @Test
    void ulimitsSetTheProcessLimits() {
        // nproc too: Podman replaces its configured default limits when any is given
        started("ulimits", s -> s.ulimits(List.of(new Ulimit("nofile", 1024, 2048), new Ulimit("nproc", 1000, 2000))))
                .ifPresent(id -> {
                    List<String> limits = new ArrayList<>();
                    host(id).path("Ulimits").forEach(u -> limits.add(u.path("Name").asText().toLowerCase(Locale.ROOT)
                            .replace("rlimit_", "") + "=" + u.path("Soft").asLong() + ":" + u.path("Hard").asLong()));
                    assertThat(limits).contains("nofile=1024:2048", "nproc=1000:2000");
                    assertThat(sh(id, "grep 'Max open files' /proc/1/limits").stdout())
                            .matches("Max open files\\s+1024\\s+2048\\s+files\\s*");
                });
    }

    @Test
    void sysctlsSetKernelParameters() {
        started("sysctls", s -> s.sysctls(Map.of("net.core.somaxconn", "512"))).ifPresent(id -> {
            assertThat(sh(id, "cat /proc/sys/net/core/somaxconn").stdout().trim()).isEqualTo("512");
            if (inspectShowsSysctls()) {
                assertThat(host(id).path("Sysctls").path("net.core.somaxconn").asText()).isEqualTo("512");
            }
        });
    }

    @Test
    void tmpfsMountsASizedTmpfs() {
        started("tmpfs", s -> s.tmpfs(Map.of("/scratch", "size=16m,mode=1777"))).ifPresent(id -> {
            assertThat(host(id).path("Tmpfs").path("/scratch").asText()).contains("size=16m");
            assertThat(sh(id, "grep ' /scratch ' /proc/mounts").stdout()).startsWith("tmpfs /scratch tmpfs")
                    .contains("size=16384k");
        });
    }

    @Test
    void tmpfsMountOptionsSetItsSizeAndMode() {
        started("mounts", spec("mount-tmpfs").command(SLEEP).mount(Mount.tmpfs("/sized")
                .withOptions(MountOptions.NONE.withTmpfsSize(8L << 20).withTmpfsMode(01770))).build())
                .ifPresent(id -> assertThat(sh(id, "grep ' /sized ' /proc/mounts").stdout())
                        .startsWith("tmpfs /sized tmpfs").contains("size=8192k").contains("mode=1770"));
    }

    @Test
    void bindPropagationIsSetOnTheMount(@TempDir Path hostDir) throws IOException {
        Files.writeString(hostDir.resolve("f"), "bound\n");
        started("mounts", spec("mount-bind").command(SLEEP).mount(Mount.bind(hostDir.toString(), "/private")
                .withOptions(MountOptions.NONE.withPropagation("private"))).build()).ifPresent(id -> {
                    assertThat(mountAt(inspect(id).path("Mounts"), "/private").path("Propagation").asText())
                            .isEqualTo("private");
                    assertThat(sh(id, "cat /private/f").stdout()).isEqualTo("bound\n");
                });
    }

    @Test
    void aBindsSelinuxLabelReachesTheEngine(@TempDir Path hostDir) throws IOException {
        Files.writeString(hostDir.resolve("f"), "bound\n");
        ContainerSpec spec = spec("mount-label").command(SLEEP).mount(Mount.bind(hostDir.toString(), "/labelled")
                .asReadOnly().withOptions(MountOptions.NONE.withSelinuxLabel("z"))).build();
        assertThat(engine.unsupportedSettings(spec)).isEmpty();
        String id = engine.createContainer(spec);
        // read before the start: Podman drops z from the mount's mode once it has relabelled (measured, 4.3)
        JsonNode mount = mountAt(inspect(id).path("Mounts"), "/labelled");
        assertThat(mount.path("Mode").asText().split(",")).contains("z"); // dockerd: "ro,z"; Podman: "z"
        assertThat(mount.path("RW").asBoolean(true)).isFalse();
        engine.startContainer(id);
        assertThat(sh(id, "cat /labelled/f").stdout()).isEqualTo("bound\n");
        assertThat(sh(id, "touch /labelled/x").exitCode()).isNotZero();
    }

    @Test
    void aNoCopyVolumeStaysEmptyWhereTheImageHasFiles() {
        String volume = name("nocopy");
        engine.createVolume(VolumeSpec.of(volume, Map.of(TEST_LABEL, run)));
        started("mounts.noCopy", spec("mount-nocopy").command(SLEEP)
                .mount(Mount.volume(volume, "/etc").withOptions(MountOptions.NONE.withNoCopy(true))).build())
                .ifPresent(id -> {
                    // the image has /etc/passwd; a volume without nocopy gets a copy of it
                    assertThat(sh(id, "test -e /etc/passwd").exitCode()).isNotZero();
                });
    }

    @Test
    void aReadOnlyTmpfsMountIsMountedReadOnly() {
        started("mounts", s -> s.mount(new Mount(MountType.TMPFS, "", "/frozen", true))
                .mount(Mount.tmpfs("/thawed"))).ifPresent(id -> {
                    assertThat(sh(id, "grep ' /frozen ' /proc/mounts").stdout()).startsWith("tmpfs /frozen tmpfs ro");
                    assertThat(sh(id, "grep ' /thawed ' /proc/mounts").stdout()).startsWith("tmpfs /thawed tmpfs rw");
                    assertThat(sh(id, "touch /frozen/x").exitCode()).isNotZero();
                });
    }

    @Test
    void ipcModeSetsTheIpcNamespace() {
        started("ipcMode", s -> s.ipcMode("shareable")).ifPresent(id ->
                assertThat(host(id).path("IpcMode").asText()).isEqualTo("shareable"));
    }

    @Test
    void pidModeHostSharesTheHostsProcesses() {
        started("pidMode", s -> s.pidMode("host")).ifPresent(id -> {
            assertThat(host(id).path("PidMode").asText()).isEqualTo("host");
            // in its own namespace the container's command would be PID 1
            assertThat(sh(id, "tr '\\0' ' ' < /proc/1/cmdline").stdout()).doesNotStartWith("sleep 300");
        });
    }

    @Test
    void usernsModeHostKeepsTheHostsIds() {
        started("usernsMode", s -> s.usernsMode("host")).ifPresent(id -> {
            assertThat(host(id).path("UsernsMode").asText()).isEqualTo(usernsHostInInspect());
            assertThat(sh(id, "cat /proc/self/uid_map").stdout().trim()).matches("0\\s+0\\s+4294967295");
        });
    }

    /** How the engine's inspect shows {@code usernsMode: host} (Podman: empty, its default is the host's). */
    protected String usernsHostInInspect() {
        return "host";
    }

    @Test
    void groupAddAddsSupplementaryGroups() {
        started("groupAdd", s -> s.groupAdd(List.of("1234"))).ifPresent(id -> {
            assertThat(strings(host(id).path("GroupAdd"))).containsExactly("1234");
            assertThat(sh(id, "id -G").stdout().trim().split(" ")).contains("1234");
        });
    }

    @Test
    void oomScoreAdjIsSet() {
        started("resources.oomScoreAdj", s -> s.resources(ResourceLimits.builder().oomScoreAdj(200).build())).ifPresent(id -> {
            assertThat(host(id).path("OomScoreAdj").asInt()).isEqualTo(200);
            assertThat(sh(id, "cat /proc/1/oom_score_adj").stdout().trim()).isEqualTo("200");
        });
    }

    @Test
    void oomKillDisableIsSet() {
        started("resources.oomKillDisable", s -> s.resources(ResourceLimits.builder().memoryBytes(64L << 20)
                .oomKillDisable(true).build())).ifPresent(id ->
                assertThat(host(id).path("OomKillDisable").asBoolean()).isTrue());
    }

    @Test
    void pidsLimitCapsTheProcesses() {
        started("resources.pidsLimit", s -> s.resources(ResourceLimits.builder().pidsLimit(100L).build()))
                .ifPresent(id -> {
                    assertThat(host(id).path("PidsLimit").asLong()).isEqualTo(100);
                    assertThat(sh(id, "cat /sys/fs/cgroup/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids/pids.max")
                            .stdout().trim()).isEqualTo("100");
                });
    }

    @Test
    void shmSizeSizesDevShm() {
        started("resources.shmSizeBytes", s -> s.resources(ResourceLimits.builder().shmSizeBytes(32L << 20).build()))
                .ifPresent(id -> {
                    assertThat(host(id).path("ShmSize").asLong()).isEqualTo(32L << 20);
                    assertThat(sh(id, "grep ' /dev/shm ' /proc/mounts").stdout()).contains("size=32768k");
                });
    }

    // --- resources ---

    @Test
    void memoryLimitsAreSet() {
        started("resources.memoryBytes", s -> s.resources(ResourceLimits.builder().memoryBytes(64L << 20)
                .memoryReservationBytes(32L << 20).memorySwapBytes(128L << 20).build())).ifPresent(id -> {
                    JsonNode host = host(id);
                    assertThat(host.path("Memory").asLong()).isEqualTo(64L << 20);
                    assertThat(host.path("MemoryReservation").asLong()).isEqualTo(32L << 20);
                    assertThat(host.path("MemorySwap").asLong()).isEqualTo(128L << 20);
                    assertThat(sh(id, "cat /sys/fs/cgroup/memory.max 2>/dev/null"
                            + " || cat /sys/fs/cgroup/memory/memory.limit_in_bytes").stdout().trim())
                            .isEqualTo(Long.toString(64L << 20));
                });
    }

    @Test
    void cpuLimitsAreSet() {
        started("resources.nanoCpus", s -> s.resources(ResourceLimits.builder().nanoCpus(500_000_000L).cpuShares(512)
                .cpusetCpus("0").build())).ifPresent(id -> {
                    JsonNode host = host(id);
                    long nanoCpus = host.path("NanoCpus").asLong();
                    long quota = host.path("CpuQuota").asLong();
                    long period = host.path("CpuPeriod").asLong();
                    // Docker keeps NanoCpus; Podman stores quota and period and reports both
                    assertThat(nanoCpus != 0 ? nanoCpus : quota * 1_000_000_000L / period).isEqualTo(500_000_000L);
                    assertThat(host.path("CpuShares").asInt()).isEqualTo(512);
                    assertThat(host.path("CpusetCpus").asText()).isEqualTo("0");
                    assertThat(sh(id, "grep Cpus_allowed_list /proc/1/status").stdout()).matches("Cpus_allowed_list:\\s+0\\s*");
                });
    }

    // --- names and networking ---

    @Test
    void extraHostsAreInEtcHosts() {
        started("extraHosts", s -> s.extraHosts(List.of("db.local:10.1.2.3"))).ifPresent(id -> {
            assertThat(strings(host(id).path("ExtraHosts"))).containsExactly("db.local:10.1.2.3");
            assertThat(sh(id, "cat /etc/hosts").stdout()).containsPattern("(?m)^10\\.1\\.2\\.3\\s+db\\.local$");
        });
    }

    @Test
    void dnsSettingsAreInResolvConf() {
        started("dns", s -> s.dns(List.of("10.0.0.53")).dnsSearch(List.of("p4n4.example"))
                .dnsOptions(List.of("ndots:2"))).ifPresent(id -> {
                    JsonNode host = host(id);
                    assertThat(strings(host.path("Dns"))).containsExactly("10.0.0.53");
                    assertThat(strings(host.path("DnsSearch"))).containsExactly("p4n4.example");
                    assertThat(strings(host.path("DnsOptions"))).containsExactly("ndots:2");
                    assertThat(sh(id, "cat /etc/resolv.conf").stdout()).containsPattern("(?m)^nameserver 10\\.0\\.0\\.53$")
                            .containsPattern("(?m)^search p4n4\\.example$").containsPattern("(?m)^options ndots:2$");
                });
    }

    @Test
    void domainnameSetsTheNisDomain() {
        started("domainname", s -> s.domainname("p4n4.example")).ifPresent(id -> {
            assertThat(inspect(id).path("Config").path("Domainname").asText()).isEqualTo("p4n4.example");
            assertThat(sh(id, "cat /proc/sys/kernel/domainname").stdout().trim()).isEqualTo("p4n4.example");
        });
    }

    @Test
    void macAddressIsSetOnThePrimaryNetwork() {
        String net = name("mac");
        engine.createNetwork(NetworkSpec.builder(net).label(TEST_LABEL, run).build());
        String mac = "02:42:ac:11:00:99";
        started("macAddress", s -> s.network(NetworkAttachment.of(net)).macAddress(mac)).ifPresent(id -> {
            assertThat(inspect(id).path("NetworkSettings").path("Networks").path(net).path("MacAddress").asText())
                    .isEqualTo(mac);
            assertThat(sh(id, "cat /sys/class/net/eth0/address").stdout().trim()).isEqualTo(mac);
        });
    }

    @Test
    void fixedAddressesAreSetAtCreateAndOnTheNetworksJoinedAfter() {
        // a /24 of 10.213.0.0/16 chosen per run: other runs on the same host must not share it
        int block = new java.util.Random().nextInt(250);
        String first = name("ipfirst");
        String second = name("ipsecond");
        engine.createNetwork(NetworkSpec.builder(first).subnet("10.213." + block + ".0/24").label(TEST_LABEL, run)
                .build());
        engine.createNetwork(NetworkSpec.builder(second).subnet("10.214." + block + ".0/24").label(TEST_LABEL, run)
                .build());
        started("networks", s -> s.network(NetworkAttachment.of(first).withIpv4Address("10.213." + block + ".77"))
                .network(NetworkAttachment.of(second).withIpv4Address("10.214." + block + ".78"))).ifPresent(id -> {
                    JsonNode networks = inspect(id).path("NetworkSettings").path("Networks");
                    assertThat(networks.path(first).path("IPAddress").asText()).isEqualTo("10.213." + block + ".77");
                    assertThat(networks.path(second).path("IPAddress").asText()).isEqualTo("10.214." + block + ".78");
                    assertThat(sh(id, "ip -4 addr").stdout()).contains("10.213." + block + ".77/24")
                            .contains("10.214." + block + ".78/24");
                });
    }

    @Test
    void exposedPortsAreInTheConfig() {
        started("exposedPorts", s -> s.exposedPorts(List.of("8080/tcp", "5353/udp", "9000-9001/tcp"))).ifPresent(id -> {
            List<String> ports = new ArrayList<>();
            inspect(id).path("Config").path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
            assertThat(ports).containsExactlyInAnyOrder("8080/tcp", "5353/udp", "9000/tcp", "9001/tcp");
            assertThat(host(id).path("PortBindings").path("8080/tcp").isNull()
                    || host(id).path("PortBindings").path("8080/tcp").isMissingNode()).as("exposed, not published")
                    .isTrue();
        });
    }

    // --- logging, images, health ---

    @Test
    void logConfigSetsDriverAndMaxSize() {
        started("logConfig", s -> s.logConfig(new LogConfig("json-file", Map.of("max-size", "1m")))).ifPresent(id -> {
            LoggingReadBack log = logging(id);
            assertThat(log.driver()).isEqualTo("json-file");
            assertThat(log.maxSizeBytes()).isEqualTo(1_000_000L);
        });
    }

    @Test
    void platformOfTheImageIsAcceptedAndAnotherRefused() {
        String arch = engine.inspectImage(testImage()).architecture();
        String os = engine.inspectImage(testImage()).os();
        started("platform", s -> s.platform(os + "/" + arch)).ifPresent(id ->
                assertThat(inspect(id).path("Platform").asText()).isEqualTo(os));
        if (!unsupportedHere().contains("platform")) {
            String other = arch.equals("arm64") ? "amd64" : "arm64";
            ContainerSpec wrong = spec("platform-wrong").command(SLEEP).platform(os + "/" + other).build();
            assertThatThrownBy(() -> engine.createContainer(wrong)).isInstanceOf(P4n4Exception.class)
                    .hasMessageContaining(os + "/" + other);
            assertThat(engine.findContainer(name("platform-wrong"))).isEmpty();
        }
    }

    @Test
    void healthcheckStartIntervalIsSet() {
        HealthcheckSpec check = new HealthcheckSpec(List.of("CMD-SHELL", "true"), Duration.ofSeconds(30),
                Duration.ofSeconds(5), 3, Duration.ofSeconds(60), Duration.ofSeconds(2));
        started("healthcheck.startInterval", s -> s.healthcheck(check)).ifPresent(id ->
                assertThat(inspect(id).path("Config").path("Healthcheck").path("StartInterval").asLong())
                        .isEqualTo(Duration.ofSeconds(2).toNanos()));
    }

    // --- secrets and configs ---

    @Test
    void filesAreWrittenWithOwnerModeAndContentBeforeStart() {
        byte[] secret = "s3cret-value\n".getBytes(StandardCharsets.UTF_8);
        byte[] config = "key: value\n".getBytes(StandardCharsets.UTF_8);
        started("files", s -> s.files(List.of(ContainerFile.of("/run/secrets/token", secret, 1000, 1001, 0440),
                ContainerFile.of("/etc/p4n4/app.yml", config, 0, 0, 0644)))
                // the command reads the secret at start: it must be there before the container starts
                .command("sh", "-c", "cp /run/secrets/token /tmp/at-start; exec sleep 300")).ifPresent(id -> {
                    assertThat(sh(id, "stat -c '%u %g %a' /run/secrets/token").stdout().trim()).isEqualTo("1000 1001 440");
                    assertThat(sh(id, "cat /tmp/at-start").stdout()).isEqualTo("s3cret-value\n");
                    assertThat(sh(id, "stat -c '%u %g %a' /etc/p4n4/app.yml").stdout().trim()).isEqualTo("0 0 644");
                    assertThat(sh(id, "cat /etc/p4n4/app.yml").stdout()).isEqualTo("key: value\n");
                });
    }

    // --- refusals of bad values, on every engine ---

    @Test
    void unknownCapabilityIsRefusedByName() {
        ContainerSpec spec = spec("badcap").command(SLEEP).capAdd(List.of("CAP_P4N4_NONSENSE")).build();
        assertThatThrownBy(() -> engine.createContainer(spec)).isInstanceOf(P4n4Exception.class)
                .hasMessageContaining("P4N4_NONSENSE");
        assertThat(engine.findContainer(name("badcap"))).isEmpty();
    }

    @Test
    void unknownSecurityOptionIsRefusedByName() {
        ContainerSpec spec = spec("badopt").command(SLEEP).securityOpt(List.of("p4n4-nonsense=1")).build();
        assertThatThrownBy(() -> engine.createContainer(spec)).isInstanceOf(P4n4Exception.class)
                .hasMessageContaining("p4n4-nonsense");
        assertThat(engine.findContainer(name("badopt"))).isEmpty();
    }

    // --- helpers ---

    private Optional<String> started(String setting, UnaryOperator<ContainerSpec.Builder> settings) {
        return started(setting, settings.apply(spec(setting.replace('.', '-')).command(SLEEP)
                .stopTimeout(Duration.ofSeconds(1))).build());
    }

    /**
     * Creates and starts a container with {@code setting}, or, when this engine cannot apply the setting,
     * checks that it says so and refuses the spec by the setting's name without creating anything.
     */
    private Optional<String> started(String setting, ContainerSpec spec) {
        Map<String, String> unsupported = engine.unsupportedSettings(spec);
        if (unsupportedHere().contains(setting)) {
            assertThat(unsupported).containsKey(setting);
            assertThat(unsupported.get(setting)).isNotBlank();
            assertThatThrownBy(() -> engine.createContainer(spec)).isInstanceOfSatisfying(P4n4Exception.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.USER);
                assertThat(e.getMessage()).contains("'" + setting + "'");
            });
            assertThat(engine.listContainers(ContainerFilter.all(LabelFilter.of(TEST_LABEL, run)))).isEmpty();
            return Optional.empty();
        }
        assertThat(unsupported).as("settings %s reports unsupported", engineId()).isEmpty();
        return Optional.of(startContainer(spec));
    }

    private JsonNode host(String container) {
        return inspect(container).path("HostConfig");
    }

    private static JsonNode mountAt(JsonNode mounts, String destination) {
        for (JsonNode m : mounts) {
            if (m.path("Destination").asText().equals(destination)) {
                return m;
            }
        }
        throw new AssertionError("no mount at " + destination + " in " + mounts);
    }

    private ExecResult sh(String container, String script) {
        return engine.exec(container, List.of("sh", "-c", script));
    }

    private BigInteger effectiveCaps(String container) {
        String line = sh(container, "grep CapEff /proc/1/status").stdout().trim();
        return new BigInteger(line.substring(line.indexOf(':') + 1).trim(), 16);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> normalizedCaps(JsonNode array) {
        return strings(array).stream().map(c -> c.toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "")).toList();
    }

    /** {@code 1m}, {@code 1MB}, {@code 10k} in bytes, decimal as Docker and Podman read logging sizes. */
    protected static long decimalBytes(String size) {
        String s = size.trim().toLowerCase(Locale.ROOT).replaceAll("i?b$", "");
        String units = "kmgt";
        char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
        int power = units.indexOf(last) + 1;
        double n = Double.parseDouble(power == 0 ? s : s.substring(0, s.length() - 1).trim());
        return (long) (n * Math.pow(1000, power));
    }
}
