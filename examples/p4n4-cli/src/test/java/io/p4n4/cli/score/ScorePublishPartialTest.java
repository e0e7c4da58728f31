package io.p4n4.cli.score;

import io.p4n4.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.KeyValueManagement;
import io.nats.client.Nats;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import io.p4n4.testkit.nats.NatsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score publish} to several devices when the server refuses one device's write: every device's outcome is
 * printed (text and --json), the exit code is the failure's, and running it again once the cause is fixed writes
 * only the failed device. The refusal is real: the bucket's maximum value size (set before the publish) admits the
 * signed Score of a short device id but not that of a long one, whose envelope names its longer key.
 */
class ScorePublishPartialTest {

    private static final String HELLO = "{\"type\":\"PodmanV0\",\"data\":{\"services\":[{\"name\":\"hello\","
            + "\"image\":\"docker.io/library/nginx:alpine\"}]}}";
    private static final String LONG_DEVICE = "pi-" + "x".repeat(200);
    /** Between the size of the signed Score of {@code pi-1} (about 450 bytes) and that of the long device id. */
    private static final int LIMIT = 560;

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static void bucketWithMaxValueSize(String nats, int bytes, boolean create) throws Exception {
        Connection nc = Nats.connect(nats);
        try {
            KeyValueManagement kvm = nc.keyValueManagement();
            KeyValueConfiguration config = KeyValueConfiguration.builder().name("desired-state").maxHistoryPerKey(5)
                    .storageType(StorageType.File).maximumValueSize(bytes).build();
            if (create) {
                kvm.create(config);
            } else {
                kvm.update(config);
            }
        } finally {
            nc.close();
        }
    }

    @Test
    void aDeviceTheServerRefusesIsReportedWithTheOthersAndARerunWritesOnlyIt(@NatsServer String nats) throws Exception {
        Path key = dir.resolve("signing.key");
        assertThat(run("score", "keygen", key.toString()).code()).isZero();
        Path score = Files.writeString(dir.resolve("hello.json"), HELLO);
        bucketWithMaxValueSize(nats, LIMIT, true);
        String[] publish = {"score", "publish", "--nats", nats, "--device", "pi-1", "--device", LONG_DEVICE,
            "--device", "pi-2", "--name", "hello", "--sign-key", key.toString(), score.toString()};

        CliRun text = run(publish);

        assertThat(text.code()).isEqualTo(4); // NETWORK: the server refused the write
        assertThat(text.out()).contains("pi-1.hello: created (revision 1, generation 1)")
                .contains(LONG_DEVICE + ".hello: failed: ").contains("maximum")
                .contains("pi-2.hello: created (revision 2, generation 1)");
        assertThat(text.err()).contains("deployment 'hello' failed on 1 of 3 device(s): " + LONG_DEVICE)
                .contains("running the same command again is safe");

        String[] publishJson = new String[publish.length + 1];
        publishJson[0] = "--json";
        System.arraycopy(publish, 0, publishJson, 1, publish.length);
        CliRun json = run(publishJson);

        assertThat(json.code()).isEqualTo(4);
        assertThat(json.err()).isEmpty();
        assertThat(json.out().strip()).doesNotContain("\n"); // one line: the error with every device's outcome
        JsonNode error = new ObjectMapper().readTree(json.out()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("NETWORK");
        assertThat(error.get("devices").findValuesAsText("change")).containsExactly("unchanged", "failed", "unchanged");
        assertThat(error.at("/devices/1/error").asText()).contains(LONG_DEVICE + ".hello");
        assertThat(error.at("/devices/1/revision").isNull()).isTrue();
        assertThat(error.at("/devices/0/error").isNull()).isTrue();

        bucketWithMaxValueSize(nats, -1, false); // the operator lifts the limit and runs the same command again
        CliRun again = run(publish);

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("pi-1.hello: unchanged (revision 1, generation 1)")
                .contains(LONG_DEVICE + ".hello: created (revision 3, generation 1)")
                .contains("pi-2.hello: unchanged (revision 2, generation 1)");
    }
}
