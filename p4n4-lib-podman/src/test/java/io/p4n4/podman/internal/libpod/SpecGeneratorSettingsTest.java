package io.p4n4.podman.internal.libpod;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.LogConfig;
import io.p4n4.api.engine.Mount;
import io.p4n4.api.engine.NetworkAttachment;
import io.p4n4.api.engine.ResourceLimits;
import io.p4n4.api.engine.Ulimit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every ContainerSpec setting in the spec generator JSON, with Podman 4.3's field names (pkg/specgen/specgen.go). */
class SpecGeneratorSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Compared as JSON trees: object members in any order, arrays in order. */
    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The body as the service reads it: written to JSON text and parsed back. */
    private static JsonNode body(ContainerSpec spec) {
        try {
            return JSON.readTree(JSON.writeValueAsString(SpecGenerator.of(spec)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void securitySettings() {
        JsonNode b = body(ContainerSpec.builder("img").capAdd(List.of("NET_ADMIN")).capDrop(List.of("CAP_CHOWN"))
                .privileged(true).readOnlyRootfs(true).init(true)
                .securityOpt(List.of("no-new-privileges:true", "label=disable", "apparmor=unconfined",
                        "seccomp:/etc/p4n4/seccomp.json", "mask=/proc/a:/proc/b", "unmask=ALL"))
                .build());
        assertThat(b.path("cap_add")).containsExactly(JSON.valueToTree("NET_ADMIN"));
        assertThat(b.path("cap_drop").get(0).asText()).isEqualTo("CAP_CHOWN");
        assertThat(b.path("privileged").asBoolean()).isTrue();
        assertThat(b.path("read_only_filesystem").asBoolean()).isTrue();
        assertThat(b.path("init").asBoolean()).isTrue();
        assertThat(b.path("no_new_privileges").asBoolean()).isTrue();
        assertThat(b.path("selinux_opts")).isEqualTo(tree("[\"disable\"]"));
        assertThat(b.path("apparmor_profile").asText()).isEqualTo("unconfined");
        assertThat(b.path("seccomp_profile_path").asText()).isEqualTo("/etc/p4n4/seccomp.json");
        assertThat(b.path("mask")).isEqualTo(tree("[\"/proc/a\",\"/proc/b\"]"));
        assertThat(b.path("unmask")).isEqualTo(tree("[\"ALL\"]"));
    }

    @Test
    void noNewPrivilegesFalseStaysOff() {
        assertThat(body(ContainerSpec.builder("img").securityOpt(List.of("no-new-privileges=false")).build())
                .path("no_new_privileges").asBoolean()).isFalse();
    }

    @Test
    void kernelSettingsAndNamespaces() {
        JsonNode b = body(ContainerSpec.builder("img").ulimits(List.of(new Ulimit("nofile", 1024, 2048)))
                .sysctls(Map.of("net.core.somaxconn", "512")).ipcMode("container:db").pidMode("host")
                .usernsMode("host").groupAdd(List.of("1234"))
                .mount(Mount.tmpfs("/cache")).tmpfs(Map.of("/scratch", "size=16m, mode=1777")).build());
        assertThat(b.path("r_limits")).isEqualTo(tree("[{\"type\":\"nofile\",\"soft\":1024,\"hard\":2048}]"));
        assertThat(b.path("sysctl").path("net.core.somaxconn").asText()).isEqualTo("512");
        assertThat(b.path("ipcns")).isEqualTo(tree("{\"nsmode\":\"container\",\"value\":\"db\"}"));
        assertThat(b.path("pidns")).isEqualTo(tree("{\"nsmode\":\"host\"}"));
        assertThat(b.path("userns")).isEqualTo(tree("{\"nsmode\":\"host\"}"));
        assertThat(b.path("groups")).isEqualTo(tree("[\"1234\"]"));
        // the spec's own tmpfs mount and the service-level tmpfs both stay
        assertThat(b.path("mounts")).hasSize(2);
        JsonNode scratch = b.path("mounts").get(1);
        assertThat(scratch.path("type").asText()).isEqualTo("tmpfs");
        assertThat(scratch.path("destination").asText()).isEqualTo("/scratch");
        assertThat(scratch.path("options")).isEqualTo(tree("[\"size=16m\",\"mode=1777\"]"));
    }

    @Test
    void resourceLimitsAsTheCliSetsThem() {
        JsonNode b = body(ContainerSpec.builder("img").resources(ResourceLimits.builder().memoryBytes(64L << 20)
                .memoryReservationBytes(32L << 20).memorySwapBytes(-1L).oomKillDisable(true).nanoCpus(1_500_000_000L)
                .cpuShares(512).cpusetCpus("0-1").pidsLimit(100L).shmSizeBytes(1L << 20).oomScoreAdj(-500).build())
                .build());
        JsonNode limits = b.path("resource_limits");
        assertThat(limits.path("memory")).isEqualTo(tree(
                "{\"limit\":67108864,\"reservation\":33554432,\"swap\":-1,\"disableOOMKiller\":true}"));
        assertThat(limits.path("cpu")).isEqualTo(tree(
                "{\"quota\":150000,\"period\":100000,\"shares\":512,\"cpus\":\"0-1\"}"));
        assertThat(limits.path("pids").path("limit").asLong()).isEqualTo(100);
        assertThat(b.path("shm_size").asLong()).isEqualTo(1L << 20);
        assertThat(b.path("oom_score_adj").asInt()).isEqualTo(-500);
    }

    @Test
    void noResourcesNoResourceLimits() {
        assertThat(body(ContainerSpec.builder("img").build()).has("resource_limits")).isFalse();
    }

    @Test
    void namesNetworkingLoggingAndPlatform() {
        JsonNode b = body(ContainerSpec.builder("img").extraHosts(List.of("db:10.1.2.3")).dns(List.of("10.0.0.53"))
                .dnsSearch(List.of("example.org")).dnsOptions(List.of("ndots:2"))
                .network(NetworkAttachment.of("front", "web")).network(NetworkAttachment.of("back"))
                .macAddress("02:42:ac:11:00:99").exposedPorts(List.of("53/udp", "53/tcp", "9000-9001/tcp"))
                .logConfig(new LogConfig("json-file", Map.of("max-size", "10m"))).platform("linux/arm64/v8").build());
        assertThat(b.path("hostadd")).isEqualTo(tree("[\"db:10.1.2.3\"]"));
        assertThat(b.path("dns_server")).isEqualTo(tree("[\"10.0.0.53\"]"));
        assertThat(b.path("dns_search")).isEqualTo(tree("[\"example.org\"]"));
        assertThat(b.path("dns_option")).isEqualTo(tree("[\"ndots:2\"]"));
        assertThat(b.path("Networks").path("front"))
                .isEqualTo(tree("{\"aliases\":[\"web\"],\"static_mac\":\"02:42:ac:11:00:99\"}"));
        assertThat(b.path("Networks").path("back")).isEqualTo(tree("{}"));
        assertThat(b.path("expose")).isEqualTo(tree("{\"53\":\"udp,tcp\",\"9000\":\"tcp\",\"9001\":\"tcp\"}"));
        assertThat(b.path("log_configuration")).isEqualTo(tree("{\"driver\":\"json-file\",\"size\":10000000}"));
        assertThat(b.path("image_os").asText()).isEqualTo("linux");
        assertThat(b.path("image_arch").asText()).isEqualTo("arm64");
        assertThat(b.path("image_variant").asText()).isEqualTo("v8");
    }
}
