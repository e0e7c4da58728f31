package io.p4n4.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import io.p4n4.api.clients.letta.LettaPersona;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Persona files: every key read and sent, every key required, nothing unknown accepted. */
class LettaPersonasTest {
    /** A persona file as the ai stack ships them (shortened texts). */
    static final String SITE_MONITOR = """
            display_name = "Site Monitor"
            description = "Receives all sensor events; tracks device uptime"
            model = "llama3.2:latest"
            system_prompt = \"\"\"
            I watch sensors.
            \"\"\"
            human = "The operator is Ana."

            [memory]
            context_window = 8192
            embedding_model = "nomic-embed-text:latest"
            block_limit = 5000
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsEveryKeyAndTheFileNameIsTheAgentName() throws Exception {
        LettaPersona p = LettaPersonas.read(write("site-monitor.toml", SITE_MONITOR));
        assertThat(p).isEqualTo(new LettaPersona("site-monitor", "Site Monitor",
                "Receives all sensor events; tracks device uptime", "llama3.2:latest", "I watch sensors.",
                "The operator is Ana.", 8192, "nomic-embed-text:latest", 5000));
    }

    @Test
    void theRequestCarriesEveryFieldOfThePersona() throws Exception {
        var r = LettaPersonas.read(write("site-monitor.toml", SITE_MONITOR)).createRequest();
        assertThat(r.name()).isEqualTo("site-monitor");
        assertThat(r.model()).isEqualTo("ollama/llama3.2:latest");
        assertThat(r.embedding()).isEqualTo("ollama/nomic-embed-text:latest");
        assertThat(r.contextWindowLimit()).isEqualTo(8192);
        assertThat(r.description()).isEqualTo("Receives all sensor events; tracks device uptime");
        assertThat(r.memoryBlocks()).extracting(b -> b.label() + "=" + b.value() + "/" + b.limit())
                .containsExactly("persona=I watch sensors./5000", "human=The operator is Ana./5000");
        assertThat(r.system()).as("Letta's default system prompt, with its memory instructions, stays").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"display_name", "description", "model", "system_prompt", "human", "memory.context_window",
            "memory.embedding_model", "memory.block_limit"})
    void aMissingFieldIsAValidationErrorNamingFileAndField(String key) throws Exception {
        String leaf = key.substring(key.indexOf('.') + 1);
        String text = SITE_MONITOR.lines().filter(l -> !l.startsWith(leaf + " ")).reduce("", (a, b) -> a + b + "\n");
        if (leaf.equals("system_prompt")) {
            text = text.replace("I watch sensors.\n\"\"\"\n", "");
        }
        Path f = write("site-monitor.toml", text);
        assertThatThrownBy(() -> LettaPersonas.read(f)).isInstanceOfSatisfying(InvalidFileException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(e.code().exitCode()).isEqualTo(5);
            assertThat(e.file()).contains(f);
            assertThat(e.key()).contains(key);
            assertThat(e.getMessage()).startsWith(f + " [" + key + "]: missing; add it");
        });
    }

    @Test
    void aMissingMemoryTableIsNamed() throws Exception {
        Path f = write("site-monitor.toml", SITE_MONITOR.substring(0, SITE_MONITOR.indexOf("[memory]")));
        assertThatThrownBy(() -> LettaPersonas.read(f)).isInstanceOfSatisfying(InvalidFileException.class,
                e -> assertThat(e.key()).contains("memory"));
    }

    @Test
    void aMisspeltKeyIsRefusedWithItsLineRatherThanIgnored() throws Exception {
        Path f = write("site-monitor.toml", SITE_MONITOR + "contex_window = 4096\n");
        assertThatThrownBy(() -> LettaPersonas.read(f)).isInstanceOfSatisfying(InvalidFileException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(e.key()).contains("memory.contex_window");
            assertThat(e.line()).isEqualTo(13);
            assertThat(e.getMessage()).contains("unknown key").contains("memory.context_window");
        });
    }

    @Test
    void wrongTypesAndEmptyTextsAreRefused() throws Exception {
        Path f = write("a.toml", SITE_MONITOR.replace("context_window = 8192", "context_window = \"8k\""));
        assertThatThrownBy(() -> LettaPersonas.read(f)).isInstanceOfSatisfying(InvalidFileException.class,
                e -> assertThat(e.getMessage()).contains("[memory.context_window]").contains("positive whole number"));
        Path g = write("b.toml", SITE_MONITOR.replace("model = \"llama3.2:latest\"", "model = \" \""));
        assertThatThrownBy(() -> LettaPersonas.read(g)).isInstanceOfSatisfying(InvalidFileException.class,
                e -> assertThat(e.getMessage()).contains("[model]").contains("non-empty string"));
    }

    @Test
    void invalidTomlNamesTheLine() throws Exception {
        Path f = write("a.toml", "display_name = \"x\"\nmodel = \n");
        assertThatThrownBy(() -> LettaPersonas.read(f)).isInstanceOfSatisfying(InvalidFileException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.getMessage()).contains("not valid TOML");
        });
    }

    @Test
    void aFileNameLettaWouldRefuseAsAgentNameIsRefused() throws Exception {
        Path f = write("site.monitor.toml", SITE_MONITOR);
        assertThatThrownBy(() -> LettaPersonas.read(f)).isInstanceOfSatisfying(InvalidFileException.class,
                e -> assertThat(e.getMessage()).contains("rename the file"));
    }

    @Test
    void readAllTakesTheTomlFilesByNameAndFindsTheProjectsFolder() throws Exception {
        Files.writeString(dir.resolve(".p4n4.json"), "{}");
        Path agents = Files.createDirectories(LettaPersonas.directory(dir));
        Files.writeString(agents.resolve("site-monitor.toml"), SITE_MONITOR);
        Files.writeString(agents.resolve("anomaly-analyst.toml"), SITE_MONITOR);
        Files.writeString(agents.resolve("README.md"), "not a persona");
        assertThat(LettaPersonas.findDirectory(agents)).contains(agents);
        assertThat(agents).isEqualTo(dir.resolve("stacks/ai/letta/agents"));
        assertThat(LettaPersonas.readAll(agents)).extracting(LettaPersona::name)
                .containsExactly("anomaly-analyst", "site-monitor");
        assertThat(LettaPersonas.readAll(dir.resolve("nowhere"))).isEmpty();
    }
}
