package io.p4n4.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Override merging (13-merge.md), profiles, env files and normalization on small projects. */
class ComposeMergeAndNormalizeTest {
    @TempDir
    Path dir;

    private ComposeProject load(Map<String, String> env, String... yamls) throws IOException {
        LoadOptions.Builder b = LoadOptions.builder().environment(env).workingDirectory(dir);
        for (int i = 0; i < yamls.length; i++) {
            Path f = dir.resolve("compose-" + i + ".yaml");
            Files.writeString(f, yamls[i]);
            b.file(f);
        }
        return ComposeLoader.load(b.build());
    }

    private static final String BASE = """
            services:
              web:
                image: nginx
                command: ["nginx", "-g", "daemon off;"]
                environment:
                  - A=1
                  - B=2
                ports:
                  - "80:80"
                volumes:
                  - ./html:/usr/share/nginx/html
                  - data:/data
                dns: 1.1.1.1
                labels:
                  keep: "yes"
            volumes:
              data:
            """;

    @Test
    void overrideMergesMapsAppendsListsAndReplacesCommands() throws IOException {
        ComposeProject p = load(Map.of(), BASE, """
                services:
                  web:
                    command: nginx-debug
                    environment:
                      B: "3"
                      C: "4"
                    ports:
                      - "80:80"
                      - "443:443"
                    volumes:
                      - ./other:/usr/share/nginx/html:ro
                    dns: [8.8.8.8]
                """);
        ComposeService web = p.service("web");
        assertThat(web.command()).contains(List.of("nginx-debug"));
        assertThat(web.environment()).containsExactly(Map.entry("A", "1"), Map.entry("B", "3"), Map.entry("C", "4"));
        assertThat(web.ports()).extracting(ServicePort::target).containsExactly(80, 443);
        assertThat(web.volumes()).hasSize(2);
        assertThat(web.volumes().get(0)).isEqualTo(new ServiceVolume("bind", dir.resolve("other").toString(),
                "/usr/share/nginx/html", true, true));
        assertThat(web.attribute("dns")).contains(List.of("1.1.1.1", "8.8.8.8"));
    }

    @Test
    void resetRemovesAndOverrideReplaces() throws IOException {
        ComposeProject p = load(Map.of(), BASE, """
                services:
                  web:
                    ports: !reset []
                    labels: !override
                      only: this
                    environment: !reset {}
                """);
        ComposeService web = p.service("web");
        assertThat(web.ports()).isEmpty();
        assertThat(web.labels()).containsExactly(Map.entry("only", "this"));
        assertThat(web.environment()).isEmpty();
        assertThat(web.image()).contains("nginx");
    }

    @Test
    void profilesComeFromComposeProfilesWhenNoneAreGiven() throws IOException {
        String yaml = """
                services:
                  app: {image: app}
                  debug: {image: busybox, profiles: [debug]}
                """;
        assertThat(load(Map.of(), yaml).services()).containsOnlyKeys("app");
        assertThat(load(Map.of("COMPOSE_PROFILES", "other,debug"), yaml).services()).containsOnlyKeys("app", "debug");
    }

    @Test
    void dependingOnAServiceDisabledByProfilesIsAnError() {
        assertThatThrownBy(() -> load(Map.of(), """
                services:
                  app: {image: app, depends_on: [debug]}
                  debug: {image: busybox, profiles: [debug]}
                """)).isInstanceOf(P4n4Exception.class).hasMessageContaining("disabled by its profiles");
    }

    @Test
    void envFileValuesSitUnderExplicitEnvironmentAndMissingOptionalFilesAreSkipped() throws IOException {
        Files.writeString(dir.resolve("app.env"), "A=from-file\nB=from-file\nREF=${HOST_VAR}\n");
        ComposeProject p = load(Map.of("HOST_VAR", "host", "PASS", "from-project"), """
                services:
                  app:
                    image: app
                    env_file:
                      - app.env
                      - path: missing.env
                        required: false
                    environment:
                      B: explicit
                      PASS:
                      UNSET:
                """);
        assertThat(p.service("app").environment())
                .containsEntry("A", "from-file").containsEntry("B", "explicit").containsEntry("REF", "host")
                .containsEntry("PASS", "from-project").containsEntry("UNSET", null);
        assertThat(p.service("app").envFiles()).extracting(EnvFileRef::required).containsExactly(true, false);
    }

