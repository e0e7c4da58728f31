package io.p4n4.cli.ei;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code p4n4 ei list} reads the disk only: the spec's columns, the active model marked, a message when empty. */
class EiListCommandTest {
    @TempDir
    Path tmp;
    private Path dir;
    private Path models;

    @BeforeEach
    void project() throws Exception {
        dir = tmp.resolve("p");
        CliRun init = CliRun.of("init", dir.toString(), "--name", "eilist", "--stacks", "iot,edge");
        assertThat(init.code()).as(init.err()).isZero();
        models = dir.resolve("stacks/edge/models");
        Files.createDirectories(models);
    }

    @Test
    void noModelsIsAnEmptyTableAndAMessageSayingHowToAddOne() {
        CliRun list = CliRun.of("--project", dir.toString(), "ei", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out().lines().toList()).hasSize(2);
        assertThat(list.out().lines().findFirst()).hasValueSatisfying(h -> assertThat(h.strip())
                .matches("FILENAME +SIZE +LAST MODIFIED"));
        assertThat(list.out()).contains("no .eim models in " + models).contains("p4n4 ei deploy FILE.eim");
    }

    @Test
    void modelsAreListedByNameWithSizeAndTimeAndTheActiveOneMarked() throws Exception {
        Files.writeString(models.resolve("b.eim"), "x".repeat(2048));
        Files.writeString(models.resolve("a.eim"), "1");
        Files.setLastModifiedTime(models.resolve("b.eim"), FileTime.from(Instant.parse("2026-11-30T10:00:00Z")));
        Files.writeString(dir.resolve(".env"), Files.readString(dir.resolve(".env")) + "EI_MODEL_FILE=b.eim\n");

        CliRun list = CliRun.of("--project", dir.toString(), "ei", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern("(?m)^  a\\.eim +1 B +\\d{4}-")
                .containsPattern("(?m)^\\* b\\.eim +2\\.0 kB +2026-11-30 10:00:00 UTC$");

        CliRun json = CliRun.of("--project", dir.toString(), "--json", "ei", "list");
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.get("active").asText()).isEqualTo("b.eim");
        assertThat(doc.get("models").get(1).get("last_modified").asText()).isEqualTo("2026-11-30T10:00:00Z");
        assertThat(doc.get("models").get(1).get("size").asLong()).isEqualTo(2048);
        assertThat(doc.has("message")).isFalse();
    }

    @Test
    void infoWithUrlRefusesEngineOptionsItWouldNotUse() {
        CliRun info = CliRun.of("--project", dir.toString(), "ei", "info", "--url", "http://127.0.0.1:9",
                "--engine", "docker");
        assertThat(info.code()).isEqualTo(2);
        assertThat(info.err()).contains("--url").contains("--engine");
    }
}
