package io.p4n4.core.validate;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.LegacyManifest;
import io.p4n4.api.project.ManifestDocument;
import io.p4n4.api.project.Problem;
import io.p4n4.api.project.StackDefinition;
import io.p4n4.api.project.StackFile;
import io.p4n4.api.project.StackId;
import io.p4n4.api.project.ValidationReport;
import io.p4n4.api.project.VariableDefinition;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.LoadOptions;
import io.p4n4.compose.env.DotEnv;
import io.p4n4.compose.interpolation.InterpolationException;
import io.p4n4.core.compat.Compatibility;
import io.p4n4.core.manifest.Manifests;
import io.p4n4.core.preflight.EngineChecks;
import io.p4n4.core.manifest.internal.LegacyLayers;
import io.p4n4.core.stack.StackRegistry;
import io.p4n4.core.validate.internal.ComposeReferences;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Checks a project and reports every problem with a code, severity, file, line or key, and a hint:
 * no or invalid manifest (USER), missing stack files (VALIDATION), required variables missing or
 * empty in {@code .env} (VALIDATION, one problem per variable), a compose file that does not load
 * (ENGINE: broken {@code ${}} syntax, schema violations, inconsistent references), and warnings
 * for a {@code .env} others can read or git does not ignore, a stack {@code VERSION} outside the supported range
 * (COMPATIBILITY); with an engine, also what the engine must offer (see {@link #validate(Path, ContainerEngine)}).
 * Works on
 * p4n4-lib projects and on projects made by the upstream Python tools. Immutable and thread-safe.
 */
public final class ProjectValidator {
    private final StackRegistry stacks;
    private final Function<String, @Nullable String> environment;
    private final Compatibility compatibility = Compatibility.bundled();

    private ProjectValidator(StackRegistry stacks, Function<String, @Nullable String> environment) {
        this.stacks = Objects.requireNonNull(stacks, "stacks");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * A validator using {@code stacks}' definitions; {@code environment} expands {@code ${VAR}} inside
     * {@code .env} values, as compose does.
     */
    public static ProjectValidator of(StackRegistry stacks, Function<String, @Nullable String> environment) {
        return new ProjectValidator(stacks, environment);
    }

    /** Validates the project containing {@code start} (walking up to its {@code .p4n4.json}). */
    public ValidationReport validate(Path start) {
        return run(start, null).report();
    }

    /**
     * Validates the project containing {@code start}, and then, when its compose files load, what
     * {@code engine} must offer before they start (see {@link EngineChecks}): a supported engine version
     * (COMPATIBILITY), {@code p4n4-net} present with its subnet when a stack joins it and no stack of the
     * project creates it (NETWORK), no clash with another project's name, container names or host ports (ENGINE).
     * Creates nothing on the engine.
     */
    public ValidationReport validate(Path start, ContainerEngine engine) {
        Objects.requireNonNull(engine, "engine");
        return run(start, engine).report();
    }

    private Run run(Path start, @Nullable ContainerEngine engine) {
        Run run = checkFiles(start);
        if (engine != null && run.problems.stream().noneMatch(p -> p.isError()
                && p.errorCode() == ErrorCode.USER) && !run.loaded.isEmpty()) {
            EngineChecks.Result result = EngineChecks.of(engine, compatibility).check(run.loaded);
            run.passed.addAll(result.passed());
            run.problems.addAll(result.problems());
        }
        return run;
    }

    private Run checkFiles(Path start) {
        Path begin = start.toAbsolutePath().normalize();
        Optional<Path> manifestFile = Manifests.findFile(begin);
        if (manifestFile.isEmpty()) {
            Run none = new Run(begin, environment);
            none.problems.add(Problem.error("manifest.missing", ErrorCode.USER,
                    "no " + Manifests.FILE_NAME + " found in " + begin + " or any parent directory")
                    .hint("run `p4n4 init [PATH]` to create a project, or pass --project <dir>").build());
            return none;
        }
        Path file = manifestFile.get();
        Run run = new Run(file.getParent(), environment);
        ManifestDocument manifest;
        try {
            manifest = Manifests.read(file);
        } catch (InvalidFileException e) {
            run.problems.add(Problem.error("manifest.invalid", ErrorCode.USER, e.getMessage()).file(file)
                    .line(e.line()).key(e.key().orElse(null))
                    .hint("fix the manifest so it matches manifest-v1, or run p4n4 init again").build());
            return run;
        } catch (P4n4Exception e) {
            run.problems.add(Problem.error("manifest.unreadable", ErrorCode.USER, e.getMessage()).file(file)
                    .hint("check the file's permissions").build());
            return run;
        }
        run.passed.add(Manifests.FILE_NAME + ": valid" + (manifest.legacy() ? " (legacy upstream format)" : ""));
        if (manifest instanceof LegacyManifest legacy) {
            run.problems.add(Problem.warning("manifest.legacy", Manifests.FILE_NAME + " is in the format of"
                    + " the upstream Python tools").file(file).hint("migrate it to manifest-v1 with `p4n4 migrate`")
                    .build());
            for (String layer : legacy.layers()) {
                if (legacy.stacks().stream().noneMatch(s -> s.value().equals(layer))) {
                    run.problems.add(Problem.warning("manifest.unknown-layer", "unknown layer '" + layer
                            + "' is ignored").file(file).key("$.layers").hint("remove it from the manifest").build());
                }
            }
        }
        if (Files.isDirectory(run.root.resolve("stacks"))) {
            validateStacksLayout(run, manifest);
        } else {
            validateUpstreamLayout(run, manifest);
        }
        return run;
    }

    private void validateStacksLayout(Run run, ManifestDocument manifest) {
        Path env = run.root.resolve(".env");
        Map<String, String> values = run.readEnv(env);
        Set<String> reported = new LinkedHashSet<>();
        for (StackId id : manifest.stacks()) {
            Optional<StackDefinition> def = stacks.find(id);
            if (def.isEmpty()) {
                run.problems.add(Problem.error("stack.unknown", ErrorCode.COMPATIBILITY, "stack '" + id
                        + "' is not provided by any stack provider on the class path").file(run.manifestFile())
                        .key("$.stacks").hint("add the provider's jar, or remove the stack from the manifest").build());
                continue;
            }
            Path stackDir = run.root.resolve("stacks").resolve(id.value());
            for (StackFile f : def.get().files()) {
                run.requireFile(stackDir.resolve(f.path()), f.kind() == StackFile.Kind.DIRECTORY,
                        "run `p4n4 add " + id + "` to restore the stack's missing files");
            }
            Path versionFile = stackDir.resolve(Compatibility.VERSION_FILE);
            compatibility.checkStack(id, versionFile).ifPresentOrElse(run.problems::add, () -> run.passed.add(
                    run.relative(versionFile) + compatibility.findStackRange(id).map(r -> ": supported (" + r + ")")
                            .orElse(": not checked (no supported range known for stack " + id + ")")));
            if (values != null) {
                for (VariableDefinition v : def.get().variables()) {
                    if (v.required() && reported.add(v.name())) {
                        run.requireValue(env, values, v.name(), 0, hintFor(v));
                    }
                }
            }
            run.checkCompose(stackDir.resolve(StackDefinition.COMPOSE_FILE), env, values, reported);
        }
        run.checkEnvPrivacy(env);
    }

    private static String hintFor(VariableDefinition v) {
        if (v.kind().generated()) {
            return "set " + v.name() + " in .env; `p4n4 secret generate` prints a fresh value";
        }
        return "set " + v.name() + " in .env" + (v.defaultValue().isEmpty() ? "" : " (default: "
                + v.defaultValue() + ")");
    }

    private void validateUpstreamLayout(Run run, ManifestDocument manifest) {
        boolean flat = Files.exists(run.root.resolve(StackDefinition.COMPOSE_FILE))
                || manifest.stacks().size() <= 1;
        Set<Path> envs = new LinkedHashSet<>();
        Map<Path, Set<String>> reported = new HashMap<>();
        for (StackId id : manifest.stacks()) {
            Path base = flat ? run.root : run.root.resolve(id.value());
            for (String rel : LegacyLayers.REQUIRED_FILES.getOrDefault(id, List.of())) {
                run.requireFile(base.resolve(rel), false, "copy it from the p4n4-" + id + " repository");
            }
            Path env = base.resolve(".env");
            envs.add(env);
            Map<String, String> values = run.readEnv(env);
            Set<String> done = reported.computeIfAbsent(env, k -> new LinkedHashSet<>());
            if (values != null) {
                for (String key : LegacyLayers.REQUIRED_KEYS.getOrDefault(id, List.of())) {
                    if (done.add(key)) {
                        run.requireValue(env, values, key, 0, "set " + key + " in " + run.relative(env));
                    }
                }
            }
            Path compose = base.resolve(StackDefinition.COMPOSE_FILE);
            if (Files.exists(compose)) {
                run.checkCompose(compose, env, values, done);
            }
        }
        envs.forEach(run::checkEnvPrivacy);
    }

    /** State of one validation run. */
    private static final class Run {
        final Path root;
        final List<String> passed = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        final Map<Path, Map<String, String>> envCache = new HashMap<>();
        /** The compose files that loaded, for the engine checks. */
        final List<ComposeProject> loaded = new ArrayList<>();
        private final Function<String, @Nullable String> environment;

        Run(Path root, Function<String, @Nullable String> environment) {
            this.root = root;
            this.environment = environment;
        }

        Path manifestFile() {
            return root.resolve(Manifests.FILE_NAME);
        }

        String relative(Path p) {
            return root.relativize(p).toString();
        }

        ValidationReport report() {
            return new ValidationReport(root, passed, problems);
        }

        void requireFile(Path file, boolean directory, String hint) {
            boolean ok = directory ? Files.isDirectory(file) : Files.isRegularFile(file);
            if (ok) {
                passed.add(relative(file));
            } else {
                problems.add(Problem.error("file.missing", ErrorCode.VALIDATION, "missing " + (directory
                        ? "folder " : "file ") + relative(file)).file(file).hint(hint).build());
            }
        }

        /** Returns the values of {@code env}, or null (with a problem) when missing or malformed. */
        @Nullable Map<String, String> readEnv(Path env) {
            if (envCache.containsKey(env)) {
                return envCache.get(env);
            }
            Map<String, String> values = null;
            if (!Files.isRegularFile(env)) {
                problems.add(Problem.error("env.missing", ErrorCode.VALIDATION, relative(env) + " not found")
                        .file(env).hint("create it: copy .env.example to .env and fill in the values").build());
            } else {
                try {
                    values = DotEnv.read(env, environment);
                } catch (InvalidFileException e) {
                    problems.add(Problem.error("env.invalid", ErrorCode.VALIDATION, e.getMessage()).file(env)
                            .line(e.line()).key(e.key().orElse(null))
                            .hint("fix the line (quote values with spaces or #)").build());
                } catch (P4n4Exception e) {
                    problems.add(Problem.error("env.unreadable", ErrorCode.VALIDATION, e.getMessage()).file(env)
                            .hint("check the file's permissions").build());
                }
            }
            envCache.put(env, values);
            return values;
        }

        void requireValue(Path env, Map<String, String> values, String key, int line, String hint) {
            String value = values.get(key);
            if (value == null || value.isEmpty()) {
                problems.add(Problem.error("env.missing-variable", ErrorCode.VALIDATION, relative(env)
                        + (value == null ? " is missing required variable " : " has an empty required variable ")
                        + key).file(env).line(line).key(key).hint(hint).build());
            }
        }

        void checkCompose(Path compose, Path env, Map<String, String> values, Set<String> reported) {
            if (!Files.isRegularFile(compose)) {
                return;
            }
            ComposeReferences.Result result;
            try {
                result = ComposeReferences.scan(compose);
            } catch (P4n4Exception e) {
                problems.add(Problem.error("compose.unreadable", ErrorCode.ENGINE, e.getMessage()).file(compose)
                        .hint("check the file's permissions").build());
                return;
            }
            for (ComposeReferences.Broken b : result.broken()) {
                problems.add(Problem.error("compose.interpolation", ErrorCode.ENGINE, b.message()).file(compose)
                        .line(b.line()).hint("fix the ${...} syntax (write $$ for a literal $)").build());
            }
            if (result.broken().isEmpty()) {
                checkComposeModel(compose, env);
            }
            if (values == null) {
                return;
            }
            for (ComposeReferences.Found f : result.required()) {
                String value = values.get(f.name());
                if ((value == null || value.isEmpty()) && reported.add(f.name())) {
                    problems.add(Problem.error("env.missing-variable", ErrorCode.VALIDATION, relative(compose)
                            + ":" + f.line() + " needs ${" + f.name() + "} (no default) but " + relative(env)
                            + (value == null ? " does not set it" : " sets it empty")).file(compose).line(f.line())
                            .key(f.name()).hint("set " + f.name() + " in " + relative(env)
                                    + ", or give it a default in the compose file (${" + f.name() + ":-value})")
                            .build());
                }
            }
        }

        /** Loads the file as compose would (schema, interpolation with .env, consistency): ENGINE on failure. */
        void checkComposeModel(Path compose, Path env) {
            try {
                LoadOptions.Builder options = LoadOptions.builder().file(compose).environment(Map.of());
                if (Files.isRegularFile(env)) {
                    options.envFile(env);
                }
                loaded.add(ComposeLoader.load(options.build()));
                passed.add(relative(compose) + ": valid compose file");
            } catch (InterpolationException e) {
                if (e.kind() != InterpolationException.Kind.MISSING_REQUIRED) {
                    problems.add(Problem.error("compose.invalid", ErrorCode.ENGINE, e.getMessage()).file(compose)
                            .hint("fix the compose file").build());
                }
                // a required variable without value is reported as env.missing-variable already
            } catch (InvalidFileException e) {
                if (e.file().isPresent() && !e.file().get().equals(compose) && e.file().get().equals(env)) {
                    return; // the .env problem is reported by the .env check
                }
                problems.add(Problem.error("compose.invalid", ErrorCode.ENGINE, e.getMessage())
                        .file(e.file().orElse(compose)).line(e.line()).key(e.key().orElse(null))
                        .hint("fix the compose file (see https://github.com/compose-spec/compose-spec)").build());
            } catch (P4n4Exception e) {
                problems.add(Problem.error("compose.invalid", ErrorCode.ENGINE, e.getMessage()).file(compose)
                        .hint("fix the compose file (see https://github.com/compose-spec/compose-spec)").build());
            }
        }

        void checkEnvPrivacy(Path env) {
            if (!Files.isRegularFile(env)) {
                return;
            }
            try {
                if (env.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(env);
                    if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                        problems.add(Problem.warning("env.permissions", relative(env)
                                + " can be read by other users (mode " + java.nio.file.attribute.PosixFilePermissions
                                .toString(perms) + ")").file(env).hint("chmod 600 " + relative(env)).build());
                    } else {
                        passed.add(relative(env) + ": private (0600)");
                    }
                }
                if (!gitIgnored(env)) {
                    problems.add(Problem.warning("env.not-ignored", relative(env) + " is not listed in .gitignore")
                            .file(env).hint("add a line `.env` to " + relative(root.resolve(".gitignore"))).build());
                }
            } catch (IOException e) {
                problems.add(Problem.warning("env.unchecked", "cannot check " + relative(env) + ": "
                        + e.getMessage()).file(env).build());
            }
        }

        /** True if a .gitignore between the project root and the file ignores ".env". */
        private boolean gitIgnored(Path env) throws IOException {
            for (Path dir = env.getParent(); dir != null && dir.startsWith(root); dir = dir.getParent()) {
                Path ignore = dir.resolve(".gitignore");
                if (Files.isRegularFile(ignore)) {
                    for (String line : Files.readAllLines(ignore, StandardCharsets.UTF_8)) {
                        String l = line.trim();
                        if (l.equals(".env") || l.equals("/.env") || l.equals("**/.env") || l.equals(".env*")
                                || l.equals("*.env")) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }
}
