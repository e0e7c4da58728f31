package io.p4n4.podman.internal;

import static io.p4n4.podman.internal.ScriptedLibpod.json;
import static io.p4n4.podman.internal.ScriptedLibpod.noContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.EngineException;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.engine.ContainerFile;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.EngineConfig;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** createContainer's refusals, platform check and file writing, against a scripted libpod service. */
@Timeout(30)
class PodmanCreateSettingsHttpTest {
    private ScriptedLibpod libpod;
    private PodmanEngine engine;

    @BeforeEach
    void start() throws Exception {
        libpod = new ScriptedLibpod();
        engine = new PodmanEngine(new EngineConfig(libpod.endpoint(), Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() throws Exception {
        engine.close();
        libpod.close();
    }

    @Test
    void unsupportedSettingIsRefusedByNameBeforeAnyRequest() {
        ContainerSpec spec = ContainerSpec.builder("img:1").name("web").domainname("example.org").build();
        assertThatThrownBy(() -> engine.createContainer(spec)).isInstanceOfSatisfying(EngineException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.USER);
            assertThat(e.getMessage()).contains("web", "'domainname'", "remove domainname");
        });
        assertThat(libpod.requests()).isEmpty();
    }

    @Test
    void filesAreWrittenAsATarKeepingTheirOwners() throws Exception {
        libpod.on("POST", "/containers/create", json(201, "{\"Id\":\"abc123\",\"Warnings\":[]}"));
        libpod.on("PUT", "/containers/abc123/archive", noContent());
        ContainerSpec spec = ContainerSpec.builder("img:1").name("web").files(List.of(ContainerFile.of(
                "/run/secrets/db", "pw".getBytes(StandardCharsets.UTF_8), 1000, 1001, 0400))).build();

        assertThat(engine.createContainer(spec)).isEqualTo("abc123");

        RecordedRequest put = libpod.requests("PUT", "/containers/abc123/archive").get(0);
        assertThat(put.getRequestUrl().queryParameter("path")).isEqualTo("/");
        assertThat(put.getRequestUrl().queryParameter("copyUIDGID")).isEqualTo("false");
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new ByteArrayInputStream(put.getBody().readByteArray()))) {
            TarArchiveEntry e = tar.getNextEntry();
            assertThat(e.getName()).isEqualTo("run/secrets/db");
            assertThat(e.getLongUserId()).isEqualTo(1000);
            assertThat(e.getMode() & 07777).isEqualTo(0400);
            assertThat(tar.readAllBytes()).isEqualTo("pw".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aContainerWhoseFilesCannotBeWrittenIsRemoved() {
        libpod.on("POST", "/containers/create", json(201, "{\"Id\":\"abc123\",\"Warnings\":[]}"));
        libpod.on("PUT", "/containers/abc123/archive", json(500, "{\"message\":\"copier: put: disk full\",\"response\":500}"));
        libpod.on("DELETE", "/containers/abc123", json(200, "[{\"Id\":\"abc123\"}]"));
        ContainerSpec spec = ContainerSpec.builder("img:1").name("web").files(List.of(ContainerFile.of(
                "/run/secrets/db", "pw-secret-value".getBytes(StandardCharsets.UTF_8), 0, 0, 0400))).build();

        assertThatThrownBy(() -> engine.createContainer(spec)).isInstanceOf(EngineException.class)
                .hasMessageContaining("disk full").hasMessageNotContaining("pw-secret-value");
        assertThat(libpod.requests("DELETE", "/containers/abc123")).hasSize(1);
    }

    @Test
    void missingInitBinarySaysWhatToInstall() {
        libpod.on("POST", "/containers/create", json(500, "{\"cause\":\"no such file or directory\",\"message\":"
                + "\"container-init binary not found on the host: stat /usr/libexec/podman/catatonit: no such file or "
                + "directory\",\"response\":500}"));
        assertThatThrownBy(() -> engine.createContainer(ContainerSpec.builder("img:1").name("web").init(true).build()))
                .isInstanceOf(EngineException.class).hasMessageContaining("install catatonit")
                .hasMessageContaining("init_path");
    }
}