    @Test
    void missingRequiredEnvFileIsAUserError() {
        assertThatThrownBy(() -> load(Map.of(), "services:\n  app:\n    image: a\n    env_file: nope.env\n"))
                .isInstanceOf(P4n4Exception.class)
                .satisfies(e -> assertThat(((P4n4Exception) e).code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("nope.env");
    }

    @Test
    void normalizationAddsTheDefaultNetworkAndProjectScopedNames() throws IOException {
        ComposeProject p = ComposeLoader.load(LoadOptions.builder()
                .source(ComposeSource.inline(dir.resolve("compose.yaml"), """
                        services:
                          app: {image: app, volumes: ["cache:/cache"]}
                          db: {image: db, networks: [back]}
                        networks:
                          back: {}
                          shared: {external: true}
                        volumes:
                          cache: {}
                        """))
                .projectName("demo").environment(Map.of()).build());
        assertThat(p.service("app").networks()).containsOnlyKeys("default");
        assertThat(p.networks().get("default").name()).isEqualTo("demo_default");
        assertThat(p.networks().get("back").name()).isEqualTo("demo_back");
        assertThat(p.networks().get("shared").name()).isEqualTo("shared");
        assertThat(p.volumes().get("cache").name()).isEqualTo("demo_cache");
        assertThat(p.service("db").networks()).containsOnlyKeys("back");
    }

    @Test
    void undefinedNetworkAndVolumeAreReported() {
        assertThatThrownBy(() -> load(Map.of(), "services:\n  a:\n    image: a\n    networks: [nope]\n"))
                .hasMessageContaining("service \"a\" refers to undefined network nope");
        assertThatThrownBy(() -> load(Map.of(), "services:\n  a:\n    image: a\n    volumes: [\"nope:/x\"]\n"))
                .hasMessageContaining("service \"a\" refers to undefined volume nope");
    }

    @Test
    void volumesFromAndNetworkModeServiceBecomeDependencies() throws IOException {
        ComposeProject p = load(Map.of(), """
                services:
                  app: {image: app, volumes_from: [data], network_mode: "service:vpn"}
                  data: {image: data}
                  vpn: {image: vpn}
                """);
        assertThat(p.service("app").dependsOn()).containsOnlyKeys("data", "vpn");
        List<String> order = p.servicesInDependencyOrder().stream().map(ComposeService::name).toList();
        assertThat(order.indexOf("app")).isGreaterThan(order.indexOf("data")).isGreaterThan(order.indexOf("vpn"));
    }

    @Test
    void healthcheckDurationsAreParsedAndPrintedTheGoWay() throws IOException {
        ComposeProject p = load(Map.of(), """
                services:
                  a:
                    image: a
                    healthcheck:
                      test: curl -f http://localhost
                      interval: 1m30s
                      timeout: 1500ms
                      start_period: 2h
                      retries: "5"
                """);
        Healthcheck hc = p.service("a").healthcheck().orElseThrow();
        assertThat(hc.test()).containsExactly("CMD-SHELL", "curl -f http://localhost");
        assertThat(hc.interval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(hc.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(hc.retries()).isEqualTo(5);
        Map<String, Object> raw = Attributes.map(p.service("a").attributes().get("healthcheck"));
        assertThat(raw).containsEntry("interval", "1m30s").containsEntry("timeout", "1.5s")
                .containsEntry("start_period", "2h0m0s");
    }

    @Test
    void yaml12ScalarsStayStringsAndMergeKeysWork() throws IOException {
        ComposeProject p = load(Map.of(), """
                x-common: &common
                  image: base
                  environment:
                    ON: on
                    OCTAL: 0777
                services:
                  a:
                    <<: *common
                    image: own
                """);
        assertThat(p.service("a").image()).contains("own");
        // on stays a string (YAML 1.2); 0777 is octal 511, as go-yaml (compose v2) and PyYAML (v1) read it
        assertThat(p.service("a").environment()).containsEntry("ON", "on").containsEntry("OCTAL", "511");
    }

    @Test
    void commandStringsAreSplitLikeAShell() throws IOException {
        ComposeProject p = load(Map.of(), "services:\n  a:\n    image: a\n    command: sh -c 'echo \"hi there\"' x\\ y\n");
        assertThat(p.service("a").command()).contains(List.of("sh", "-c", "echo \"hi there\"", "x y"));
    }

    @Test
    void configHashChangesWithTheImageButNotWithDependencies() throws IOException {
        ComposeService one = load(Map.of(), "services:\n  a: {image: a:1}\n  b: {image: b}\n").service("a");
        ComposeService two = load(Map.of(), "services:\n  a: {image: a:2}\n  b: {image: b}\n").service("a");
        ComposeService three = load(Map.of(), "services:\n  a: {image: a:1, depends_on: [b]}\n  b: {image: b}\n")
                .service("a");
        assertThat(one.configHash()).hasSize(64).isNotEqualTo(two.configHash()).isEqualTo(three.configHash());
    }

    @Test
    void defaultFilesAndTheOverrideFileAreFoundInTheProjectDirectory() throws IOException {
        Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  a: {image: a}\n");
        Files.writeString(dir.resolve("docker-compose.override.yml"), "services:\n  a: {image: b}\n");
        Files.writeString(dir.resolve(".env"), "COMPOSE_PROJECT_NAME=fromdotenv\n");
        ComposeProject p = ComposeLoader.load(LoadOptions.builder().workingDirectory(dir).environment(Map.of()).build());
        assertThat(p.composeFiles()).containsExactly(dir.resolve("docker-compose.yml"),
                dir.resolve("docker-compose.override.yml"));
        assertThat(p.service("a").image()).contains("b");
        assertThat(p.name()).isEqualTo("fromdotenv");
        assertThat(p.toString()).doesNotContain("COMPOSE_PROJECT_NAME");
    }
}
