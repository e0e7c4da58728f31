package io.p4n4.compose.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.compose.ComposeSource;
import io.p4n4.compose.LoadOptions;
import io.p4n4.compose.env.DotEnv;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a whole project load: environment and env files, which files, each document, the merge,
 * project name, profiles, env files of services, defaults, checks. Stateless; one call per load.
 */
public final class ProjectLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectLoader.class);
    private static final List<String> DEFAULT_FILES = List.of("compose.yaml", "compose.yml",
            "docker-compose.yaml", "docker-compose.yml");
    private static final List<String> OVERRIDE_FILES = List.of("compose.override.yaml", "compose.override.yml",
            "docker-compose.override.yaml", "docker-compose.override.yml");

    /**
     * A loaded, merged, normalized tree and what it was loaded from.
     *
     * @param name the project name
     * @param workingDirectory the project directory
     * @param composeFiles the files merged, in order
     * @param environment the project environment (env files overridden by the process environment)
     * @param tree the canonical tree
     * @param order service names in dependency order
     */
    public record Loaded(String name, Path workingDirectory, List<Path> composeFiles, Map<String, String> environment,
            Map<String, Object> tree, List<String> order) {
    }

    private ProjectLoader() {
    }

    /** Loads the project {@code options} describe. */
    public static Loaded load(LoadOptions options) {
        Map<String, String> os = options.environment().orElseGet(System::getenv);
        List<ComposeSource> given = options.files();
        Path workingDir = options.workingDirectory().orElseGet(() -> given.isEmpty()
                ? Path.of("").toAbsolutePath() : given.get(0).path().getParent());

        List<Path> envFiles = options.envFiles().orElseGet(() -> {
            Path dotEnv = workingDir.resolve(".env");
            return options.defaultEnvFile() && Files.isRegularFile(dotEnv) ? List.of(dotEnv) : List.of();
        });
        Map<String, String> env = new LinkedHashMap<>(DotEnv.readAll(envFiles, os::get));
        env.putAll(os); // the process environment wins over .env, as in compose

        List<ComposeSource> sources = given.isEmpty() ? findFiles(workingDir, env, options.configFileFromEnv()) : given;
        DocumentLoader documents = new DocumentLoader(workingDir, options.validateSchema(), options.resolvePaths());
        Map<String, Object> tree = null;
        for (ComposeSource source : sources) {
            Map<String, Object> doc = documents.loadMain(source.path(), source.content().orElse(null), env);
            tree = tree == null ? Trees.map(Merger.stripResets(doc)) : Merger.merge(tree, doc);
        }
        if (tree.remove("version") != null) {
            LOG.debug("the top-level 'version' attribute is obsolete and ignored");
        }
        tree.putIfAbsent("services", new LinkedHashMap<>());

        String name = projectName(options, env, tree, workingDir);
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("name", name);
        tree.remove("name");
        ordered.putAll(tree);
        tree = ordered;

        List<String> profiles = options.profiles().orElseGet(() -> splitProfiles(env.get("COMPOSE_PROFILES")));
        Set<String> disabled = Normalizer.applyProfiles(tree, profiles);
        Normalizer.resolveEnvironment(tree, env, options.discardEnvFile());
        if (options.normalize()) {
            Normalizer.applyDefaults(tree, name);
        }
        if (options.consistencyCheck()) {
            ConsistencyCheck.check(tree, disabled);
        }
        List<String> order = ConsistencyCheck.dependencyOrder(tree);
        List<Path> files = sources.stream().map(ComposeSource::path).collect(Collectors.toList());
        return new Loaded(name, workingDir, files, env, tree, order);
    }

    private static List<ComposeSource> findFiles(Path workingDir, Map<String, String> env, boolean fromEnv) {
        String composeFile = env.get("COMPOSE_FILE");
        if (fromEnv && composeFile != null && !composeFile.isEmpty()) {
            String sep = env.getOrDefault("COMPOSE_PATH_SEPARATOR", File.pathSeparator);
            return Arrays.stream(composeFile.split(java.util.regex.Pattern.quote(sep)))
                    .filter(s -> !s.isEmpty())
                    .map(s -> ComposeSource.file(workingDir.resolve(s)))
                    .collect(Collectors.toList());
        }
        List<ComposeSource> found = new ArrayList<>();
        DEFAULT_FILES.stream().map(workingDir::resolve).filter(Files::isRegularFile).findFirst()
                .ifPresent(p -> found.add(ComposeSource.file(p)));
        if (found.isEmpty()) {
            throw new P4n4Exception(ErrorCode.USER, "no compose file found in " + workingDir + " (looked for "
                    + String.join(", ", DEFAULT_FILES) + "); pass one with -f FILE");
        }
        OVERRIDE_FILES.stream().map(workingDir::resolve).filter(Files::isRegularFile).findFirst()
                .ifPresent(p -> found.add(ComposeSource.file(p)));
        return found;
    }

    private static String projectName(LoadOptions options, Map<String, String> env, Map<String, Object> tree,
            Path workingDir) {
        String explicit = options.projectName().orElse(null);
        if (explicit == null) {
            String fromEnv = env.get("COMPOSE_PROJECT_NAME");
            explicit = fromEnv == null || fromEnv.isEmpty() ? null : fromEnv;
        }
        if (explicit != null) {
            return validName(explicit, ErrorCode.USER);
        }
        Object fromFile = tree.get("name");
        if (fromFile != null && !String.valueOf(fromFile).isEmpty()) {
            return validName(String.valueOf(fromFile), ErrorCode.ENGINE);
        }
        Path dirName = workingDir.getFileName();
        String name = ProjectNames.normalize(dirName == null ? "" : dirName.toString());
        if (name.isEmpty()) {
            throw new P4n4Exception(ErrorCode.USER, "project name must not be empty: the project directory "
                    + workingDir + " gives none; set one with -p NAME, COMPOSE_PROJECT_NAME or 'name:' in the file");
        }
        return name;
    }

    private static String validName(String name, ErrorCode code) {
        if (!ProjectNames.isValid(name)) {
            throw new P4n4Exception(code, "invalid project name \"" + name + "\": must consist only of lowercase"
                    + " alphanumeric characters, hyphens, and underscores as well as start with a letter or number");
        }
        return name;
    }

    private static List<String> splitProfiles(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }
}
