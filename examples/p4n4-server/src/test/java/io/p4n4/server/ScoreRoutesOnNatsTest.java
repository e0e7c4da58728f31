package io.p4n4.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.agent.AgentStatusJson;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.agent.score.ScoreCodec;
import io.p4n4.agent.score.ScoreSigner;
import io.p4n4.agent.score.ScoreTypeRegistry;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.score.AgentState;
import io.p4n4.api.score.AgentStatus;
import io.p4n4.api.score.DeploymentState;
import io.p4n4.api.score.DeploymentStatus;
import io.p4n4.compose.env.EnvFile;
import io.p4n4.testkit.engine.TestEndpoints;
import io.p4n4.testkit.engine.TestEngines;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Score and device routes on the real nats-server of {@code scripts/services.sh}, each test in buckets of its
 * own: publish (validated, then unsigned or signed with the next generation), list, delete (a signed tombstone
 * when the server has a key), devices with desired beside reported state, and a 503 without NATS.
 */
@Tag("engine")
class ScoreRoutesOnNatsTest {
    private static final String HELLO = "{\"type\":\"PodmanV0\",\"data\":{\"services\":[{\"name\":\"hello\","
            + "\"image\":\"docker.io/library/nginx:alpine\",\"ports\":[\"8080:80\"]}]}}";

    @TempDir
    Path tmp;
    private String url;
    private final String bucket = "p4n4-srv-" + UUID.randomUUID().toString().substring(0, 8);
    private NatsDesiredStateStore store;
    private ContainerEngine engine;
    private P4n4Server server;
    private TestHttp http;
    private String token;

    @BeforeEach
    void connect() throws Exception {
        url = TestEndpoints.find("P4N4_TEST_NATS_URL").orElse(null);
        Assumptions.assumeTrue(url != null, "P4N4_TEST_NATS_URL is not set: run scripts/services.sh start");
        store = NatsDesiredStateStore.builder().servers(List.of(url)).bucket(bucket).statusBucket(bucket + "-status")
                .connect();
        engine = TestEngines.connectAt("docker", TestEngines.requireEndpoint(TestEngines.endpointVariable("docker")));
    }

    private void start(ScoreSigner signer) throws Exception {
        TestProject project = new TestProject(tmp);
        P4n4Server.Builder b = P4n4Server.builder().project(project.directory).engine(engine).port(0).nats(store);
        if (signer != null) {
            b.signer(signer);
        }
        server = b.build().start();
        http = new TestHttp(server.url());
        token = EnvFile.read(project.directory.resolve(".env")).get("P4N4_SERVER_TOKEN").orElseThrow();
    }

