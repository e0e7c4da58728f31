package io.p4n4.cli.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The template commands end to end, against a local directory registry and real scaffolded projects. */
class TemplateCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;
    private String registry;
    private String cache;

    @BeforeEach
    void setUp() throws Exception {
        Path reg = Files.createDirectories(tmp.resolve("registry"));
        template(reg, "hello", ">=0.1.0", "[\"greeting\", \"demo\"]");
        template(reg, "future", ">=9.0.0", "[\"demo\"]");
        Files.writeString(reg.resolve("index.json"), """
                {"org": "cli-tests", "index_version": "2", "templates": {
                  "hello": {"repo": ".", "subdir": "hello", "description": "Says hello", "tags": ["greeting", "demo"],
                    "latest": "1.0.0", "author": "tests", "license": "MIT", "requires_stacks": ["iot"]},
                  "future": {"repo": ".", "subdir": "future", "description": "Needs a newer p4n4", "tags": ["demo"],
                    "latest": "1.0.0", "author": "tests", "license": "MIT", "requires_stacks": ["iot"]}}}
                """);
        registry = reg.toString();
        cache = tmp.resolve("cache").toString();
    }

    private static void template(Path reg, String name, String cli, String tags) throws Exception {
        Path t = Files.createDirectories(reg.resolve(name).resolve("files"));
        Files.writeString(reg.resolve(name).resolve("p4n4-template.toml"), """
                [template]
                name = "%s"
                version = "1.0.0"
                description = "d"
                author = "tests"
                license = "MIT"
                tags = %s
                [template.requires]
                cli = "%s"
                stacks = ["iot"]
                [template.variables]
                GREETING = { description = "what to say", default = "hello" }
                """.formatted(name, tags, cli));
        Files.writeString(reg.resolve(name).resolve("README.md"), "# " + name + "\n");
        Files.writeString(t.resolve("GREETING.md.j2"), "{{ GREETING }} {{ project_name }}\n");
        Files.writeString(t.resolve(".env"), "GREETING_TOPIC=hello/world\nMQTT_USER=template-user\n");
    }

    @Test
    void searchFiltersByTagAndPrintsTheColumns() throws Exception {
        CliRun text = CliRun.of("template", "search", "--tag", "greeting", "--registry", registry, "--cache", cache);
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("NAME").contains("DESCRIPTION").contains("TAGS").contains("VERSION")
                .contains("AUTHOR").doesNotContain("future");
        // the row: name, description, tags, version, author, in that order
        assertThat(text.out()).containsPattern("hello\\s+Says hello\\s+greeting, ?demo\\s+1\\.0\\.0\\s+tests");

        CliRun json = CliRun.of("--json", "template", "search", "--registry", registry, "--cache", cache);
        JsonNode doc = JSON.readTree(json.out());
        assertThat(doc.at("/registries/0/org").asText()).isEqualTo("cli-tests");
        assertThat(doc.get("templates")).hasSize(2);
    }

    @Test
    void offlineSearchSaysHowOldTheSnapshotIs() {
        assertThat(CliRun.of("template", "search", "--registry", registry, "--cache", cache).code()).isZero();
        CliRun offline = CliRun.of("template", "search", "--offline", "--registry", registry, "--cache", cache);
        assertThat(offline.code()).isZero();
        assertThat(offline.err()).contains("cached snapshot").contains("ago");
    }

    @Test
    void initWithATemplatePullsItAndListRecordsIt() throws Exception {
        Path dir = tmp.resolve("proj");
        CliRun init = CliRun.of("--json", "init", dir.toString(), "--name", "plant", "--template", "hello",
                "--set", "GREETING=hi", "--registry", registry, "--cache", cache);
        assertThat(init.code()).as(init.out() + init.err()).isZero();
        JsonNode doc = JSON.readTree(init.out());
        assertThat(doc.get("stacks").toString()).isEqualTo("[\"iot\"]");
        assertThat(doc.at("/template/env_keys_added").toString()).contains("GREETING_TOPIC");
        assertThat(doc.at("/template/env_keys_kept").toString()).contains("MQTT_USER");
        assertThat(dir.resolve("GREETING.md")).hasContent("hi plant");
        assertThat(Files.readString(dir.resolve(".env"))).doesNotContain("template-user");

        CliRun list = CliRun.of("--project", dir.toString(), "template", "list");
        assertThat(list.out()).contains("hello").contains("1.0.0");
    }

    @Test
    void registryOptionsWithoutATemplateAreRefusedByInit() {
        CliRun init = CliRun.of("init", tmp.resolve("p").toString(), "--stacks", "iot", "--offline");
        assertThat(init.code()).isEqualTo(2);
        assertThat(init.err()).contains("need --template");
        assertThat(tmp.resolve("p/.p4n4.json")).doesNotExist();
    }

    @Test
    void pullSaysWhatItAddedAndKept() {
        Path dir = tmp.resolve("proj");
        assertThat(CliRun.of("init", dir.toString(), "--stacks", "iot").code()).isZero();
        CliRun pull = CliRun.of("--project", dir.toString(), "template", "pull", "hello", "--registry", registry,
                "--cache", cache);
        assertThat(pull.code()).as(pull.err()).isZero();
        assertThat(pull.out()).contains("added: GREETING.md").contains(".env keys added: GREETING_TOPIC")
                .contains(".env keys already set, kept: MQTT_USER");
    }

    @Test
    void aTemplateForANewerP4n4ExitsWithCompatibility() {
        Path dir = tmp.resolve("proj");
        assertThat(CliRun.of("init", dir.toString(), "--stacks", "iot").code()).isZero();
        CliRun pull = CliRun.of("--project", dir.toString(), "template", "pull", "future", "--registry", registry,
                "--cache", cache);
        assertThat(pull.code()).isEqualTo(6);
        assertThat(pull.err()).contains(">=9.0.0");
    }

    @Test
    void orgAddListRemoveEditTheManifest() throws Exception {
        Path dir = tmp.resolve("proj");
        assertThat(CliRun.of("init", dir.toString(), "--stacks", "iot").code()).isZero();
        String url = "https://example.org/p4n4/index.json";
        assertThat(CliRun.of("--project", dir.toString(), "template", "org", "add", url).code()).isZero();
        assertThat(Files.readString(dir.resolve(".p4n4.json"))).contains(url);
        assertThat(CliRun.of("--project", dir.toString(), "template", "org", "list").out()).contains(url);
        assertThat(CliRun.of("--project", dir.toString(), "template", "org", "remove", url).code()).isZero();
        assertThat(Files.readString(dir.resolve(".p4n4.json"))).doesNotContain(url);
        assertThat(CliRun.of("--project", dir.toString(), "template", "org", "remove", url).code()).isEqualTo(2);
    }

    @Test
    void pushChecksTheTemplateAndPrintsThePullRequestUrl() throws Exception {
        CliRun ok = CliRun.of("template", "push", Path.of(registry, "hello").toString());
        assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("https://github.com/raisga/p4n4-templates/compare/main...").contains("add-hello");

        Files.delete(Path.of(registry, "hello", "README.md"));
        Files.writeString(Path.of(registry, "hello", "files", "BROKEN.md.j2"), "{{ UNDECLARED }}\n");
        CliRun bad = CliRun.of("--json", "template", "push", Path.of(registry, "hello").toString());
        assertThat(bad.code()).isEqualTo(5);
        JsonNode doc = JSON.readTree(bad.out());
        assertThat(doc.get("ok").asBoolean()).isFalse();
        assertThat(doc.get("pull_request_url").isNull()).isTrue();
        assertThat(doc.get("problems").toString()).contains("README.md").contains("BROKEN.md.j2");
    }
}
