package io.p4n4.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.StackId;
import io.p4n4.core.P4n4;
import io.p4n4.core.project.InitOptions;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A static index and its tarballs served by a real HTTP server (the JDK's): pulls, the SHA-256 check, an
 * unreachable registry and the offline cache with its age.
 */
class StaticIndexOverHttpTest {
    @TempDir
    Path tmp;
    private HttpServer server;
    private Path site;
    private Path project;
    private final AtomicInteger tarballRequests = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        site = Files.createDirectories(tmp.resolve("site"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", RegistryFixture.files(site, tarballRequests));
        server.start();
        project = tmp.resolve("proj");
        P4n4.projects().init(InitOptions.of(project, List.of(StackId.IOT)));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI index() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/index.json");
    }

    /** Publishes the fixture as a tarball; the index gives {@code digest}, or the tarball's real one when null. */
    private void publish(String digest) throws Exception {
        Path source = RegistryFixture.write(Files.createDirectories(tmp.resolve("source")), ">=0.1.0");
        Path tarball = RegistryFixture.tarball(source, site.resolve("demo-0.3.0.tar.gz"));
        String sha = digest != null ? digest : RegistryFixture.sha256(tarball);
        Files.writeString(site.resolve("index.json"), RegistryFixture.index("2", "\"repo\": \".\", \"subdir\": \"demo\","
                + " \"tarball\": \"demo-0.3.0.tar.gz\", \"sha256\": \"" + sha + "\","));
    }

    private TemplateRegistry registry(boolean offline, Clock clock) {
        return TemplateRegistry.builder().cacheDirectory(tmp.resolve("cache")).cliVersion("0.2.0")
                .offline(offline).clock(clock).staleAfter(Duration.ofDays(1)).build();
    }

    @Test
    void aTemplateFromATarballIsPulled() throws Exception {
        publish(null);
        TemplateRegistry templates = registry(false, Clock.systemUTC());
        try (PreparedTemplate t = templates.prepare(List.of(index()), "demo")) {
            assertThat(t.descriptor().variables()).extracting(v -> v.name()).containsExactly("DEVICE_TOPIC");
            assertThat(templates.pull(t, project, Map.of(), false).added()).contains(Path.of("README-demo.md"));
        }
        assertThat(tarballRequests).hasValue(1);
        assertThat(project.resolve("README-demo.md")).exists();
    }

    @Test
    void aTamperedTarballIsRefusedAndNothingIsWritten() throws Exception {
        publish("0".repeat(64));
        String manifestBefore = Files.readString(project.resolve(".p4n4.json"));
        String envBefore = Files.readString(project.resolve(".env"));
        assertThatThrownBy(() -> registry(false, Clock.systemUTC()).prepare(List.of(index()), "demo"))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION))
                .hasMessageContaining("SHA-256").hasMessageContaining("0".repeat(64)).hasMessageContaining("refused");
        assertThat(project.resolve("README-demo.md")).doesNotExist();
        assertThat(Files.readString(project.resolve(".p4n4.json"))).isEqualTo(manifestBefore);
        assertThat(Files.readString(project.resolve(".env"))).isEqualTo(envBefore);
        try (var left = Files.list(tmp.resolve("cache"))) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("scratch-")))
                    .as("the download is not left in the cache").isEmpty();
        }
    }

    @Test
    void anUnreachableRegistryIsANetworkErrorWithTheOfflineHint() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closed + "/index.json");
        assertThatThrownBy(() -> registry(false, Clock.systemUTC()).snapshot(nowhere))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NETWORK))
                .hasMessageContaining(nowhere.toString()).hasMessageContaining("--offline");
    }

    @Test
    void offlineUsesTheLastSnapshotAndSaysHowOldItIs() throws Exception {
        publish(null);
        Instant fetched = Instant.parse("2026-12-01T10:00:00Z");
        registry(false, Clock.fixed(fetched, ZoneOffset.UTC)).snapshot(index());
        server.stop(0);

        Clock threeDaysLater = Clock.fixed(fetched.plus(Duration.ofDays(3)), ZoneOffset.UTC);
        assertThatThrownBy(() -> registry(false, threeDaysLater).snapshot(index()))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NETWORK))
                .hasMessageContaining("--offline for the cached snapshot fetched 3 days ago");

        RegistrySnapshot offline = registry(true, threeDaysLater).snapshot(index());
        assertThat(offline.index().find("demo")).isPresent();
        assertThat(offline.fromCache()).isTrue();
        assertThat(offline.stale()).isTrue();
        assertThat(offline.notice()).contains("3 days ago").contains("stale");
    }

    @Test
    void offlineWithoutASnapshotSaysToFetchOnce() {
        assertThatThrownBy(() -> registry(true, Clock.systemUTC()).snapshot(index()))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NETWORK))
                .hasMessageContaining("no cached snapshot");
    }

    @Test
    void anIndexOfTheWrongShapeNamesTheField() throws Exception {
        Files.writeString(site.resolve("index.json"), "{\"org\": \"x\", \"index_version\": \"2\", \"templates\": []}");
        assertThatThrownBy(() -> registry(false, Clock.systemUTC()).snapshot(index()))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION))
                .hasMessageContaining("$.templates");
    }
}
