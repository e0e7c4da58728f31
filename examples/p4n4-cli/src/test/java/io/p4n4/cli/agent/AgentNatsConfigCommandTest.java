package io.p4n4.cli.agent;

import io.p4n4.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.agent.nats.DevicePermissions;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.score.NatsCredentials;
import io.p4n4.testkit.nats.NatsServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code p4n4 agent nats-config}: its block, fed to a real nats-server, lets each device reach only its own keys. */
class AgentNatsConfigCommandTest {

    private static final String HELLO = "{\"type\":\"PodmanV0\",\"data\":{\"services\":[{\"name\":\"hello\","
            + "\"image\":\"docker.io/library/nginx:alpine\"}]}}";

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void thePrintedBlockConfiguresARealServerWhereEachDeviceReachesOnlyItsOwnKeys() throws Exception {
        Path binary = NatsServerProcess.findBinary().orElse(null);
        Assumptions.assumeTrue(binary != null, "no nats-server binary");
        Path seeds = dir.resolve("seeds");

        CliRun config = run("agent", "nats-config", "--seeds-dir", seeds.toString(), "pi-1", "pi-2");

        assertThat(config.code()).as(config.err()).isZero();
        assertThat(config.out()).contains("authorization {", "# device pi-1", "# device pi-2");
        // public keys only: no seed is printed
        for (String name : List.of("p4n4-admin", "pi-1", "pi-2")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(seeds.resolve(name + ".nk"))))
                    .isEqualTo("rw-------");
            assertThat(config.out()).doesNotContain(Files.readString(seeds.resolve(name + ".nk")).trim());
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(seeds))).isEqualTo("rwx------");
        // a second run for more devices keeps the keys already handed out
        CliRun again = run("agent", "nats-config", "--seeds-dir", seeds.toString(), "pi-1", "pi-2", "pi-3");
        assertThat(again.out()).contains(config.out().lines().filter(l -> l.contains("nkey:")).toList());

        try (NatsServerProcess server = NatsServerProcess.start(binary, dir.resolve("js"), config.out())) {
            // the administrator publishes through the CLI with its seed
            CliRun published = run("score", "publish", "--nats", server.url(), "--nats-nkey",
                    seeds.resolve("p4n4-admin.nk").toString(), "--device", "pi-1", "--device", "pi-2", "--name",
                    "hello", Files.writeString(dir.resolve("hello.json"), HELLO).toString());
            assertThat(published.code()).as(published.err()).isZero();

            try (NatsDesiredStateStore device = NatsDesiredStateStore.builder().servers(List.of(server.url()))
                    .credentials(NatsCredentials.nkeySeedFile(seeds.resolve("pi-1.nk"), "test"))
                    .inboxPrefix(DevicePermissions.inboxPrefix("pi-1")).requestTimeout(Duration.ofMillis(500))
                    .connect()) {
                assertThat(device.find("pi-1", "hello")).isPresent();
                device.putStatus("pi-1", "{}");
                assertThatThrownBy(() -> device.find("pi-2", "hello"))
                        .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                        .hasMessageContaining("Permissions Violation");
            }
        }
    }

    @Test
    void jsonModePrintsTheBlockAndThePublicKeysButNoSeed() throws Exception {
        CliRun r = run("--json", "agent", "nats-config", "--seeds-dir", dir.toString(), "pi-1");

        assertThat(r.code()).as(r.err()).isZero();
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertThat(doc.get("config").asText()).contains("# device pi-1");
        assertThat(doc.get("users")).hasSize(2);
        assertThat(doc.at("/users/1/name").asText()).isEqualTo("pi-1");
        assertThat(doc.at("/users/1/seed_file").asText()).isEqualTo(dir.resolve("pi-1.nk").toString());
        assertThat(doc.get("config").asText()).contains(doc.at("/users/1/public_key").asText());
        assertThat(r.out()).doesNotContain(Files.readString(dir.resolve("pi-1.nk")).trim());
    }

    @Test
    void anAdministratorNamedLikeADeviceIsRefused() {
        CliRun r = run("agent", "nats-config", "--seeds-dir", dir.toString(), "--admin", "pi-1", "pi-1");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'pi-1' is both a device and the administrator's name");
    }
}
