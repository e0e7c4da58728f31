package io.p4n4.cli.influx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.cli.MockServiceCliTest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfluxCommandTest extends MockServiceCliTest {
    private static final String CSV = String.join("\r\n",
            "#datatype,string,long,dateTime:RFC3339,double,string,string,string",
            "#group,false,false,false,false,true,true,true",
            "#default,_result,,,,,,",
            ",result,table,_time,_value,_field,_measurement,room",
            ",,0,2024-01-01T10:00:00Z,21.5,temp,air,kitchen",
            ",,0,2024-01-01T11:00:00Z,22,temp,air,kitchen",
            "", "");


    @TempDir
    Path project;

    private void projectEnv() throws Exception {
        Files.writeString(project.resolve(".p4n4.json"), "{}"); // a project: its root .env is read
        Files.writeString(project.resolve(".env"), "P4N4_INFLUXDB_URL=" + server.url("/") + "\nINFLUXDB_TOKEN=tok-from-env\n"
                + "INFLUXDB_ORG=ming\nINFLUXDB_BUCKET=raw_telemetry\n");
    }

    @Test
    void writeSendsTheLinesExactlyAsGivenWithTheProjectsSettings() throws Exception {
        projectEnv();
        server.enqueue(new MockResponse().setResponseCode(204));
        int code = run("--project", project.toString(), "influx", "write",
                "temp,room=kitchen value=21.5 1700000000", "temp,room=hall\\ way value=19i 1700000001", "-p", "s");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("wrote 2 lines to bucket raw_telemetry");
        RecordedRequest r = server.takeRequest();
        assertThat(r.getRequestUrl().encodedPath()).isEqualTo("/api/v2/write");
        assertThat(r.getRequestUrl().queryParameter("bucket")).isEqualTo("raw_telemetry");
        assertThat(r.getRequestUrl().queryParameter("org")).isEqualTo("ming");
        assertThat(r.getRequestUrl().queryParameter("precision")).isEqualTo("s");
        assertThat(r.getHeader("Authorization")).isEqualTo("Token tok-from-env");
        assertThat(r.getBody().readUtf8())
                .isEqualTo("temp,room=kitchen value=21.5 1700000000\ntemp,room=hall\\ way value=19i 1700000001\n");
    }

    @Test
    void optionsOverrideTheProjectsEnv() throws Exception {
        projectEnv();
        server.enqueue(new MockResponse().setResponseCode(204));
        int code = run("--project", project.toString(), "influx", "write", "--bucket", "sandbox", "--org", "other",
                "--token", "tok-from-cli", "--url", server.url("/").toString(), "m v=1i");
        assertThat(code).as(err.toString()).isZero();
        RecordedRequest r = server.takeRequest();
        assertThat(r.getRequestUrl().queryParameter("bucket")).isEqualTo("sandbox");
        assertThat(r.getRequestUrl().queryParameter("org")).isEqualTo("other");
        assertThat(r.getHeader("Authorization")).isEqualTo("Token tok-from-cli");
    }

    @Test
    void queryPrintsOneAlignedTablePerResultTable() throws Exception {
        projectEnv();
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/csv; charset=utf-8").setBody(CSV));
        int code = run("--project", project.toString(), "influx", "query", "from(bucket: \"raw_telemetry\") |> range(start: -1d)");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Table 0:")
                .contains("_time                 _value  _field  _measurement  room")
                .contains("2024-01-01T10:00:00Z  21.5    temp    air           kitchen")
                .contains("2024-01-01T11:00:00Z  22.0    temp    air           kitchen");
        RecordedRequest r = server.takeRequest();
        assertThat(r.getRequestUrl().encodedPath()).isEqualTo("/api/v2/query");
        assertThat(r.getBody().readUtf8()).contains("\"query\":\"from(bucket: \\\"raw_telemetry\\\") |> range(start: -1d)\"");
    }

    @Test
    void queryPrintsTypedJsonRecords() throws Exception {
        projectEnv();
        server.enqueue(new MockResponse().setBody(CSV));
        int code = run("--project", project.toString(), "--json", "influx", "query", "from(bucket: \"b\")");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("{\"result\": \"_result\", \"table\": 0, \"_time\": \"2024-01-01T10:00:00Z\","
                + " \"_value\": 21.5, \"_field\": \"temp\", \"_measurement\": \"air\", \"room\": \"kitchen\"}");
    }

    @Test
    void anUnreachableInfluxExitsWithFour() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        int code = run("--project", project.toString(), "influx", "write", "--url", "http://127.0.0.1:" + port,
                "--org", "ming", "--bucket", "b", "--token", "secret-token-value", "m v=1i");
        assertThat(code).isEqualTo(4);
        assertThat(err.toString()).contains("127.0.0.1:" + port).doesNotContain("secret-token-value");
    }

    @Test
    void aRejectedLineExitsWithFiveAndShowsInfluxMessage() throws Exception {
        projectEnv();
        server.enqueue(new MockResponse().setResponseCode(400)
                .setBody("{\"code\":\"invalid\",\"message\":\"unable to parse 'temp value=': missing field value\"}"));
        int code = run("--project", project.toString(), "influx", "write", "temp value=");
        assertThat(code).isEqualTo(5);
        assertThat(err.toString()).contains("missing field value");
    }

    @Test
    void aMissingBucketIsAUserError() throws Exception {
        int code = run("--project", project.toString(), "influx", "write", "--url", server.url("/").toString(),
                "--org", "ming", "m v=1i");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--bucket");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void writeAndRawQueryWithJsonPrintDocuments() throws Exception {
        projectEnv();
        server.enqueue(new MockResponse().setResponseCode(204));
        server.enqueue(new MockResponse().setBody(CSV));

        assertThat(run("--project", project.toString(), "--json", "influx", "write", "m,tag=\"x\" v=1i", "m v=2i"))
                .as(err.toString()).isZero();
        JsonNode written = new ObjectMapper().readTree(out.toString());
        assertThat(written.get("bucket").asText()).isEqualTo("raw_telemetry");
        assertThat(written.get("lines").asInt()).isEqualTo(2);

        out.getBuffer().setLength(0);
        assertThat(run("--project", project.toString(), "--json", "influx", "query", "--raw", "from(bucket: \"b\")"))
                .as(err.toString()).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("annotated_csv").asText()).isEqualTo(CSV);
    }
}
