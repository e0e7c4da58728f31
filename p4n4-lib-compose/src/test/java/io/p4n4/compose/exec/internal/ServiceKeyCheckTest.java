package io.p4n4.compose.exec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.LoadOptions;
import io.p4n4.compose.exec.ServiceKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refused keys fail by name before anything is created; ignored ones are reported; defaults pass. */
class ServiceKeyCheckTest {
    @TempDir
    Path dir;

    private ComposeProject load(String appKeys) throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, "services:\n  app:\n    image: busybox\n" + appKeys);
        return ComposeLoader.load(LoadOptions.builder().file(file).projectName("demo").environment(Map.of()).build());
    }

    @Test
    void aRefusedKeyFailsNamingTheServiceTheKeyAndWhatToDo() throws IOException {
        ComposeProject p = load("    tty: true\n");

        assertThatThrownBy(() -> ContainerSpecs.requireSupported(p, p.service("app")))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("service app of project demo").hasMessageContaining("tty (")
                .hasMessageContaining("remove tty");
    }

    @Test
    void everyRefusedKeyOfTheServiceIsNamedInOneMessage() throws IOException {
        ComposeProject p = load("    runtime: runsc\n    cpu_quota: 50000\n    deploy:\n      resources:\n"
                + "        reservations:\n          devices:\n            - capabilities: [gpu]\n");

        assertThatThrownBy(() -> ContainerSpecs.requireSupported(p, p.service("app")))
                .hasMessageContaining("runtime (").hasMessageContaining("cpu_quota (")
                .hasMessageContaining("deploy.resources.reservations.devices (");
    }

    @Test
    void keysThatAskForTheDefaultPass() throws IOException {
        ComposeProject p = load("    tty: false\n    stdin_open: false\n    cpu_count: 0\n    annotations: {}\n");

        assertThatCode(() -> ContainerSpecs.requireSupported(p, p.service("app"))).doesNotThrowAnyException();
    }

    @Test
    void ignoredKeysAreReportedNotRefused() throws IOException {
        ComposeProject p = load("""
                    deploy:
                      mode: replicated
                      placement:
                        constraints: [node.role == manager]
                      update_config:
                        parallelism: 2
                      resources:
                        reservations:
                          cpus: '0.5'
                """);

        assertThatCode(() -> ContainerSpecs.requireSupported(p, p.service("app"))).doesNotThrowAnyException();
        assertThat(ServiceKeyCheck.ignored(p.service("app"))).extracting(ServiceKey::path)
                .containsExactly("deploy.resources.reservations.cpus", "deploy.placement", "deploy.update_config");
    }

    @Test
    void aGlobalDeployModeWarnsButReplicatedIsWhatALocalEngineDoes() throws IOException {
        assertThat(ServiceKeyCheck.ignored(load("    deploy:\n      mode: global\n").service("app")))
                .extracting(ServiceKey::path).containsExactly("deploy.mode");
    }

    @Test
    void anExternalLinkIsRefusedWithWhatToDo() throws IOException {
        ComposeProject p = load("    external_links: [\"legacy_db:db\"]\n");

        assertThatThrownBy(() -> ContainerSpecs.requireSupported(p, p.service("app")))
                .hasMessageContaining("external_links (").hasMessageContaining("external network");
    }

    @Test
    void keysInsideEntriesAreRefusedByTheirPathWhateverTheSyntax() throws IOException {
        ComposeProject p = load("""
                    volumes:
                      - type: volume
                        source: cache
                        target: /cache
                        volume:
                          subpath: sub
                    networks:
                      default:
                        priority: 10
                    depends_on:
                      db:
                        condition: service_started
                        restart: true
                  db:
                    image: busybox
                volumes:
                  cache: {}
                """);

        assertThatThrownBy(() -> ContainerSpecs.requireSupported(p, p.service("app")))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("volumes[].volume.subpath (")
                .hasMessageContaining("networks.*.priority (").hasMessageContaining("depends_on.*.restart (");
    }

    @Test
    void entryKeysThatAskForWhatHappensAnywayPass() throws IOException {
        ComposeProject p = load("""
                    volumes:
                      - type: bind
                        source: ./data
                        target: /data
                        bind:
                          create_host_path: true
                    ports:
                      - target: 80
                        published: "8080"
                        mode: ingress
                    networks:
                      default:
                        aliases: [web]
                    depends_on:
                      db:
                        condition: service_started
                        restart: false
                  db:
                    image: busybox
                """);

        assertThatCode(() -> ContainerSpecs.requireSupported(p, p.service("app"))).doesNotThrowAnyException();
        assertThat(ServiceKeyCheck.ignored(p.service("app"))).isEmpty();
    }

    @Test
    void portMetadataAndMacOsConsistencyAreReportedAsIgnored() throws IOException {
        ComposeProject p = load("""
                    ports:
                      - target: 80
                        name: web
                        app_protocol: http
                        mode: host
                    volumes:
                      - type: bind
                        source: ./src
                        target: /src
                        consistency: cached
                """);

        assertThatCode(() -> ContainerSpecs.requireSupported(p, p.service("app"))).doesNotThrowAnyException();
        assertThat(ServiceKeyCheck.ignored(p.service("app"))).extracting(ServiceKey::path)
                .containsExactly("volumes[].consistency", "ports[].mode", "ports[].name", "ports[].app_protocol");
    }

    @Test
    void aBuildKeyNotPassedToTheEngineIsRefusedByItsPath() throws IOException {
        Files.createDirectories(dir.resolve("app"));
        ComposeProject p = load("    build:\n      context: ./app\n      cache_from: [\"busybox\"]\n");

        assertThatThrownBy(() -> ContainerSpecs.requireSupported(p, p.service("app")))
                .hasMessageContaining("build.cache_from (").hasMessageContaining("give the service its image:");
    }
}
