package io.p4n4.it.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.engine.EngineDiscovery;
import io.p4n4.core.P4n4;
import io.p4n4.core.doctor.Doctor;
import io.p4n4.core.doctor.DoctorReport;
import io.p4n4.core.doctor.Finding;
import io.p4n4.core.doctor.Finding.Status;
import io.p4n4.core.project.InitOptions;
import io.p4n4.core.project.Project;
import io.p4n4.docker.DockerEngineProvider;
import io.p4n4.podman.PodmanEngineProvider;
import io.p4n4.testkit.engine.TestEngines;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor on the real engines and services: every candidate with what answered or why not, the engine's
 * version, the project's ports (free, taken by something else), {@code .env} permissions, and real NATS and
 * Mosquitto reached over plain sockets; and what it says when nothing answers.
 */
@Tag("engine")
class DoctorOnEnginesTest {
    private static final URI NO_SOCKET = URI.create("unix:///nonexistent/p4n4-doctor/docker.sock");

    @TempDir
    Path tmp;

    private static URI service(String variable) {
        String url = System.getenv(variable);
        Assumptions.assumeTrue(url != null && !url.isBlank(), variable + " is not set; run scripts/services.sh start"
                + " and load /tmp/p4n4-it/services.env");
        return URI.create(url);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static List<Finding> about(DoctorReport r, String check) {
        return r.findings().stream().filter(f -> f.check().equals(check)).toList();
    }

    @Test
    void reportsEveryCandidateTheProjectsPortsAndTheServicesItReaches() throws Exception {
        String podman = TestEngines.requireEndpoint(TestEngines.endpointVariable("podman"));
        URI nats = service("P4N4_TEST_NATS_URL");
        URI mqtt = service("P4N4_TEST_MQTT_URL");
        Project project = P4n4.projects().init(InitOptions.of(tmp.resolve("doc"), List.of(StackId.IOT)));
        Path compose = project.composeFile(StackId.IOT);
        int free = freePort();
        int taken = freePort();
        String text = Files.readString(compose).replace("\"1883:1883\"", "\"" + free + ":1883\"")
                .replace("\"9001:9001\"", "\"" + taken + ":9001\"").replace("\"8086:8086\"", "\"" + freePort() + ":8086\"")
                .replace("\"1880:1880\"", "\"" + freePort() + ":1880\"").replace("\"3000:3000\"", "\"" + freePort() + ":3000\"");
        Files.writeString(compose, text);
        Files.setPosixFilePermissions(project.directory().resolve(".env"), PosixFilePermissions.fromString("rw-r--r--"));
        DoctorReport report;
        try (ServerSocket squatter = new ServerSocket(taken)) {
            assertThat(squatter.isBound()).isTrue();
            report = Doctor.builder(EngineDiscovery.builder().serviceLoader(false)
                            .engine(new DockerEngineProvider(), NO_SOCKET)
                            .engine(new PodmanEngineProvider(), URI.create(podman)).build())
                    .project(project).nats(nats).mqtt(mqtt).timeout(Duration.ofSeconds(5)).build().run();
        }
        List<Finding> candidates = about(report, "engine candidate");
        assertThat(candidates).hasSize(2);
        assertThat(candidates.get(0).status()).isEqualTo(Status.INFO);
        assertThat(candidates.get(0).detail()).contains("docker at " + NO_SOCKET).contains("no socket at");
        assertThat(candidates.get(1).status()).isEqualTo(Status.OK);
        assertThat(candidates.get(1).detail()).contains("podman at " + podman).contains("OK, ");
        assertThat(about(report, "engine")).extracting(Finding::detail)
                .anySatisfy(d -> assertThat(d).startsWith("engine podman ").contains(": supported (>=4.0)"));
        assertThat(about(report, "port " + free + "/tcp")).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.OK);
            assertThat(f.detail()).isEqualTo("free (doc-iot mosquitto)");
        });
        assertThat(about(report, "port " + taken + "/tcp")).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.WARNING);
            assertThat(f.detail()).contains("taken on this machine by something other than this project");
            assertThat(f.hint()).contains("ss -ltnp");
        });
        assertThat(about(report, ".env")).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.WARNING);
            assertThat(f.detail()).contains("rw-r--r--");
            assertThat(f.hint()).isEqualTo("chmod 600 " + project.directory().resolve(".env"));
        });
        assertThat(about(report, "nats")).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.OK);
            assertThat(f.detail()).startsWith("nats-server 2.");
        });
        assertThat(about(report, "mqtt")).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.OK);
            assertThat(f.detail()).contains("accepted an anonymous CONNECT (CONNACK 0)");
        });
        assertThat(report.worst()).isEqualTo(Status.WARNING);
        assertThat(report.errorCode()).isEqualTo(ErrorCode.OK);
    }

    @Test
    void withoutAnyEngineTheWorstFindingIsEngineAndUnreachableServicesAreNetwork() throws Exception {
        URI nats = service("P4N4_TEST_NATS_URL");
        int closed = freePort();
        DoctorReport report = Doctor.builder(EngineDiscovery.builder().serviceLoader(false)
                        .engine(new DockerEngineProvider(), NO_SOCKET).build())
                .nats(URI.create("nats://127.0.0.1:" + closed)).mqtt(nats) // NATS is no MQTT broker
                .timeout(Duration.ofSeconds(3)).build().run();
        assertThat(about(report, "engine")).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(ErrorCode.ENGINE);
            assertThat(f.detail()).isEqualTo("no container engine answered (1 candidate(s) tried, listed above)");
            assertThat(f.hint()).contains("--host");
        });
        assertThat(about(report, "nats")).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(ErrorCode.NETWORK);
            assertThat(f.detail()).startsWith("no NATS server at 127.0.0.1:" + closed);
        });
        assertThat(about(report, "mqtt")).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(ErrorCode.NETWORK);
            assertThat(f.detail()).contains("but not with an MQTT CONNACK");
        });
        assertThat(about(report, "project")).singleElement().extracting(Finding::status).isEqualTo(Status.INFO);
        assertThat(report.errorCode()).isEqualTo(ErrorCode.ENGINE);
        assertThat(report.worst()).isEqualTo(Status.ERROR);
    }

    @Test
    void withoutAProjectTheEngineVersionAndP4n4NetAreReported() {
        String docker = TestEngines.requireEndpoint(TestEngines.endpointVariable("docker"));
        DoctorReport report = Doctor.builder(EngineDiscovery.builder().engineId("docker").endpoint(docker).build())
                .build().run();
        assertThat(about(report, "engine version")).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.OK);
            assertThat(f.detail()).startsWith("docker 20.").endsWith(" is supported (>=20.10)");
        });
        // present or absent depending on other tests' demos; never an error with the right subnet
        assertThat(about(report, "p4n4-net")).singleElement()
                .satisfies(f -> assertThat(f.status()).isIn(Status.OK, Status.INFO));
        assertThat(report.errorCode()).isEqualTo(ErrorCode.OK);
    }
}
