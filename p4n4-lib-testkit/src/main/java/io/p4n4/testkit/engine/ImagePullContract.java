package io.p4n4.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.p4n4.api.EngineException;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.api.engine.PullProgress;
import io.p4n4.api.registry.RegistryCredentialStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real pulls from the local registries of {@code scripts/engines.sh start}: per-layer progress with bytes,
 * errors naming the image, and registry credentials from the Docker config file and Podman's auth file against
 * the htpasswd registry. Backends extend it; skipped when the registries are not running.
 */
public abstract class ImagePullContract extends EngineContractSupport {
    /** 128 MB of random bytes in one layer: Podman reports a layer's bytes about once a second. */
    private static final long BIG_LAYER = 128L * 1024 * 1024;
    private String registry;
    private String authRegistry;

    /** Creates the engine under test with pulls taking their credentials from {@code credentials}. */
    protected abstract ContainerEngine createEngine(EngineConfig config, RegistryCredentialStore credentials);

    /**
     * Whether the engine reports a layer's bytes however fast it downloads (Docker does); Podman reports them
     * once a second, so a layer that arrives sooner from a loopback registry comes with its phases only.
     */
    protected boolean reportsBytesOfEveryDownload() {
        return true;
    }

    @Override
    protected final ContainerEngine createEngine(EngineConfig config) {
        return createEngine(config, RegistryCredentialStore.none());
    }

    @BeforeAll
    void findRegistries() {
        registry = TestRegistries.open().orElse(null);
        authRegistry = TestRegistries.withAuth().orElse(null);
        assumeTrue(registry != null && authRegistry != null, "pull tests skipped: P4N4_TEST_REGISTRY and"
                + " P4N4_TEST_AUTH_REGISTRY are not set; run scripts/engines.sh start");
    }

    @Test
    void pullReportsEachLayerWithItsBytesAndLeavesTheImagePresent() {
        String image = registry + "/p4n4/layers:1";
        TestRegistries.removeLocalImage(engineId(), image);
        List<PullProgress> events = new CopyOnWriteArrayList<>();
        try {
            engine.pullImage(image, events::add);
            assertThat(engine.imageExists(image)).isTrue();
            assertThat(events).allSatisfy(p -> assertThat(p.image()).isEqualTo(image));
            assertThat(events).filteredOn(p -> p.layer().matches("[0-9a-f]{12}"))
                    .extracting(PullProgress::status).contains("Pulling fs layer", "Download complete");
            // the big layer's download, with its bytes: done so far and the layer's size
            List<PullProgress> downloading = events.stream().filter(p -> p.status().equals("Downloading")).toList();
            if (downloading.isEmpty() && !reportsBytesOfEveryDownload()) {
                return; // the download took less than the engine's reporting interval: it sent no byte counts
            }
            assertThat(downloading)
                    .anySatisfy(p -> {
                        assertThat(p.layer()).matches("[0-9a-f]{12}");
                        assertThat(p.total()).isGreaterThanOrEqualTo(BIG_LAYER);
                        assertThat(p.current()).isPositive().isLessThanOrEqualTo(p.total());
                    });
        } finally {
            TestRegistries.removeLocalImage(engineId(), image);
        }
    }

