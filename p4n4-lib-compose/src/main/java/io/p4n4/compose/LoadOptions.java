package io.p4n4.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How {@link ComposeLoader} loads a project; the equivalent of {@code docker compose}'s
 * {@code -f}, {@code --env-file}, {@code --profile}, {@code -p} and {@code --project-directory}.
 * Defaults follow Compose: the process environment, the working directory's {@code .env}, the
 * default file names ({@code compose.yaml}, ... plus the matching override file), paths resolved,
 * normalization, schema validation and consistency checks on.
 *
 * <p>Immutable and thread-safe; build one with {@link #builder()}. {@link #toString()} never shows
 * environment values.
 */
public final class LoadOptions {
    private final List<ComposeSource> files;
    private final @Nullable Path workingDirectory;
    private final @Nullable List<Path> envFiles;
    private final boolean defaultEnvFile;
    private final @Nullable Map<String, String> environment;
    private final @Nullable List<String> profiles;
    private final @Nullable String projectName;
    private final boolean resolvePaths;
    private final boolean normalize;
    private final boolean validateSchema;
    private final boolean consistencyCheck;
    private final boolean discardEnvFile;
    private final boolean configFileFromEnv;

    private LoadOptions(Builder b) {
        this.files = List.copyOf(b.files);
        this.workingDirectory = b.workingDirectory == null ? null : b.workingDirectory.toAbsolutePath().normalize();
        this.envFiles = b.envFiles == null ? null : List.copyOf(b.envFiles);
        this.defaultEnvFile = b.defaultEnvFile;
        this.environment = b.environment == null ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
        this.profiles = b.profiles == null ? null : List.copyOf(b.profiles);
        this.projectName = b.projectName;
        this.resolvePaths = b.resolvePaths;
        this.normalize = b.normalize;
        this.validateSchema = b.validateSchema;
        this.consistencyCheck = b.consistencyCheck;
        this.discardEnvFile = b.discardEnvFile;
        this.configFileFromEnv = b.configFileFromEnv;
    }

    /** Returns a builder with Compose's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options that load exactly these files with every other setting at its default. */
    public static LoadOptions of(Path... files) {
        Builder b = builder();
        for (Path f : files) {
            b.file(f);
        }
        return b.build();
    }

    /** Returns the compose files in merge order; empty means "look for the default names". */
    public List<ComposeSource> files() {
        return files;
    }

    /** Returns the project directory, if given (default: the first file's directory). */
    public Optional<Path> workingDirectory() {
        return Optional.ofNullable(workingDirectory);
    }

    /** Returns the project env files ({@code --env-file}), if given (default: {@code .env} in the project directory). */
    public Optional<List<Path>> envFiles() {
        return Optional.ofNullable(envFiles);
    }

    /** Whether the project directory's {@code .env} is read when no env files are given. */
    public boolean defaultEnvFile() {
        return defaultEnvFile;
    }

    /** Returns the environment to use, if given (default: the process environment). */
    public Optional<Map<String, String>> environment() {
        return Optional.ofNullable(environment);
    }

    /** Returns the active profiles, if given (default: {@code COMPOSE_PROFILES}). */
    public Optional<List<String>> profiles() {
        return Optional.ofNullable(profiles);
    }

    /** Returns the explicit project name, if given; an empty name counts as not given. */
    public Optional<String> projectName() {
        return Optional.ofNullable(projectName).filter(n -> !n.isEmpty());
    }

    /** Whether relative paths become absolute (default true). */
    public boolean resolvePaths() {
        return resolvePaths;
    }

    /** Whether defaults are filled in: default network, resource names, implicit dependencies (default true). */
    public boolean normalize() {
        return normalize;
    }

    /** Whether each file is validated against the compose-spec JSON Schema (default true). */
    public boolean validateSchema() {
        return validateSchema;
    }

    /** Whether references between services, networks, volumes, configs and secrets are checked (default true). */
    public boolean consistencyCheck() {
        return consistencyCheck;
    }

    /** Whether {@code env_file} is dropped from services once merged into {@code environment} (default false). */
    public boolean discardEnvFile() {
        return discardEnvFile;
    }

    /** Whether {@code COMPOSE_FILE} names the files when none are given (default true). */
    public boolean configFileFromEnv() {
        return configFileFromEnv;
    }

    /** Returns a builder holding these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.files.addAll(files);
        b.workingDirectory = workingDirectory;
        b.envFiles = envFiles == null ? null : new ArrayList<>(envFiles);
        b.defaultEnvFile = defaultEnvFile;
        b.environment = environment;
        b.profiles = profiles == null ? null : new ArrayList<>(profiles);
        b.projectName = projectName;
        b.resolvePaths = resolvePaths;
        b.normalize = normalize;
        b.validateSchema = validateSchema;
        b.consistencyCheck = consistencyCheck;
        b.discardEnvFile = discardEnvFile;
        b.configFileFromEnv = configFileFromEnv;
        return b;
    }

    @Override
    public String toString() {
        return "LoadOptions{files=" + files + ", workingDirectory=" + workingDirectory + ", envFiles=" + envFiles
                + ", environment=" + (environment == null ? "<process>" : environment.size() + " variables")
                + ", profiles=" + profiles + ", projectName=" + projectName + "}";
    }

    /** Builds {@link LoadOptions}. Not thread-safe. */
    public static final class Builder {
        private final List<ComposeSource> files = new ArrayList<>();
        private @Nullable Path workingDirectory;
        private @Nullable List<Path> envFiles;
        private boolean defaultEnvFile = true;
        private @Nullable Map<String, String> environment;
        private @Nullable List<String> profiles;
        private @Nullable String projectName;
        private boolean resolvePaths = true;
        private boolean normalize = true;
        private boolean validateSchema = true;
        private boolean consistencyCheck = true;
        private boolean discardEnvFile;
        private boolean configFileFromEnv = true;

        private Builder() {
        }

        /** Adds a compose file (merge order is the order of calls). */
        public Builder file(Path file) {
            files.add(ComposeSource.file(file));
            return this;
        }

        /** Adds a compose file on disk or in memory. */
        public Builder source(ComposeSource source) {
            files.add(Objects.requireNonNull(source, "source"));
            return this;
        }

        /** Sets the project directory; {@code null} restores the default (the first file's directory). */
        public Builder workingDirectory(@Nullable Path dir) {
            this.workingDirectory = dir;
            return this;
        }

        /** Adds a project env file ({@code --env-file}); once any is added, {@code .env} is not read by default. */
        public Builder envFile(Path file) {
            if (envFiles == null) {
                envFiles = new ArrayList<>();
            }
            envFiles.add(file.toAbsolutePath().normalize());
            return this;
        }

        /** Whether the project directory's {@code .env} is read when no env file is added (default true). */
        public Builder defaultEnvFile(boolean read) {
            this.defaultEnvFile = read;
            return this;
        }

        /** Uses this environment instead of the process environment (copied); {@code null}: the process's. */
        public Builder environment(@Nullable Map<String, String> env) {
            this.environment = env == null ? null : new LinkedHashMap<>(env);
            return this;
        }

        /** Activates a profile ({@code --profile}); once any is given, {@code COMPOSE_PROFILES} is ignored. */
        public Builder profile(String profile) {
            if (profiles == null) {
                profiles = new ArrayList<>();
            }
            profiles.add(Objects.requireNonNull(profile, "profile"));
            return this;
        }

        /**
         * Sets the active profiles (an empty list: none, ignoring {@code COMPOSE_PROFILES}; {@code null}: back to
         * {@code COMPOSE_PROFILES}).
         */
        public Builder profiles(@Nullable List<String> list) {
            this.profiles = list == null ? null : new ArrayList<>(list);
            return this;
        }

        /** Sets the project name ({@code -p}); must be a valid compose project name; {@code null}: derived. */
        public Builder projectName(@Nullable String name) {
            this.projectName = name;
            return this;
        }

        /** Keeps relative paths relative to the project directory when {@code false}. */
        public Builder resolvePaths(boolean resolve) {
            this.resolvePaths = resolve;
            return this;
        }

        /** Turns default-filling normalization off when {@code false}. */
        public Builder normalize(boolean on) {
            this.normalize = on;
            return this;
        }

        /** Turns schema validation off when {@code false}. */
        public Builder validateSchema(boolean on) {
            this.validateSchema = on;
            return this;
        }

        /** Turns the reference consistency check off when {@code false}. */
        public Builder consistencyCheck(boolean on) {
            this.consistencyCheck = on;
            return this;
        }

        /** Drops {@code env_file} from services once merged into {@code environment}. */
        public Builder discardEnvFile(boolean discard) {
            this.discardEnvFile = discard;
            return this;
        }

        /** Whether {@code COMPOSE_FILE} names the files when none are added (default true). */
        public Builder configFileFromEnv(boolean honour) {
            this.configFileFromEnv = honour;
            return this;
        }

        /** Returns the options. */
        public LoadOptions build() {
            return new LoadOptions(this);
        }
    }
}
