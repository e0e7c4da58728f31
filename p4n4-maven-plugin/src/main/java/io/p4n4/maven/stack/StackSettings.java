package io.p4n4.maven.stack;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a build plugin asks of a compose stack, with the names of the build parameters: {@code composeFiles},
 * {@code envFiles}, {@code profiles}, {@code projectName}, {@code engine}, {@code host}, {@code wait} and
 * {@code timeout}. Relative paths are resolved against the build's base directory. {@link Builder#build()}
 * refuses what cannot be applied (a missing file, a non-positive timeout) with a USER error naming the
 * parameter, so no setting is dropped on the way to the engine.
 *
 * <p>Immutable and thread-safe; built with {@link #builder(Path)}.
 */
public final class StackSettings {
    /** How long {@code up} may take, waiting included, when {@code timeout} is not set. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private final Path baseDirectory;
    private final List<Path> composeFiles;
    private final List<Path> envFiles;
    private final List<String> profiles;
    private final @Nullable String projectName;
    private final EngineChoice engine;
    private final @Nullable String host;
    private final boolean waitReady;
    private final Duration timeout;

    private StackSettings(Builder b) {
        this.baseDirectory = b.baseDirectory;
        this.composeFiles = List.copyOf(b.composeFiles);
        this.envFiles = List.copyOf(b.envFiles);
        this.profiles = List.copyOf(b.profiles);
        this.projectName = b.projectName;
        this.engine = b.engine;
        this.host = b.host;
        this.waitReady = b.waitReady;
        this.timeout = b.timeout;
    }

    /** A builder for a build whose base directory (where relative paths start) is {@code baseDirectory}. */
    public static Builder builder(Path baseDirectory) {
        return new Builder(baseDirectory);
    }

    /** The build's base directory: the project directory when no compose file is named. */
    public Path baseDirectory() {
        return baseDirectory;
    }

    /** The compose files, absolute, in merge order; empty: Compose's default names in the base directory. */
    public List<Path> composeFiles() {
        return composeFiles;
    }

    /** The env files, absolute, in order; empty: the project directory's {@code .env}. */
    public List<Path> envFiles() {
        return envFiles;
    }

    /** The active profiles; empty: none beyond {@code COMPOSE_PROFILES}. */
    public List<String> profiles() {
        return profiles;
    }

    /** The compose project name, if set (default: derived from the project directory, as Compose does). */
    public Optional<String> projectName() {
        return Optional.ofNullable(projectName);
    }

    /** The engine to run on. */
    public EngineChoice engine() {
        return engine;
    }

    /** The engine endpoint ({@code unix:///...}, {@code tcp://host:port}), if set. */
    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    /** Whether {@code up} waits until every service is healthy (or running, without a healthcheck). */
    public boolean waitReady() {
        return waitReady;
    }

    /** The longest {@code up} may take, waiting included. */
    public Duration timeout() {
        return timeout;
    }

    @Override
    public String toString() {
        return "StackSettings{composeFiles=" + composeFiles + ", envFiles=" + envFiles + ", profiles=" + profiles
                + ", projectName=" + projectName + ", engine=" + engine + ", host=" + host + ", wait=" + waitReady
                + ", timeout=" + timeout + "}";
    }

    /** Collects {@link StackSettings}. Not thread-safe. */
    public static final class Builder {
        private final Path baseDirectory;
        private final List<Path> composeFiles = new ArrayList<>();
        private final List<Path> envFiles = new ArrayList<>();
        private final List<String> profiles = new ArrayList<>();
        private @Nullable String projectName;
        private EngineChoice engine = EngineChoice.AUTO;
        private @Nullable String host;
        private boolean waitReady = true;
        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder(Path baseDirectory) {
            this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
        }

        /** Adds compose files (merge order is the order given); relative ones start at the base directory. */
        public Builder composeFiles(List<Path> files) {
            files.forEach(f -> composeFiles.add(resolve(f)));
            return this;
        }

        /** Adds project env files ({@code --env-file}); relative ones start at the base directory. */
        public Builder envFiles(List<Path> files) {
            files.forEach(f -> envFiles.add(resolve(f)));
            return this;
        }

        /** Activates these profiles. */
        public Builder profiles(List<String> names) {
            names.forEach(n -> profiles.add(Objects.requireNonNull(n, "profile")));
            return this;
        }

        /** Sets the compose project name; {@code null} or blank: derived. */
        public Builder projectName(@Nullable String name) {
            this.projectName = name == null || name.isBlank() ? null : name.trim();
            return this;
        }

        /** Sets the engine. */
        public Builder engine(EngineChoice choice) {
            this.engine = Objects.requireNonNull(choice, "engine");
            return this;
        }

        /** Sets the engine endpoint; {@code null} or blank: the engine's discovery decides. */
        public Builder host(@Nullable String endpoint) {
            this.host = endpoint == null || endpoint.isBlank() ? null : endpoint.trim();
            return this;
        }

        /** Whether {@code up} waits for health (default true). */
        public Builder waitReady(boolean wait) {
            this.waitReady = wait;
            return this;
        }

        /** The longest {@code up} may take (default 5 minutes). */
        public Builder timeout(Duration value) {
            this.timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        /**
         * The settings.
         *
         * @throws P4n4Exception USER naming the parameter when a compose or env file does not exist or the
         *         timeout is not positive
         */
        public StackSettings build() {
            requireFiles("composeFiles", composeFiles);
            requireFiles("envFiles", envFiles);
            if (timeout.isNegative() || timeout.isZero()) {
                throw new P4n4Exception(ErrorCode.USER, "parameter timeout is " + timeout.toSeconds()
                        + " seconds; give it a positive number of seconds");
            }
            return new StackSettings(this);
        }

        private Path resolve(Path file) {
            return baseDirectory.resolve(file).toAbsolutePath().normalize();
        }

        private static void requireFiles(String parameter, List<Path> files) {
            for (Path f : files) {
                if (!Files.isRegularFile(f)) {
                    throw new P4n4Exception(ErrorCode.USER, "parameter " + parameter + " names " + f
                            + ", which is not a file; fix the path or remove it from " + parameter);
                }
            }
        }
    }
}
