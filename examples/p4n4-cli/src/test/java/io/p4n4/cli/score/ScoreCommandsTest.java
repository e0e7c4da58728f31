package io.p4n4.cli.score;

import io.p4n4.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.testkit.await.Waits;
import io.p4n4.testkit.nats.NatsServer;
import io.p4n4.agent.AgentConfigLoader;
import io.p4n4.agent.launcher.AgentLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandsTest {

    private static final String HELLO = "{\"type\":\"PodmanV0\",\"data\":{\"services\":[{\"name\":\"hello\","
            + "\"image\":\"docker.io/library/nginx:alpine\",\"ports\":[\"8080:80\"]}]}}";

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path file(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void unknownTypeAndInvalidShapeAreRefusedWithExit5BeforeContactingNats() throws Exception {
        // port 1: nothing listens, so reaching the network would fail differently
        CliRun unknown = run("score", "publish", "--nats", "nats://127.0.0.1:1", "--device", "pi-1", "--name", "x",
                file("okd.json", "{\"type\":\"OkdApplyV0\",\"data\":{}}").toString());
        CliRun badShape = run("score", "publish", "--nats", "nats://127.0.0.1:1", "--device", "pi-1", "--name", "x",
                file("bad.json", "{\"type\":\"PodmanV0\",\"data\":{\"services\":[{\"name\":\"a\"}]}}").toString());

        assertThat(unknown.code()).isEqualTo(5);
        assertThat(unknown.err()).contains("okd.json").contains("unknown Score type 'OkdApplyV0'");
        assertThat(badShape.code()).isEqualTo(5);
        assertThat(badShape.err()).contains("bad.json").contains("image");
    }

    @Test
    void publishListStatusDeleteAgainstARealNatsServer(@NatsServer String nats) throws Exception {
        Path score = file("hello.json", HELLO);

        CliRun published = run("score", "publish", "--nats", nats, "--device", "pi-1", "--device", "pi-2",
                "--name", "hello", score.toString());
        assertThat(published.code()).as(published.err()).isZero();
        assertThat(published.out()).contains("pi-1.hello: created").contains("pi-2.hello: created");
        assertThat(run("score", "publish", "--nats", nats, "--device", "pi-1", "--name", "hello",
                score.toString()).out()).contains("pi-1.hello: unchanged");

        CliRun list = run("score", "list", "--nats", nats);
        assertThat(list.out()).containsPattern("pi-1\\s+hello\\s+1\\s+PodmanV0")
                .containsPattern("pi-2\\s+hello\\s+2\\s+PodmanV0");

        Path config = file("agent.toml", "[agent]\ndevice_id = \"pi-1\"\nstate_dir = \"" + dir.resolve("state")
                + "\"\n[nats]\nurls = [\"" + nats + "\"]\n");
        try (AgentLauncher agent = AgentLauncher.startDryRun(AgentConfigLoader.load(config), Map.of())) {
            CliRun status = Waits.within(Duration.ofSeconds(15), Duration.ofMillis(100))
                    .pollDelay(Duration.ofMillis(100)).alias("pi-1's status saying RUNNING")
                    .until(() -> run("agent", "status", "--nats", nats, "--device", "pi-1"),
                            s -> s.out().contains("RUNNING"));
            assertThat(status.code()).isZero();
            assertThat(status.out()).contains("device pi-1: ACTIVE").containsPattern("hello\\s+RUNNING");
            assertThat(agent.agent().health().running()).isEqualTo(1);
        }

        assertThat(run("score", "delete", "--nats", nats, "--device", "pi-1", "--name", "hello").out())
                .contains("pi-1.hello: deleted");
        assertThat(run("score", "list", "--nats", nats, "--device", "pi-1").out()).doesNotContain("hello");
        CliRun never = run("agent", "status", "--nats", nats, "--device", "pi-7");
        assertThat(never.code()).isEqualTo(2);
        assertThat(never.err()).contains("never reported");
    }

    @Test
    void keygenWritesAPrivateKeyOnlyTheOwnerCanRead() throws Exception {
        Path key = dir.resolve("signing.key");
        CliRun r = run("score", "keygen", key.toString());

        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("public key (id ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(run("score", "keygen", key.toString()).code()).isEqualTo(2);
    }

    @Test
    void publishListDeleteStatusAndKeygenPrintJson(@NatsServer String nats) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path score = file("hello.json", HELLO);

        CliRun published = run("--json", "score", "publish", "--nats", nats, "--device", "pi-1", "--name", "hello",
                score.toString());
        assertThat(published.code()).as(published.err()).isZero();
        JsonNode publishedRows = json.readTree(published.out());
        assertThat(publishedRows.get(0).get("device").asText()).isEqualTo("pi-1");
        assertThat(publishedRows.get(0).get("change").asText()).isEqualTo("created");
        assertThat(publishedRows.get(0).get("revision").asLong()).isPositive();

        CliRun list = run("--json", "score", "list", "--nats", nats);
        assertThat(list.code()).as(list.err()).isZero();
        JsonNode row = json.readTree(list.out()).get(0);
        assertThat(row.get("deployment").asText()).isEqualTo("hello");
        assertThat(row.get("type").asText()).isEqualTo("PodmanV0");
        assertThat(row.get("valid").asBoolean()).isTrue();
        assertThat(row.get("signed_by").isNull()).isTrue();
        assertThat(row.get("hash").asText()).hasSize(64);

        Path config = file("agent.toml", "[agent]\ndevice_id = \"pi-1\"\nstate_dir = \"" + dir.resolve("state")
                + "\"\n[nats]\nurls = [\"" + nats + "\"]\n");
        try (AgentLauncher agent = AgentLauncher.startDryRun(AgentConfigLoader.load(config), Map.of())) {
            CliRun status = Waits.within(Duration.ofSeconds(15), Duration.ofMillis(100))
                    .pollDelay(Duration.ofMillis(100)).alias("pi-1's status saying running")
                    .until(() -> run("--json", "agent", "status", "--nats", nats, "--device", "pi-1"),
                            s -> s.out().contains("\"running\""));
            JsonNode doc = json.readTree(status.out());
            assertThat(doc.get("device").asText()).isEqualTo("pi-1");
            assertThat(doc.get("state").asText()).isEqualTo("active");
            assertThat(doc.at("/deployments/0/deployment").asText()).isEqualTo("hello");
            assertThat(agent.agent().health().running()).isEqualTo(1);
        }

        CliRun deleted = run("--json", "score", "delete", "--nats", nats, "--device", "pi-1", "--device", "pi-9",
                "--name", "hello");
        assertThat(deleted.code()).as(deleted.err()).isZero();
        assertThat(json.readTree(deleted.out()).findValuesAsText("deleted")).containsExactly("true", "false");
        assertThat(json.readTree(deleted.out()).findValuesAsText("change")).containsExactly("deleted", "unchanged");
        assertThat(json.readTree(run("--json", "score", "list", "--nats", nats).out())).isEmpty();

        CliRun never = run("--json", "agent", "status", "--nats", nats, "--device", "pi-7");
        assertThat(never.code()).isEqualTo(2);
        assertThat(never.err()).isEmpty();
        assertThat(json.readTree(never.out()).at("/error/code").asText()).isEqualTo("USER");

        CliRun key = run("--json", "score", "keygen", dir.resolve("k.key").toString());
        assertThat(key.code()).as(key.err()).isZero();
        JsonNode keyDoc = json.readTree(key.out());
        assertThat(keyDoc.get("private_key_file").asText()).endsWith("k.key");
        assertThat(keyDoc.get("public_key").asText()).isNotBlank();
        assertThat(keyDoc.get("key_id").asText()).isNotBlank();
    }

    @Test
    void signedPublishTakesTheNextGenerationAndSignedDeleteWritesATombstone(@NatsServer String nats) throws Exception {
        Path key = dir.resolve("signing.key");
        assertThat(run("score", "keygen", key.toString()).code()).isZero();
        Path v1 = file("v1.json", HELLO);
        Path v2 = file("v2.json", HELLO.replace("nginx:alpine", "nginx:1.27"));

        CliRun first = run("score", "publish", "--nats", nats, "--device", "pi-1", "--name", "hello",
                "--sign-key", key.toString(), v1.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("pi-1.hello: created (revision 1, generation 1)");
        assertThat(run("score", "publish", "--nats", nats, "--device", "pi-1", "--name", "hello",
                "--sign-key", key.toString(), v1.toString()).out()).contains("pi-1.hello: unchanged");
        assertThat(run("score", "publish", "--nats", nats, "--device", "pi-1", "--name", "hello",
                "--sign-key", key.toString(), v2.toString()).out()).contains("updated (revision 2, generation 2)");
        CliRun forced = run("--json", "score", "publish", "--nats", nats, "--device", "pi-1", "--name", "hello",
                "--sign-key", key.toString(), "--min-generation", "10", "--expires-in", "P7D", v2.toString());
        assertThat(new ObjectMapper().readTree(forced.out()).get(0).get("generation").asLong()).isEqualTo(10);

        CliRun deleted = run("score", "delete", "--nats", nats, "--device", "pi-1", "--name", "hello",
                "--sign-key", key.toString());
        assertThat(deleted.code()).as(deleted.err()).isZero();
        assertThat(deleted.out()).contains("pi-1.hello: signed tombstone written (revision 4, generation 11)");
        JsonNode row = new ObjectMapper().readTree(run("--json", "score", "list", "--nats", nats).out()).get(0);
        assertThat(row.get("type").asText()).isEqualTo("TOMBSTONE");
        assertThat(row.get("generation").asLong()).isEqualTo(11);
        assertThat(row.get("signed_by").asText()).hasSize(16);

        CliRun unsignedExpiry = run("score", "publish", "--nats", nats, "--device", "pi-1", "--name", "hello",
                "--expires-in", "PT1H", v1.toString());
        assertThat(unsignedExpiry.code()).isNotZero();
        assertThat(unsignedExpiry.err()).contains("--expires-in and --min-generation need --sign-key");
    }
}
