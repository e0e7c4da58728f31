package io.p4n4.clients.internal.edgeimpulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.ServiceException;
import io.p4n4.api.clients.RetryPolicy;
import io.p4n4.api.clients.edgeimpulse.BoundingBox;
import io.p4n4.api.clients.edgeimpulse.Classification;
import io.p4n4.api.clients.edgeimpulse.EdgeImpulseClient;
import io.p4n4.api.clients.edgeimpulse.InferenceResult;
import io.p4n4.api.clients.edgeimpulse.RunnerInfo;
import io.p4n4.clients.internal.http.HttpService;
import io.p4n4.clients.testing.LeakCheckedServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Payloads follow edge-impulse-linux-cli's runner HTTP server (linux-impulse-runner-types:
 * RunnerClassifyResponseSuccess, /api/info), the p4n4 spec's /api/v1/infer contract, and the upstream
 * p4n4 runner's /health.
 */
@Timeout(20)
class EdgeImpulseClientTest {
    static final String INFO = """
            {"project":{"deploy_version":12,"id":254315,"name":"p4n4 vibration","owner":"p4n4"},"modelParameters":{"axis_count":3,"frequency":62.5,"has_anomaly":1,"input_features_count":375,"image_input_height":0,"image_input_width":0,"image_input_frames":0,"image_channel_count":0,"interval_ms":16,"label_count":3,"labels":["idle","normal","fault"],"model_type":"classification","sensorType":"accelerometer","thresholds":[]}}""";
    static final String CLASSIFY = """
            {"result":{"classification":{"idle":0.015625,"normal":0.1171875,"fault":0.8671875},"anomaly":0.42},"timing":{"dsp":1,"classification":2,"anomaly":0,"postprocessing":0}}""";
    static final String DETECT = """
            {"result":{"bounding_boxes":[{"label":"person","value":0.91,"x":104,"y":40,"width":64,"height":128},{"label":"forklift","value":0.67,"x":300,"y":220,"width":180,"height":90}]},"timing":{"dsp":3,"classification":41,"anomaly":0},"resizeMode":"fit-shortest","resized":{"originalWidth":640,"originalHeight":480,"newWidth":320,"newHeight":320}}""";

    /** /api/image maps boxes from the 96x96 model input back to a 320x240 image: the runner sends fractions. */
    static final String DETECT_SCALED = """
            {"result":{"bounding_boxes":[{"label":"person","value":0.91,"x":106.66666666666667,"y":40.5,"width":53.333333333333336,"height":80}]},"timing":{"dsp":3,"classification":41,"anomaly":0},"resizeMode":"squash","resized":{"originalWidth":320,"originalHeight":240,"newWidth":96,"newHeight":96}}""";

    @TempDir
    Path dir;

    private final LeakCheckedServer mock = new LeakCheckedServer();

    @AfterEach
    void close() {
        mock.close();
    }

