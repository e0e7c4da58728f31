package io.p4n4.compose;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared compose corpus ({@code conformance/compose}) and upstream p4n4 fixtures, found through
 * the {@code p4n4.shared.dir} system property; tests are skipped with a clear message without it.
 */
final class ComposeCorpus {
    static final ObjectMapper JSON = new ObjectMapper();

    private ComposeCorpus() {
    }

    /** Returns the shared directory, or skips the test. */
    static Path shared() {
        String shared = System.getProperty("p4n4.shared.dir", "");
        Path dir = shared.isEmpty() ? null : Path.of(shared).toAbsolutePath().normalize();
        assumeTrue(dir != null && Files.isDirectory(dir.resolve("conformance/compose")),
                "shared corpus not found (" + (dir == null ? "p4n4.shared.dir not set" : dir)
                        + "): run through Maven or set -Dp4n4.shared.dir=/work/shared to run these cases");
        return dir;
    }

    /** Returns {@code conformance/compose}. */
    static Path compose() {
        return shared().resolve("conformance/compose");
    }

    /** Returns the upstream stack directory {@code fixtures/p4n4-upstream/p4n4-<stack>}. */
    static Path upstream(String stack) {
        return shared().resolve("fixtures/p4n4-upstream/p4n4-" + stack);
    }

    /** A scenario of a facts file or of test-inputs.json. */
    record Scenario(String source, String id, JsonNode node) {
        @Override
        public String toString() {
            return source + " " + id;
        }
    }

    /** Every scenario of the corpus, facts files first (sorted), then test-inputs.json. */
    static List<Scenario> scenarios() {
        Path corpus = compose();
        List<Scenario> out = new ArrayList<>();
        try (var files = Files.list(corpus.resolve("facts"))) {
            List<Path> sorted = files.sorted().toList();
            for (Path f : sorted) {
                addAll(out, f);
            }
            addAll(out, corpus.resolve("test-inputs.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void addAll(List<Scenario> out, Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        for (JsonNode s : root.get("scenarios")) {
            out.add(new Scenario(file.getFileName().toString(), s.get("id").asText(), s));
        }
    }

    /** Builds the load options a scenario's {@code load} object describes. */
    static LoadOptions options(JsonNode load, Path corpus) {
        LoadOptions.Builder b = LoadOptions.builder();
        Path workingDir = null;
        if (load.hasNonNull("working_dir")) {
            workingDir = corpus.resolve(load.get("working_dir").asText());
        } else if (load.hasNonNull("working_dir_literal")) {
            workingDir = Path.of(load.get("working_dir_literal").asText());
        }
        if (workingDir != null) {
            b.workingDirectory(workingDir);
        }
        int inline = 0;
        for (JsonNode f : load.path("files")) {
            if (f.isTextual()) {
                b.file(corpus.resolve(f.asText()));
            } else {
                Path dir = f.hasNonNull("dir") ? corpus.resolve(f.get("dir").asText())
                        : workingDir != null ? workingDir : corpus;
                b.source(ComposeSource.inline(dir.resolve("inline-" + (inline++) + ".yaml"), f.get("inline").asText()));
            }
        }
        if (load.has("project_name")) {
            b.projectName(load.get("project_name").asText());
        }
        Map<String, String> env = new LinkedHashMap<>();
        load.path("environment").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        b.environment(env);
        if (load.has("env_files")) {
            load.get("env_files").forEach(f -> b.envFile(corpus.resolve(f.asText())));
        } else {
            b.defaultEnvFile(false);
        }
        JsonNode o = load.path("options");
        b.normalize(!o.path("skip_normalization").asBoolean(false));
        b.consistencyCheck(!o.path("skip_consistency_check").asBoolean(false));
        b.validateSchema(!o.path("skip_validation").asBoolean(false));
        b.resolvePaths(o.path("resolve_paths").asBoolean(true));
        b.discardEnvFile(o.path("discard_env_file").asBoolean(false));
        b.configFileFromEnv(o.path("config_file_from_env").asBoolean(false));
        if (o.has("profiles")) {
            List<String> profiles = new ArrayList<>();
            o.get("profiles").forEach(p -> profiles.add(p.asText()));
            b.profiles(profiles);
        }
        return b.build();
    }
}
