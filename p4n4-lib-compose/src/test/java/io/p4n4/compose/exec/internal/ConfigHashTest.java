package io.p4n4.compose.exec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.LoadOptions;
import io.p4n4.compose.exec.KeyGroup;
import io.p4n4.compose.exec.ServiceKey;
import io.p4n4.compose.exec.ServiceKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A change to any applied key changes the config hash its containers carry, so {@code up} recreates them. */
class ConfigHashTest {
    /** Applied keys that do not shape the container (as in compose) or act at load time through others. */
    private static final Set<String> NOT_HASHED = Set.of("build", "depends_on", "profiles", "pull_policy", "scale",
            "deploy.replicas", "extends", "env_file", "image");
    private static final Map<String, String> SNIPPETS = snippets();
    @TempDir
    Path dir;

    private static Map<String, String> snippets() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("command", "    command: [sleep, '1']\n");
        m.put("entrypoint", "    entrypoint: [sh]\n");
        m.put("environment", "    environment: {A: b}\n");
        m.put("container_name", "    container_name: solo\n");
        m.put("labels", "    labels: {a: b}\n");
        m.put("ports", "    ports: ['8080:80']\n");
        m.put("volumes", "    volumes: [data:/data]\n");
        m.put("networks", "    networks: [other]\n");
        m.put("network_mode", "    network_mode: host\n");
        m.put("restart", "    restart: always\n");
        m.put("user", "    user: '1000'\n");
        m.put("working_dir", "    working_dir: /srv\n");
        m.put("hostname", "    hostname: box\n");
        m.put("stop_signal", "    stop_signal: SIGINT\n");
        m.put("stop_grace_period", "    stop_grace_period: 3s\n");
        m.put("devices", "    devices: ['/dev/null:/dev/nul2']\n");
        m.put("cap_add", "    cap_add: [NET_ADMIN]\n");
        m.put("cap_drop", "    cap_drop: [ALL]\n");
        m.put("privileged", "    privileged: true\n");
        m.put("security_opt", "    security_opt: ['no-new-privileges:true']\n");
        m.put("read_only", "    read_only: true\n");
        m.put("init", "    init: true\n");
        m.put("ulimits", "    ulimits: {nofile: 1024}\n");
        m.put("sysctls", "    sysctls: {net.core.somaxconn: 1024}\n");
        m.put("shm_size", "    shm_size: 64m\n");
        m.put("tmpfs", "    tmpfs: [/run]\n");
        m.put("ipc", "    ipc: host\n");
        m.put("pid", "    pid: host\n");
        m.put("userns_mode", "    userns_mode: host\n");
        m.put("group_add", "    group_add: [wheel]\n");
        m.put("oom_score_adj", "    oom_score_adj: 100\n");
        m.put("oom_kill_disable", "    oom_kill_disable: true\n");
        m.put("pids_limit", "    pids_limit: 100\n");
        m.put("mem_limit", "    mem_limit: 512m\n");
        m.put("mem_reservation", "    mem_reservation: 256m\n");
        m.put("memswap_limit", "    memswap_limit: 1g\n");
        m.put("cpus", "    cpus: 0.5\n");
        m.put("cpu_shares", "    cpu_shares: 512\n");
        m.put("cpuset", "    cpuset: '0'\n");
        m.put("extra_hosts", "    extra_hosts: ['a:10.0.0.1']\n");
        m.put("dns", "    dns: [10.0.0.53]\n");
        m.put("dns_search", "    dns_search: [example.org]\n");
        m.put("dns_opt", "    dns_opt: ['ndots:2']\n");
        m.put("domainname", "    domainname: example.org\n");
        m.put("mac_address", "    mac_address: '02:42:ac:11:00:02'\n");
        m.put("expose", "    expose: [80]\n");
        m.put("links", "    links: [db]\n");
        m.put("logging", "    logging: {driver: json-file}\n");
        m.put("platform", "    platform: linux/amd64\n");
        for (String k : new String[] {"test", "interval", "timeout", "retries", "start_period", "start_interval",
                "disable"}) {
            m.put("healthcheck." + k, "    healthcheck:\n      test: [CMD, 'true']\n" + switch (k) {
                case "test" -> ""; // compared with no healthcheck at all
                case "retries" -> "      retries: 7\n";
                case "disable" -> "      disable: true\n";
                default -> "      " + k + ": 7s\n";
            });
        }
        m.put("secrets", "    secrets: [token]\n");
        m.put("configs", "    configs: [motd]\n");
        m.put("deploy.resources.limits.cpus", "    deploy: {resources: {limits: {cpus: '0.5'}}}\n");
        m.put("deploy.resources.limits.memory", "    deploy: {resources: {limits: {memory: 1g}}}\n");
        m.put("deploy.resources.limits.pids", "    deploy: {resources: {limits: {pids: 10}}}\n");
        m.put("deploy.resources.reservations.memory", "    deploy: {resources: {reservations: {memory: 1g}}}\n");
        m.put("deploy.restart_policy.condition", "    deploy: {restart_policy: {condition: any}}\n");
        m.put("deploy.restart_policy.max_attempts", "    deploy: {restart_policy: {max_attempts: 3}}\n");
        return m;
    }

    private ComposeProject load(String appKeys, String motd) throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, "services:\n  db:\n    image: busybox\n  app:\n    image: busybox\n" + appKeys
                + "networks:\n  other:\nvolumes:\n  data:\nsecrets:\n  token:\n    environment: TOKEN\n"
                + "configs:\n  motd:\n    content: " + motd + "\n");
        return ComposeLoader.load(LoadOptions.builder().file(file).projectName("demo")
                .environment(Map.of("TOKEN", "t")).build());
    }

    private String hash(String appKeys) throws IOException {
        ComposeProject p = load(appKeys, "hello");
        return ContainerSpecs.configHash(p, p.service("app"));
    }

    @Test
    void everyAppliedKeyHasACaseHere() {
        // a key inside an entry (volumes[].read_only) is hashed as part of its whole key (volumes)
        assertThat(SNIPPETS.keySet()).containsExactlyInAnyOrderElementsOf(ServiceKeys.all().stream()
                .filter(k -> k.group() == KeyGroup.APPLIED).map(ServiceKey::path)
                .filter(k -> !NOT_HASHED.contains(k) && !insideAnEntry(k)).toList());
    }

    private static boolean insideAnEntry(String path) {
        return ServiceKeys.ENTRIES.stream().anyMatch(e -> path.startsWith(e + "."));
    }

    @Test
    void aKeyInsideAnEntryChangesTheHashOfItsWholeKeyUnlessThatIsNotHashed() throws IOException {
        assertThat(hash("    volumes: [{type: bind, source: ./d, target: /d, read_only: true}]\n"))
                .isNotEqualTo(hash("    volumes: [{type: bind, source: ./d, target: /d}]\n"));
        assertThat(hash("    logging: {driver: json-file, options: {max-size: 1m}}\n"))
                .isNotEqualTo(hash("    logging: {driver: json-file, options: {max-size: 2m}}\n"));
        assertThat(hash("    ulimits: {nofile: {soft: 1024, hard: 2048}}\n"))
                .isNotEqualTo(hash("    ulimits: {nofile: {soft: 1024, hard: 4096}}\n"));
        assertThat(hash("    build: {context: ., args: {A: '1'}}\n"))
                .isEqualTo(hash("    build: {context: ., args: {A: '2'}}\n"));
    }

    @Test
    void settingAnyAppliedKeyChangesTheHash() throws IOException {
        String plain = hash("");
        String healthcheck = hash("    healthcheck:\n      test: [CMD, 'true']\n");
        for (Map.Entry<String, String> e : SNIPPETS.entrySet()) {
            String base = e.getKey().startsWith("healthcheck.") && !e.getKey().equals("healthcheck.test")
                    ? healthcheck : plain;
            assertThat(hash(e.getValue())).as(e.getKey()).isNotEqualTo(base);
        }
    }

    @Test
    void changingAValueChangesTheHash() throws IOException {
        assertThat(hash("    mem_limit: 512m\n")).isNotEqualTo(hash("    mem_limit: 1g\n"));
        assertThat(hash("    ulimits: {nofile: 1024}\n")).isNotEqualTo(hash("    ulimits: {nofile: 2048}\n"));
    }

    @Test
    void configContentChangesTheHashButSecretContentDoesNot() throws IOException {
        ComposeProject hello = load("    configs: [motd]\n    secrets: [token]\n", "hello");
        ComposeProject bye = load("    configs: [motd]\n    secrets: [token]\n", "bye");
        Path file = dir.resolve("compose.yaml");
        ComposeProject otherToken = ComposeLoader.load(LoadOptions.builder().file(file).projectName("demo")
                .environment(Map.of("TOKEN", "changed")).build());

        assertThat(ContainerSpecs.configHash(hello, hello.service("app")))
                .isNotEqualTo(ContainerSpecs.configHash(bye, bye.service("app")));
        assertThat(ContainerSpecs.configHash(otherToken, otherToken.service("app")))
                .isEqualTo(ContainerSpecs.configHash(bye, bye.service("app")));
    }

    @Test
    void aLinkToAServiceChangesThatServicesHashAndLabel() throws IOException {
        ComposeProject without = load("", "hello");
        ComposeProject with = load("    links: ['db:database']\n", "hello");

        assertThat(with.service("db").configHash()).isEqualTo(without.service("db").configHash());
        assertThat(ContainerSpecs.configHash(with, with.service("db")))
                .isNotEqualTo(ContainerSpecs.configHash(without, without.service("db")));
        assertThat(ContainerSpecs.of(with, with.service("db")).labels())
                .containsEntry("com.docker.compose.config-hash", ContainerSpecs.configHash(with, with.service("db")));
    }
}
