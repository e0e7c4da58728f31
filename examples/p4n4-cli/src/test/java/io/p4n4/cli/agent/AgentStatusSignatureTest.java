package io.p4n4.cli.agent;

import io.p4n4.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.agent.AgentConfigLoader;
import io.p4n4.agent.identity.DeviceIdentity;
import io.p4n4.agent.launcher.AgentLauncher;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.testkit.await.Waits;
import io.p4n4.testkit.nats.NatsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code p4n4 agent status} checks the signature a (dry-run) agent puts on its status with the identity in its
 * state directory, on a real nats-server: verified, verified against the pinned device key, BAD SIGNATURE once
 * someone with write access to the status bucket changes it, and unsigned.
 */
class AgentStatusSignatureTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void statusIsVerifiedAgainstTheDeviceKeyAndTamperingIsABadSignature(@NatsServer String nats) throws Exception {
        Path state = dir.resolve("state");
        Path config = Files.writeString(dir.resolve("agent.toml"), "[agent]\ndevice_id = \"pi-1\"\nstate_dir = \""
                + state + "\"\n[nats]\nurls = [\"" + nats + "\"]\n");
        try (AgentLauncher agent = AgentLauncher.startDryRun(AgentConfigLoader.load(config), Map.of())) {
            Waits.within(Duration.ofSeconds(15), Duration.ofMillis(100)).alias("pi-1 reporting")
                    .until(() -> agent.agent().health().healthy()
                            && run("agent", "status", "--nats", nats, "--device", "pi-1").code() == 0);
        }
        String keyId = DeviceIdentity.loadOrCreate(state).keyId();

        CliRun plain = run("agent", "status", "--nats", nats, "--device", "pi-1");
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("device pi-1: SHUTDOWN").contains("signature: verified (signed by device key "
                + keyId + " (not pinned");
        CliRun pinned = run("agent", "status", "--nats", nats, "--device", "pi-1", "--device-key", keyId);
        assertThat(pinned.code()).as(pinned.err()).isZero();
        assertThat(pinned.out()).contains("signature: verified").contains("(the expected key)");
        JsonNode doc = new ObjectMapper().readTree(run("--json", "agent", "status", "--nats", nats, "--device", "pi-1")
                .out());
        assertThat(doc.at("/signature/verdict").asText()).isEqualTo("verified");
        assertThat(doc.at("/signature/key_id").asText()).isEqualTo(keyId);

        try (NatsDesiredStateStore store = NatsDesiredStateStore.builder().servers(List.of(nats)).connect()) {
            String signed = store.findStatus("pi-1").orElseThrow();
            store.putStatus("pi-1", signed.replace("\"SHUTDOWN\"", "\"ACTIVE\""));

            CliRun tampered = run("agent", "status", "--nats", nats, "--device", "pi-1");
            assertThat(tampered.code()).isEqualTo(5);
            assertThat(tampered.out()).contains("device pi-1: ACTIVE").contains("signature: BAD SIGNATURE (");
            assertThat(tampered.err()).contains("the status of device pi-1 has a BAD SIGNATURE")
                    .contains("do not trust what it says");
            CliRun tamperedJson = run("--json", "agent", "status", "--nats", nats, "--device", "pi-1");
            assertThat(tamperedJson.code()).isEqualTo(5);
            JsonNode error = new ObjectMapper().readTree(tamperedJson.out()).get("error");
            assertThat(error.get("code").asText()).isEqualTo("VALIDATION");
            assertThat(error.at("/status/signature/verdict").asText()).isEqualTo("bad_signature");

            store.putStatus("pi-1", "{\"deviceId\":\"pi-1\",\"state\":\"ACTIVE\",\"deployments\":{},"
                    + "\"timestamp\":\"2026-12-03T18:00:00Z\"}");
            CliRun unsigned = run("agent", "status", "--nats", nats, "--device", "pi-1");
            assertThat(unsigned.code()).isZero();
            assertThat(unsigned.out()).contains("signature: unsigned");
            CliRun unsignedPinned = run("agent", "status", "--nats", nats, "--device", "pi-1", "--device-key", keyId);
            assertThat(unsignedPinned.code()).isEqualTo(5);
            assertThat(unsignedPinned.err()).contains("is unsigned, but --device-key expects it signed by " + keyId);
        }
    }
}