    @AfterEach
    void close() throws Exception {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
            Connection nc = Nats.connect(url);
            try {
                for (String name : List.of(bucket, bucket + "-status")) {
                    try {
                        nc.keyValueManagement().delete(name);
                    } catch (JetStreamApiException e) {
                        // never created
                    }
                }
            } finally {
                nc.close();
            }
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void anUnsignedScoreIsPublishedListedShownBesideTheReportAndDeleted() throws Exception {
        start(null);
        HttpResponse<String> put = http.call("PUT", "/api/v1/scores/pi-1/hello", token, HELLO);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode result = TestHttp.json(put);
        assertThat(result.get("change").asText()).isEqualTo("created");
        assertThat(result.get("signed").asBoolean()).isFalse();
        assertThat(store.list("pi-1")).singleElement().satisfies(s -> assertThat(s.value()).as("stored canonical")
                .startsWith("{\"type\":\"PodmanV0\"").contains("\"image\":\"docker.io/library/nginx:alpine\""));
        assertThat(TestHttp.json(http.call("PUT", "/api/v1/scores/pi-1/hello", token, HELLO)).get("change")
                .asText()).isEqualTo("unchanged");

        JsonNode list = TestHttp.json(http.get("/api/v1/scores?device=pi-1"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("type").asText()).isEqualTo("PodmanV0");
        assertThat(list.get(0).get("signed_by").isNull()).isTrue();
        assertThat(list.get(0).get("hash").asText()).hasSize(64);

        store.putStatus("pi-1", AgentStatusJson.write(new AgentStatus("pi-1", AgentState.ACTIVE,
                Map.of("hello", new DeploymentStatus("hello", DeploymentState.RUNNING, list.get(0).get("hash")
                        .asText(), list.get(0).get("revision").asLong(), null)), null, "2026-12-05T07:00:00Z")));
        JsonNode devices = TestHttp.json(http.get("/api/v1/devices"));
        assertThat(devices.get("configured").asBoolean()).isTrue();
        JsonNode device = devices.get("devices").get(0);
        assertThat(device.get("device").asText()).isEqualTo("pi-1");
        assertThat(device.at("/reported/state").asText()).isEqualTo("active");
        assertThat(device.at("/deployments/0/deployment").asText()).isEqualTo("hello");
        assertThat(device.at("/deployments/0/desired/hash").asText()).isEqualTo(list.get(0).get("hash").asText());
        assertThat(device.at("/deployments/0/reported/state").asText()).isEqualTo("running");
        assertThat(device.at("/deployments/0/reported/hash").asText()).isEqualTo(list.get(0).get("hash").asText());

        HttpResponse<String> delete = http.call("DELETE", "/api/v1/scores/pi-1/hello", token, null);
        assertThat(delete.statusCode()).as(delete.body()).isEqualTo(200);
        assertThat(TestHttp.json(delete).get("change").asText()).isEqualTo("deleted");
        assertThat(store.list("pi-1")).isEmpty();
        assertThat(http.call("DELETE", "/api/v1/scores/pi-1/hello", token, null).statusCode()).isEqualTo(404);
    }

    @Test
    void withAKeyScoresAreSignedWithRisingGenerationsAndADeleteIsATombstone() throws Exception {
        ScoreSigner signer = ScoreSigner.of(ScoreCodec.strict(ScoreTypeRegistry.defaults()),
                ScoreSigner.generateKeyPair());
        start(signer);
        JsonNode first = TestHttp.json(http.call("PUT", "/api/v1/scores/pi-2/hello", token, HELLO));
        assertThat(first.get("signed").asBoolean()).isTrue();
        assertThat(first.get("generation").asLong()).isEqualTo(1);
        String other = HELLO.replace("8080:80", "8081:80");
        JsonNode second = TestHttp.json(http.call("PUT", "/api/v1/scores/pi-2/hello", token, other));
        assertThat(second.get("change").asText()).isEqualTo("updated");
        assertThat(second.get("generation").asLong()).isEqualTo(2);
        JsonNode row = TestHttp.json(http.get("/api/v1/scores")).get(0);
        assertThat(row.get("signed_by").asText()).isEqualTo(signer.keyId());
        assertThat(row.get("generation").asLong()).isEqualTo(2);

        JsonNode deleted = TestHttp.json(http.call("DELETE", "/api/v1/scores/pi-2/hello", token, null));
        assertThat(deleted.get("change").asText()).isEqualTo("deleted");
        assertThat(deleted.get("generation").asLong()).isEqualTo(3);
        assertThat(TestHttp.json(http.get("/api/v1/scores")).get(0).get("type").asText()).isEqualTo("TOMBSTONE");
    }

    @Test
    void anInvalidScoreIs422AndNothingIsWritten() throws Exception {
        start(null);
        HttpResponse<String> bad = http.call("PUT", "/api/v1/scores/pi-3/hello", token,
                "{\"type\":\"PodmanV0\",\"data\":{\"services\":[{\"name\":\"a\"}]}}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(TestHttp.json(bad).get("code").asText()).isEqualTo("VALIDATION");
        assertThat(TestHttp.json(bad).get("detail").asText()).contains("image");
        assertThat(store.devices()).doesNotContain("pi-3");
    }

    @Test
    void withoutNatsTheScoreRoutesAre503AndDevicesSaySo() throws Exception {
        TestProject project = new TestProject(tmp);
        server = P4n4Server.builder().project(project.directory).engine(engine).port(0).build().start();
        http = new TestHttp(server.url());
        HttpResponse<String> list = http.get("/api/v1/scores");
        assertThat(list.statusCode()).isEqualTo(503);
        assertThat(TestHttp.json(list).get("code").asText()).isEqualTo("NETWORK");
        assertThat(TestHttp.json(list).get("detail").asText()).contains("--nats");
        JsonNode devices = TestHttp.json(http.get("/api/v1/devices"));
        assertThat(devices.get("configured").asBoolean()).isFalse();
        assertThat(devices.get("devices")).isEmpty();
    }
}
