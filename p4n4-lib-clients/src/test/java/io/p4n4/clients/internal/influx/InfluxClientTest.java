package io.p4n4.clients.internal.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.ServiceException;
import io.p4n4.api.clients.Cancellation;
import io.p4n4.api.clients.RetryPolicy;
import io.p4n4.api.clients.influx.Bucket;
import io.p4n4.api.clients.influx.FluxRecord;
import io.p4n4.api.clients.influx.FluxTable;
import io.p4n4.api.clients.influx.InfluxClient;
import io.p4n4.api.clients.influx.InfluxHealth;
import io.p4n4.api.clients.influx.InfluxReady;
import io.p4n4.api.clients.influx.Point;
import io.p4n4.api.clients.influx.WritePrecision;
import io.p4n4.clients.internal.http.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import io.p4n4.clients.ProjectEndpointConfig;
import io.p4n4.clients.ClientFactory;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InfluxClientTest {
    static final String TOKEN = "s3cr3t-influx-token-0123456789abcdef";

    private MockWebServer server;
    private ClientFactory clients;
    private InfluxClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        clients = ClientFactory.create();
        client = clients.influx().baseUrl(server.url("/").toString()).token(TOKEN).org("ming")
                .bucket("raw_telemetry").retryPolicy(RetryPolicy.of(3, Duration.ofMillis(10), Duration.ofMillis(100)))
                .readTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.shutdown();
        clients.close();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json; charset=utf-8")
                .setBody(body);
    }

    private static MockResponse csv(String body) {
        return new MockResponse().setHeader("Content-Type", "text/csv; charset=utf-8").setBody(body);
    }

    @Test
    void healthReadsTheServerStatusAndVersion() throws InterruptedException {
        server.enqueue(json(200, InfluxPayloads.HEALTH));
        InfluxHealth health = client.health();
        assertThat(health.isPass()).isTrue();
        assertThat(health.version()).isEqualTo("v2.7.11");
        assertThat(health.message()).isEqualTo("ready for queries and writes");
        assertThat(server.takeRequest().getPath()).isEqualTo("/health");
    }

    @Test
    void readyReadsStatusAndUptime() throws InterruptedException {
        server.enqueue(json(200, InfluxPayloads.READY));
        InfluxReady ready = client.ready();
        assertThat(ready.isReady()).isTrue();
        assertThat(ready.up()).isEqualTo("14m45.911966424s");
        assertThat(server.takeRequest().getPath()).isEqualTo("/ready");
    }

    @Test
    void writeRecordsSendsTheLinesExactlyAsGiven() throws InterruptedException {
        server.enqueue(new MockResponse().setResponseCode(204));
        client.writeRecords(List.of("temp,room=kitchen value=21.5 1700000000000000000", "temp,room=hall value=19i"));
        RecordedRequest r = server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getRequestUrl().encodedPath()).isEqualTo("/api/v2/write");
        assertThat(r.getRequestUrl().queryParameter("org")).isEqualTo("ming");
        assertThat(r.getRequestUrl().queryParameter("bucket")).isEqualTo("raw_telemetry");
        assertThat(r.getRequestUrl().queryParameter("precision")).isEqualTo("ns");
        assertThat(r.getHeader("Authorization")).isEqualTo("Token " + TOKEN);
        assertThat(r.getHeader("Content-Type")).startsWith("text/plain");
        assertThat(r.getBody().readUtf8())
                .isEqualTo("temp,room=kitchen value=21.5 1700000000000000000\ntemp,room=hall value=19i\n");
    }

    @Test
    void writePointsEncodesInTheRequestedPrecisionAndBucket() throws InterruptedException {
        server.enqueue(new MockResponse().setResponseCode(204));
        client.writePoints("sandbox", WritePrecision.S, List.of(Point.builder("temp").tag("room", "hall")
                .field("value", 19.5).time(Instant.parse("2024-01-01T00:00:00Z"), WritePrecision.MS).build()));
        RecordedRequest r = server.takeRequest();
        assertThat(r.getRequestUrl().queryParameter("bucket")).isEqualTo("sandbox");
        assertThat(r.getRequestUrl().queryParameter("precision")).isEqualTo("s");
        assertThat(r.getBody().readUtf8()).isEqualTo("temp,room=hall value=19.5 1704067200\n");
    }

    @Test
    void writePointsSendsEveryEncodablePointThenReportsTheRefusedOne() throws InterruptedException {
        server.enqueue(new MockResponse().setResponseCode(204));
        Point tooLate = Point.builder("late").field("v", 2L).time(Long.MAX_VALUE / 2, WritePrecision.S).build();
        assertThatThrownBy(() -> client.writePoints(List.of(Point.builder("m").field("v", 1L).build(), tooLate,
                Point.builder("m").field("v", 3L).build())))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION))
                .hasMessageStartingWith("influxdb write: point 1 of the 3 given was refused (the others are written):")
                .hasMessageContaining("measurement 'late'");
        assertThat(server.takeRequest().getBody().readUtf8()).isEqualTo("m v=1i\nm v=3i\n");
    }

    @Test
    void aRejectedLineIsAValidationErrorWithInfluxMessageAndNoToken() {
        server.enqueue(json(400, InfluxPayloads.PARSE_ERROR));
        assertThatThrownBy(() -> client.writeRecords(List.of("temp value=")))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.path()).isEqualTo("/api/v2/write");
                    assertThat(e.serverMessage()).hasValue("unable to parse 'temp value=': missing field value");
                    assertThat(e.getMessage()).contains("influxdb").doesNotContain(TOKEN);
                });
    }

    @Test
    void aBadTokenIsAUserErrorAndAMissingBucketToo() {
        server.enqueue(json(401, InfluxPayloads.UNAUTHORIZED));
        assertThatThrownBy(() -> client.writeRecords(List.of("m v=1")))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USER);
                    assertThat(e.serverMessage()).hasValue("unauthorized access");
                });
        server.enqueue(json(404, InfluxPayloads.BUCKET_NOT_FOUND));
        assertThatThrownBy(() -> client.writeRecords("nope", WritePrecision.NS, List.of("m v=1")))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USER);
                    assertThat(e.serverMessage()).hasValue("bucket \"nope\" not found");
                });
    }

    @Test
    void anUnreachableServerIsANetworkErrorNamingTheUrl() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (InfluxClient dead = clients.influx().baseUrl("http://127.0.0.1:" + port).token(TOKEN)
                .org("ming").retryPolicy(RetryPolicy.none()).build()) {
            assertThatThrownBy(dead::health).isInstanceOfSatisfying(ServiceException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
                assertThat(e.status()).isZero();
                assertThat(e.getMessage()).contains("127.0.0.1:" + port).contains("influxdb").doesNotContain(TOKEN);
            });
        }
    }

    @Test
    void queryPostsFluxWithTheAnnotatedCsvDialectAndTypesTheRows() throws InterruptedException {
        server.enqueue(csv(AnnotatedCsvReaderTest.TWO_SCHEMAS));
        List<FluxTable> tables = client.query("from(bucket: \"raw_telemetry\") |> range(start: -1h)");
        assertThat(tables).extracting(FluxTable::index).containsExactly(0, 1, 2);
        assertThat(tables.get(0).records()).hasSize(2);
        assertThat(tables.get(0).groupKey()).extracting(c -> c.label())
                .containsExactly("_start", "_stop", "_field", "_measurement", "host");
        assertThat(tables.get(2).records().get(0).value()).isEqualTo(42L);

        RecordedRequest r = server.takeRequest();
        assertThat(r.getRequestUrl().encodedPath()).isEqualTo("/api/v2/query");
        assertThat(r.getRequestUrl().queryParameter("org")).isEqualTo("ming");
        assertThat(r.getHeader("Accept")).isEqualTo("application/csv");
        assertThat(r.getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = readJson(r);
        assertThat(body.get("query").asText()).isEqualTo("from(bucket: \"raw_telemetry\") |> range(start: -1h)");
        assertThat(body.get("type").asText()).isEqualTo("flux");
        assertThat(body.at("/dialect/annotations").toString()).isEqualTo("[\"datatype\",\"group\",\"default\"]");
        assertThat(body.at("/dialect/header").asBoolean()).isTrue();
    }

    @Test
    void anInvalidFluxQueryIsAValidationErrorWithTheCompilerMessage() {
        server.enqueue(json(400, InfluxPayloads.FLUX_COMPILE_ERROR));
        assertThatThrownBy(() -> client.query("bad")).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(e.serverMessage()).hasValueSatisfying(m -> assertThat(m).contains("undefined identifier bad"));
        });
    }

    @Test
    void queriesAreRetriedOn503HonouringRetryAfter() throws InterruptedException {
        server.enqueue(json(503, InfluxPayloads.UNAVAILABLE).setHeader("Retry-After", "0"));
        server.enqueue(csv(AnnotatedCsvReaderTest.TWO_SCHEMAS));
        assertThat(client.query("from(bucket: \"b\") |> range(start: -1h)")).hasSize(3);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void stoppingAStreamedQueryClosesTheConnection() throws InterruptedException {
        StringBuilder big = new StringBuilder("#datatype,string,long,long\r\n#group,false,false,false\r\n"
                + "#default,_result,,\r\n,result,table,_value\r\n");
        for (int i = 0; i < 50_000; i++) {
            big.append(",,0,").append(i).append("\r\n");
        }
        server.enqueue(csv(big.toString()));
        List<FluxRecord> seen = new ArrayList<>();
        boolean complete = client.query("from(bucket: \"b\")", r -> {
            seen.add(r);
            return seen.size() < 3;
        });
        assertThat(complete).isFalse();
        assertThat(seen).extracting(FluxRecord::value).containsExactly(0L, 1L, 2L);
        // the half-read connection was closed instead of being returned to the pool
        assertThat(clients.connectionCount()).isZero();
    }

    @Test
    void aCompletedQueryReturnsItsConnectionToThePool() {
        server.enqueue(csv(AnnotatedCsvReaderTest.TWO_SCHEMAS));
        assertThat(client.query("from(bucket: \"b\")", r -> true)).isTrue();
        assertThat(clients.idleConnectionCount()).isEqualTo(1);
    }

    @Test
    void aQueryCanBeCancelledFromAnotherThreadWithoutHanging() {
        StringBuilder body = new StringBuilder("#datatype,string,long,long\r\n#group,false,false,false\r\n"
                + "#default,_result,,\r\n,result,table,_value\r\n");
        for (int i = 0; i < 1000; i++) {
            body.append(",,0,").append(i).append("\r\n");
        }
        // a slow server: 200 bytes a second, so the reader blocks mid-stream
        server.enqueue(csv(body.toString()).throttleBody(200, 1, TimeUnit.SECONDS));
        Cancellation cancellation = Cancellation.create();
        Thread canceller = new Thread(() -> {
            sleep(300);
            cancellation.cancel();
        });
        long started = System.nanoTime();
        canceller.start();
        assertThatThrownBy(() -> client.query("from(bucket: \"b\")", cancellation, r -> true))
                .isInstanceOf(CancellationException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(clients.connectionCount()).isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anErrorInsideTheCsvBodyIsAValidationError() {
        server.enqueue(csv("#datatype,string,string\r\n#group,true,true\r\n#default,,\r\n,error,reference\r\n"
                + ",runtime error @3:5-3:40: mean: unsupported input type,\r\n"));
        assertThatThrownBy(() -> client.query("from(bucket: \"b\") |> mean()"))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.serverMessage()).hasValue("runtime error @3:5-3:40: mean: unsupported input type");
                });
    }

    @Test
    void listBucketsLooksUpTheOrganizationIdOnce() throws InterruptedException {
        server.enqueue(json(200, InfluxPayloads.ORGS));
        server.enqueue(json(200, InfluxPayloads.BUCKETS));
        server.enqueue(json(200, InfluxPayloads.BUCKETS));
        List<Bucket> buckets = client.listBuckets();
        assertThat(buckets).extracting(Bucket::name).containsExactly("raw_telemetry", "_monitoring");
        assertThat(buckets.get(0).keepsForever()).isTrue();
        assertThat(buckets.get(1).retention()).isEqualTo(Duration.ofDays(7));
        assertThat(buckets.get(1).type()).isEqualTo("system");
        assertThat(buckets.get(0).createdAt()).isEqualTo(Instant.parse("2024-06-01T10:00:00.112233Z"));
        client.listBuckets();

        RecordedRequest orgs = server.takeRequest();
        assertThat(orgs.getRequestUrl().encodedPath()).isEqualTo("/api/v2/orgs");
        assertThat(orgs.getRequestUrl().queryParameter("org")).isEqualTo("ming");
        RecordedRequest list = server.takeRequest();
        assertThat(list.getRequestUrl().encodedPath()).isEqualTo("/api/v2/buckets");
        assertThat(list.getRequestUrl().queryParameter("orgID")).isEqualTo("9a5c1e3ab8d64c4b");
        assertThat(server.takeRequest().getRequestUrl().encodedPath()).isEqualTo("/api/v2/buckets");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void createBucketSendsOrgIdNameAndRetentionRule() throws InterruptedException {
        server.enqueue(json(200, InfluxPayloads.ORGS));
        server.enqueue(json(201, InfluxPayloads.BUCKET_CREATED));
        Bucket created = client.createBucket("sandbox", Duration.ofDays(30));
        assertThat(created.id()).isEqualTo("1b2c3d4e5f607182");
        assertThat(created.retention()).isEqualTo(Duration.ofDays(30));
        server.takeRequest();
        RecordedRequest r = server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getPath()).isEqualTo("/api/v2/buckets");
        JsonNode body = readJson(r);
        assertThat(body.get("orgID").asText()).isEqualTo("9a5c1e3ab8d64c4b");
        assertThat(body.get("name").asText()).isEqualTo("sandbox");
        assertThat(body.get("retentionRules").toString()).isEqualTo("[{\"type\":\"expire\",\"everySeconds\":2592000}]");
    }

    @Test
    void creatingAnExistingBucketIsAValidationError() {
        server.enqueue(json(200, InfluxPayloads.ORGS));
        server.enqueue(json(422, InfluxPayloads.CONFLICT));
        assertThatThrownBy(() -> client.createBucket("sandbox", Duration.ZERO))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.serverMessage()).hasValue("bucket with name sandbox already exists");
                });
    }

    @Test
    void findBucketFiltersByName() throws InterruptedException {
        server.enqueue(json(200, InfluxPayloads.ORGS));
        server.enqueue(json(200, "{\"links\":{},\"buckets\":[" + InfluxPayloads.BUCKET_RAW + "]}"));
        assertThat(client.findBucket("raw_telemetry")).map(Bucket::id).hasValue("0d8d3d2a5c0e4e7f");
        server.takeRequest();
        assertThat(server.takeRequest().getRequestUrl().queryParameter("name")).isEqualTo("raw_telemetry");
    }

    @Test
    void anUnknownOrganizationIsAUserErrorSayingWhatToSet() {
        server.enqueue(json(200, InfluxPayloads.NO_ORGS));
        assertThatThrownBy(client::listBuckets).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.USER);
            assertThat(e.getMessage()).contains("'ming'").contains("INFLUXDB_ORG");
        });
    }

    @Test
    void settingsComeFromTheProjectEnvUnlessGivenExplicitly() throws InterruptedException {
        server.enqueue(new MockResponse().setResponseCode(204));
        try (ClientFactory project = ClientFactory.of(ProjectEndpointConfig.of(Map.of(
                "P4N4_INFLUXDB_URL", server.url("/").toString(), "INFLUXDB_TOKEN", "env-token", "INFLUXDB_ORG", "ming",
                "INFLUXDB_BUCKET", "env-bucket")));
                InfluxClient fromEnv = project.influx().org("explicit-org").build()) {
            fromEnv.writeRecords(List.of("m v=1i"));
            assertThat(fromEnv.toString()).doesNotContain("env-token");
            assertThat(project.influx().toString()).doesNotContain("env-token");
        }
        RecordedRequest r = server.takeRequest();
        assertThat(r.getHeader("Authorization")).isEqualTo("Token env-token");
        assertThat(r.getRequestUrl().queryParameter("org")).isEqualTo("explicit-org");
        assertThat(r.getRequestUrl().queryParameter("bucket")).isEqualTo("env-bucket");
    }

    @Test
    void theSpecsAdminTokenNameIsReadToo() throws InterruptedException {
        server.enqueue(json(200, InfluxPayloads.HEALTH));
        try (ClientFactory project = ClientFactory.of(ProjectEndpointConfig.of(Map.of(
                "P4N4_INFLUXDB_URL", server.url("/").toString(), "INFLUXDB_ADMIN_TOKEN", "admin-token")))) {
            project.influx().build().health();
        }
        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Token admin-token");
    }

    @Test
    void aMissingBucketOrOrgIsAUserErrorBeforeAnyRequest() {
        try (InfluxClient bare = clients.influx().baseUrl(server.url("/").toString()).build()) {
            assertThatThrownBy(() -> bare.writeRecords(List.of("m v=1"))).hasMessageContaining("INFLUXDB_");
        }
        assertThat(server.getRequestCount()).isZero();
    }

    private static JsonNode readJson(RecordedRequest r) {
        try {
            return Json.MAPPER.readTree(r.getBody().readUtf8());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