    private EdgeImpulseClient client() {
        return new HttpEdgeImpulseClient(HttpService.builder("edge-impulse-runner", mock.client).baseUrl(mock.url())
                .retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofSeconds(2)).build());
    }

    @Test
    void infoFromTheRealRunner() throws Exception {
        mock.server.enqueue(new MockResponse().setBody(INFO));
        RunnerInfo info = client().info();
        assertThat(info.endpoint()).isEqualTo("/api/info");
        assertThat(info.projectName()).isEqualTo("p4n4 vibration");
        assertThat(info.projectId()).isEqualTo(254315);
        assertThat(info.deployVersion()).isEqualTo(12);
        assertThat(info.modelType()).isEqualTo("classification");
        assertThat(info.labels()).containsExactly("idle", "normal", "fault");
        assertThat(info.inputFeaturesCount()).isEqualTo(375);
        assertThat(info.hasAnomaly()).isTrue();
        assertThat(mock.server.takeRequest().getPath()).isEqualTo("/api/info");
    }

    @Test
    void infoFallsBackToTheP4n4ContractAndThenToHealth() throws Exception {
        mock.server.enqueue(new MockResponse().setResponseCode(404).setBody("Not found"));
        mock.server.enqueue(new MockResponse().setResponseCode(404));
        mock.server.enqueue(new MockResponse().setBody("""
                {
                  "status": "ok",
                  "mode": "model",
                  "model_file": "/models/model.eim",
                  "inference_count": 17,
                  "last_inference_at": "2025-01-15T10:00:00+00:00",
                  "mqtt_connected": true,
                  "influxdb_ok": true,
                  "started_at": "2025-01-15T09:00:00+00:00"
                }"""));
        RunnerInfo info = client().info();
        assertThat(info.endpoint()).isEqualTo("/health");
        assertThat(info.status()).isEqualTo("ok");
        assertThat(info.modelFile()).isEqualTo("/models/model.eim");
        assertThat(info.raw()).containsEntry("inference_count", 17);
        assertThat(mock.server.takeRequest().getPath()).isEqualTo("/api/info");
        assertThat(mock.server.takeRequest().getPath()).isEqualTo("/api/v1/info");
        assertThat(mock.server.takeRequest().getPath()).isEqualTo("/health");
    }

    @Test
    void classifyRanksLabelsAndReadsAnomalyAndTiming() throws Exception {
        mock.server.enqueue(new MockResponse().setBody(CLASSIFY));
        InferenceResult r = client().classify(List.of(0.1, -2.5, 3.0));
        assertThat(r.classification()).containsExactly(new Classification("fault", 0.8671875),
                new Classification("normal", 0.1171875), new Classification("idle", 0.015625));
        assertThat(r.top().orElseThrow().label()).isEqualTo("fault");
        assertThat(r.anomaly()).hasValue(0.42);
        assertThat(r.timing().total()).isEqualTo(3.0);
        RecordedRequest req = mock.server.takeRequest();
        assertThat(req.getPath()).isEqualTo("/api/features");
        assertThat(req.getBody().readUtf8()).isEqualTo("{\"features\":[0.1,-2.5,3.0]}");
    }

    @Test
    void wrongFeatureCountIsValidationErrorWithTheRunnersText() {
        mock.server.enqueue(new MockResponse().setResponseCode(400).setHeader("Content-Type", "text/plain")
                .setBody("Invalid number of features, expected 375 but got 3"));
        assertThatThrownBy(() -> client().classify(List.of(1.0, 2.0, 3.0)))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.serverMessage()).hasValue("Invalid number of features, expected 375 but got 3");
                });
    }

    @Test
    void boxCoordinatesKeepTheirFractions() throws Exception {
        Path image = dir.resolve("frame.jpg");
        Files.write(image, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00});
        mock.server.enqueue(new MockResponse().setBody(DETECT_SCALED));
        InferenceResult r = client().infer(image);
        assertThat(r.boundingBoxes()).containsExactly(new BoundingBox("person", 0.91, 106.66666666666667, 40.5,
                53.333333333333336, 80));
    }

    @Test
    void imageGoesToApiImageAsMultipartFileAndReturnsBoxes() throws Exception {
        Path image = dir.resolve("frame.jpg");
        Files.write(image, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00});
        mock.server.enqueue(new MockResponse().setBody(DETECT));
        InferenceResult r = client().infer(image);
        assertThat(r.boundingBoxes()).containsExactly(new BoundingBox("person", 0.91, 104, 40, 64, 128),
                new BoundingBox("forklift", 0.67, 300, 220, 180, 90));
        assertThat(r.classification()).isEmpty();
        assertThat(r.anomaly()).isEmpty();
        RecordedRequest req = mock.server.takeRequest();
        assertThat(req.getPath()).isEqualTo("/api/image");
        assertThat(req.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        String body = req.getBody().readString(StandardCharsets.ISO_8859_1);
        assertThat(body).contains("Content-Disposition: form-data; name=\"file\"; filename=\"frame.jpg\"")
                .contains("Content-Type: image/jpeg");
    }

    @Test
    void sampleGoesToTheP4n4ContractAndFallsBackToFeatures() throws Exception {
        Path csv = dir.resolve("sample.csv");
        Files.writeString(csv, "accX,accY,accZ\n0.5,1.5,-9.8\n0.6,1.4,-9.7\n");
        mock.server.enqueue(new MockResponse().setResponseCode(404).setBody("Cannot POST /api/v1/infer"));
        mock.server.enqueue(new MockResponse().setBody(CLASSIFY));
        InferenceResult r = client().infer(csv);
        assertThat(r.top().orElseThrow().label()).isEqualTo("fault");
        RecordedRequest contract = mock.server.takeRequest();
        assertThat(contract.getPath()).isEqualTo("/api/v1/infer");
        assertThat(contract.getBody().readUtf8()).contains("name=\"file\"; filename=\"sample.csv\"");
        RecordedRequest features = mock.server.takeRequest();
        assertThat(features.getPath()).isEqualTo("/api/features");
        assertThat(features.getBody().readUtf8()).isEqualTo("{\"features\":[0.5,1.5,-9.8,0.6,1.4,-9.7]}");
    }

    @Test
    void p4n4ContractAnswerIsRead() throws Exception {
        Path csv = dir.resolve("s.csv");
        Files.writeString(csv, "1,2,3\n");
        mock.server.enqueue(new MockResponse().setBody("""
                {"result":{"classification":{"normal":0.2,"fault":0.8}},"timing":{"dsp":4,"classification":9,"anomaly":0}}"""));
        InferenceResult r = client().infer(csv);
        assertThat(r.classification()).extracting(Classification::label).containsExactly("fault", "normal");
        assertThat(r.timing().classification()).isEqualTo(9);
        assertThat(mock.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void missingFileIsUserErrorNamingIt() {
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> client().infer(missing)).isInstanceOfSatisfying(P4n4Exception.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.USER);
            assertThat(e.getMessage()).contains("nope.csv");
        });
        assertThat(mock.server.getRequestCount()).isZero();
    }

    @Test
    void notARunnerGivesNetworkErrorForMalformedJson() {
        mock.server.enqueue(new MockResponse().setBody("<!doctype html><title>Node-RED</title>"));
        assertThatThrownBy(() -> client().info()).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
            assertThat(e.getMessage()).contains("edge-impulse-runner GET").contains("/api/info");
        });
    }
}
