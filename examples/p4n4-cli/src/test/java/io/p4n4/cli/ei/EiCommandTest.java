package io.p4n4.cli.ei;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.cli.MockServiceCliTest;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EiCommandTest extends MockServiceCliTest {
    @TempDir
    Path dir;

    @Test
    void infoPrintsProjectAndModel() {
        server.enqueue(new MockResponse().setBody("""
                {"project":{"deploy_version":12,"id":254315,"name":"p4n4 vibration","owner":"p4n4"},"modelParameters":{"has_anomaly":0,"input_features_count":375,"labels":["idle","fault"],"model_type":"classification"}}"""));
        int code = run("ei", "info", "--url", server.url("/").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("p4n4 vibration (id 254315").contains("classification")
                .contains("idle, fault").contains("375");
    }

    @Test
    void inferPrintsLabelsRankedByConfidence() throws Exception {
        Path image = dir.resolve("frame.png");
        Files.write(image, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        server.enqueue(new MockResponse().setBody("""
                {"result":{"classification":{"idle":0.05,"fault":0.80,"normal":0.15}},"timing":{"dsp":1,"classification":12,"anomaly":0}}"""));
        int code = run("ei", "infer", image.toString(), "--url", server.url("/").toString());
        assertThat(code).as(err.toString()).isZero();
        String[] lines = out.toString().split("\\R");
        assertThat(lines[0]).startsWith("fault").contains("80.00%");
        assertThat(lines[1]).startsWith("normal");
        assertThat(lines[2]).startsWith("idle");
        assertThat(server.takeRequest().getPath()).isEqualTo("/api/image");
    }

    @Test
    void inferPrintsBoxesWithTheirFractionalCoordinates() throws Exception {
        Path image = dir.resolve("frame.jpg");
        Files.write(image, new byte[] {(byte) 0xFF, (byte) 0xD8});
        server.enqueue(new MockResponse().setBody("""
                {"result":{"bounding_boxes":[{"label":"person","value":0.91,"x":106.66666666666667,"y":40.5,"width":53.333333333333336,"height":80}]},"timing":{"dsp":3,"classification":41,"anomaly":0}}"""));
        int code = run("ei", "infer", image.toString(), "--url", server.url("/").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("person").contains("91.00%  x=106.7 y=40.5 w=53.3 h=80.0");
    }

    @Test
    void inferJsonOutput() throws Exception {
        Path image = dir.resolve("frame.jpg");
        Files.write(image, new byte[] {1, 2});
        server.enqueue(new MockResponse().setBody("""
                {"result":{"classification":{"a":0.3,"b":0.7}},"timing":{"dsp":1,"classification":2,"anomaly":0}}"""));
        int code = run("--json", "ei", "infer", image.toString(), "--url", server.url("/").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"label\" : \"b\"").contains("\"confidence\" : 0.7");
    }

    @Test
    void unreachableRunnerExitsWithNetworkCode() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int code = run("ei", "info", "--url", "http://127.0.0.1:" + port);
        assertThat(code).isEqualTo(4);
        assertThat(err.toString()).contains("edge-impulse-runner").contains("connection refused");
    }

    @Test
    void missingSampleFileExitsWithUserCode() {
        int code = run("ei", "infer", dir.resolve("none.csv").toString(), "--url", server.url("/").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("none.csv");
    }

    @Test
    void infoJsonOutput() throws Exception {
        server.enqueue(new MockResponse().setBody("""
                {"project":{"deploy_version":12,"id":254315,"name":"p4n4 vibration","owner":"p4n4"},"modelParameters":{"has_anomaly":0,"input_features_count":375,"labels":["idle","fault"],"model_type":"classification"}}"""));
        assertThat(run("--json", "ei", "info", "--url", server.url("/").toString())).as(err.toString()).isZero();
        JsonNode info = new ObjectMapper().readTree(out.toString());
        assertThat(info.get("projectName").asText()).isEqualTo("p4n4 vibration");
        assertThat(info.get("labels").toString()).isEqualTo("[\"idle\",\"fault\"]");
    }
}
