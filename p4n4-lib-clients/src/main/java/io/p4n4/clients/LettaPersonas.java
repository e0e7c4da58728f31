package io.p4n4.clients;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import io.p4n4.api.clients.letta.LettaPersona;
import io.p4n4.api.project.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Reads the Letta agent personas of a p4n4 project: one TOML file per persona in the ai stack's
 * {@code letta/agents/} folder ({@code stacks/ai/letta/agents/<name>.toml}, version-controlled). A file holds
 *
 * <pre>{@code
 * display_name  = "Site Monitor"
 * description   = "Receives all sensor events; tracks device uptime"
 * model         = "llama3.2:latest"      # the preferred Ollama model, as `ollama list` names it
 * system_prompt = """..."""              # who the agent is: its `persona` core-memory block
 * human         = """..."""              # what it knows about its users: its `human` block
 *
 * [memory]
 * context_window  = 8192                 # tokens
 * embedding_model = "nomic-embed-text:latest"
 * block_limit     = 5000                 # characters per core-memory block
 * }</pre>
 *
 * Every key is required and no other is accepted; the agent's name is the file's name. Anything wrong is a
 * VALIDATION {@link InvalidFileException} naming the file, line and key. Stateless and thread-safe.
 */
public final class LettaPersonas {
    /** Where the personas live inside the ai stack's folder. */
    public static final String FOLDER = "letta/agents";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9 _-]+");
    private static final Set<String> TOP = Set.of("display_name", "description", "model", "system_prompt", "human",
            "memory");
    private static final Set<String> MEMORY = Set.of("context_window", "embedding_model", "block_limit");

    private LettaPersonas() {
    }

    /** The persona folder of the project rooted at {@code projectRoot}: {@code stacks/ai/letta/agents}. */
    public static Path directory(Path projectRoot) {
        return projectRoot.resolve("stacks").resolve("ai").resolve(FOLDER);
    }

    /** The persona folder of the project containing {@code start}, if {@code start} is inside a project. */
    public static Optional<Path> findDirectory(Path start) {
        return ProjectRoot.find(start).map(LettaPersonas::directory);
    }

    /** Every persona of {@code directory} ({@code *.toml}), by name; empty when the folder does not exist. */
    public static List<LettaPersona> readAll(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".toml")).sorted().toList();
        } catch (IOException e) {
            throw new InvalidFileException(ErrorCode.USER, directory, 0, 0, null,
                    "cannot list the persona folder (" + e.getClass().getSimpleName() + "); check its permissions", e);
        }
        List<LettaPersona> out = new ArrayList<>();
        files.forEach(f -> out.add(read(f)));
        return List.copyOf(out);
    }

    /** Reads one persona file. */
    public static LettaPersona read(Path file) {
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".toml") ? fileName.substring(0, fileName.length() - 5) : fileName;
        if (!NAME.matcher(name).matches()) {
            throw new InvalidFileException(ErrorCode.VALIDATION, file, 0, 0, null, "the file name is the agent's"
                    + " name, which Letta allows only letters, digits, spaces, - and _ in; rename the file", null);
        }
        TomlParseResult toml;
        try {
            toml = Toml.parse(file);
        } catch (IOException e) {
            throw new InvalidFileException(ErrorCode.USER, file, 0, 0, null, "cannot read the persona file ("
                    + e.getClass().getSimpleName() + "); check the path and its permissions", e);
        }
        if (toml.hasErrors()) {
            TomlPosition at = toml.errors().get(0).position();
            throw new InvalidFileException(ErrorCode.VALIDATION, file, at == null ? 0 : at.line(), 0, null,
                    "not valid TOML: " + toml.errors().get(0).getMessage(), null);
        }
        refuseUnknown(file, toml, TOP, "");
        TomlTable memory = table(file, toml, "memory");
        refuseUnknown(file, memory, MEMORY, "memory.");
        return new LettaPersona(name, string(file, toml, "display_name", ""), string(file, toml, "description", ""),
                string(file, toml, "model", ""), string(file, toml, "system_prompt", ""), string(file, toml, "human", ""),
                positive(file, memory, "context_window"), string(file, memory, "embedding_model", "memory."),
                positive(file, memory, "block_limit"));
    }

    private static void refuseUnknown(Path file, TomlTable t, Set<String> keys, String prefix) {
        for (String key : t.keySet()) {
            if (!keys.contains(key)) {
                throw at(file, t, key, prefix, "unknown key; a persona takes " + keys.stream().sorted()
                        .map(k -> prefix + k).toList() + " (a misspelt key would otherwise be ignored)");
            }
        }
    }

    private static TomlTable table(Path file, TomlTable t, String key) {
        Object v = t.get(key);
        if (v == null) {
            throw missing(file, key);
        }
        if (!(v instanceof TomlTable table)) {
            throw at(file, t, key, "", "must be a table: [" + key + "] with " + MEMORY.stream().sorted().toList());
        }
        return table;
    }

    private static String string(Path file, TomlTable t, String key, String prefix) {
        Object v = t.get(key);
        if (v == null) {
            throw missing(file, prefix + key);
        }
        if (!(v instanceof String s) || s.isBlank()) {
            throw at(file, t, key, prefix, "must be a non-empty string");
        }
        return s.strip();
    }

    private static int positive(Path file, TomlTable t, String key) {
        Object v = t.get(key);
        if (v == null) {
            throw missing(file, "memory." + key);
        }
        if (!(v instanceof Long n) || n <= 0 || n > Integer.MAX_VALUE) {
            throw at(file, t, key, "memory.", "must be a positive whole number");
        }
        return n.intValue();
    }

    private static InvalidFileException missing(Path file, String key) {
        return new InvalidFileException(ErrorCode.VALIDATION, file, 0, 0, key,
                "missing; add it (every persona sets display_name, description, model, system_prompt, human and"
                        + " [memory] context_window, embedding_model, block_limit)", null);
    }

    private static InvalidFileException at(Path file, TomlTable t, String key, String prefix, String problem) {
        TomlPosition p = t.inputPositionOf(key);
        return new InvalidFileException(ErrorCode.VALIDATION, file, p == null ? 0 : p.line(),
                p == null ? 0 : p.column(), prefix + key, problem, null);
    }
}