    @Test
    void pullOfAnUnknownTagIsAnEngineErrorNamingTheImage() {
        String image = registry + "/p4n4/busybox:no-such-tag-" + run;
        assertThatThrownBy(() -> engine.pullImage(image, p -> { }))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.ENGINE);
                    assertThat(e.resource()).contains(image);
                    assertThat(e.getMessage()).contains(image).contains(engineId());
                });
        assertThat(engine.imageExists(image)).isFalse();
    }

    @Test
    void pullFromAnUnreachableRegistryIsAnEngineErrorNamingTheImage() {
        String image = "127.0.0.1:9/p4n4/busybox:1"; // the discard port: nothing listens
        assertThatThrownBy(() -> engine.pullImage(image, p -> { }))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.ENGINE);
                    assertThat(e.getMessage()).contains(image);
                });
    }

    @Test
    void pullsFromTheAuthRegistryWithTheDockerConfigFilesCredentials(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("docker");
        writeAuths(config.resolve("config.json"), TestRegistries.user(), TestRegistries.password());
        RegistryCredentialStore store = RegistryCredentialStore.of(Map.of("DOCKER_CONFIG", config.toString()),
                dir.resolve("home"), RegistryCredentialStore.Order.DOCKER_CONFIG_FIRST);
        assertPullsPrivateImage(store);
    }

    @Test
    void pullsFromTheAuthRegistryWithPodmansAuthFile(@TempDir Path dir) throws IOException {
        Path authFile = dir.resolve("auth.json");
        writeAuths(authFile, TestRegistries.user(), TestRegistries.password());
        RegistryCredentialStore store = RegistryCredentialStore.of(Map.of("REGISTRY_AUTH_FILE", authFile.toString()),
                dir.resolve("home"), RegistryCredentialStore.Order.PODMAN_AUTH_FILE_FIRST);
        assertPullsPrivateImage(store);
    }

    @Test
    void pullFromTheAuthRegistryWithoutCredentialsIsAUserErrorNamingTheRegistry(@TempDir Path dir) {
        RegistryCredentialStore store = RegistryCredentialStore.of(Map.of(), dir, RegistryCredentialStore.Order.DOCKER_CONFIG_FIRST);
        String image = authRegistry + "/p4n4/private:1";
        try (ContainerEngine anonymous = createEngine(config(), store)) {
            assertThatThrownBy(() -> anonymous.pullImage(image, p -> { }))
                    .isInstanceOfSatisfying(EngineException.class, e -> {
                        assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.USER);
                        assertThat(e.getMessage()).contains("registry " + authRegistry).contains(image)
                                .contains("login");
                    });
        }
    }

    @Test
    void pullWithAWrongPasswordIsAUserErrorNamingTheRegistryNeverThePassword(@TempDir Path dir) throws IOException {
        String wrong = "wrong-" + run + "-secret";
        Path config = dir.resolve("docker");
        writeAuths(config.resolve("config.json"), TestRegistries.user(), wrong);
        RegistryCredentialStore store = RegistryCredentialStore.of(Map.of("DOCKER_CONFIG", config.toString()),
                dir.resolve("home"), RegistryCredentialStore.Order.DOCKER_CONFIG_FIRST);
        assertThat(store.find(authRegistry).orElseThrow().toString()).doesNotContain(wrong);
        String image = authRegistry + "/p4n4/private:1";
        try (ContainerEngine refused = createEngine(config(), store)) {
            assertThatThrownBy(() -> refused.pullImage(image, p -> { }))
                    .isInstanceOfSatisfying(EngineException.class, e -> {
                        assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.USER);
                        assertThat(e.getMessage()).contains("registry " + authRegistry)
                                .contains(config.resolve("config.json").toString()).doesNotContain(wrong);
                        assertThat(e.toString()).doesNotContain(wrong);
                    });
        }
    }

    private void assertPullsPrivateImage(RegistryCredentialStore store) {
        String image = authRegistry + "/p4n4/private:1";
        TestRegistries.removeLocalImage(engineId(), image);
        try (ContainerEngine withCredentials = createEngine(config(), store)) {
            withCredentials.pullImage(image, p -> { });
            assertThat(withCredentials.imageExists(image)).isTrue();
        } finally {
            TestRegistries.removeLocalImage(engineId(), image);
        }
    }

    private void writeAuths(Path file, String user, String password) throws IOException {
        Files.createDirectories(file.getParent());
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Files.writeString(file, "{\"auths\": {\"" + authRegistry + "\": {\"auth\": \"" + auth + "\"}}}");
    }

    private EngineConfig config() {
        return EngineConfig.parse(TestEndpoints.find(endpointVariable()).orElseThrow());
    }
}
