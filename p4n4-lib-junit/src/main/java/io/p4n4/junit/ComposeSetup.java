package io.p4n4.junit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@link ComposeEnvironment#start(ComposeSetup)} brings up: the plain-API twin of {@link P4n4Compose}.
 * Immutable and thread-safe; built with {@link #builder(String...)}.
 *
 * <pre>{@code
 * ComposeSetup setup = ComposeSetup.builder("compose.yml")
 *         .engine(EngineChoice.PODMAN)
 *         .waitFor(ReadinessCheck.http("web", 80, "/", 200))
 *         .logDirectory(Path.of("target/p4n4-logs/smoke"))
 *         .build();
 * }</pre>
 */
public final class ComposeSetup {
    /** The timeout used when none is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private final List<Path> files;
    private final Path projectDirectory;
    private final List<Path> envFiles;
    private final List<String> profiles;
    private final List<String> services;
    private final EngineChoice engine;
    private final String host;
    private final Duration waitTimeout;
    private final boolean reuse;
    private final boolean waitForEngineHealth;
    private final List<ReadinessCheck> checks;
    private final @Nullable Path logDirectory;
    private final String owner;

    private ComposeSetup(Builder b) {
        this.projectDirectory = b.projectDirectory.toAbsolutePath().normalize();
        this.files = b.files.stream().map(projectDirectory::resolve).map(Path::normalize).toList();
        this.envFiles = b.envFiles.stream().map(projectDirectory::resolve).map(Path::normalize).toList();
        this.profiles = List.copyOf(b.profiles);
        this.services = List.copyOf(b.services);
        this.engine = b.engine;
        this.host = b.host;
        this.waitTimeout = b.waitTimeout;
        this.reuse = b.reuse;
        this.waitForEngineHealth = b.waitForEngineHealth;
        this.checks = List.copyOf(b.checks);
        this.logDirectory = b.logDirectory == null ? null : projectDirectory.resolve(b.logDirectory).normalize();
        this.owner = b.owner;
    }

    /** A builder for these compose files, relative to the project directory (default: the working directory). */
    public static Builder builder(String... files) {
        Builder b = new Builder();
        for (String f : files) {
            b.file(Path.of(f));
        }
        return b;
    }

    /** The compose files, absolute. */
    public List<Path> files() {
        return files;
    }

    /** The directory relative paths are resolved against, absolute. */
    public Path projectDirectory() {
        return projectDirectory;
    }

    /** The env files, absolute; empty reads the project's {@code .env}. */
    public List<Path> envFiles() {
        return envFiles;
    }

    /** The profiles enabled. */
    public List<String> profiles() {
        return profiles;
    }

    /** The services brought up (with their dependencies); empty for all. */
    public List<String> services() {
        return services;
    }

    /** The engine choice. */
    public EngineChoice engine() {
        return engine;
    }

    /** The engine endpoint, possibly {@code ${NAME}}; empty for the engine's default. */
    public String host() {
        return host;
    }

    /** How long starting may take, extra waits included. */
    public Duration waitTimeout() {
        return waitTimeout;
    }

    /** Whether the project is kept running and reused when its configuration hash matches. */
    public boolean reuse() {
        return reuse;
    }

    /**
     * Whether starting waits until the engine itself reports each healthcheck healthy; false (the default)
     * counts a service as healthy as soon as its healthcheck test passes when p4n4 runs it by {@code exec}.
     * See {@link Builder#waitForEngineHealth(boolean)}.
     */
    public boolean waitForEngineHealth() {
        return waitForEngineHealth;
    }

    /** The extra readiness checks. */
    public List<ReadinessCheck> checks() {
        return checks;
    }

    /** Where each service's log is written as {@code <service>.log}, if anywhere. */
    public Optional<Path> findLogDirectory() {
        return Optional.ofNullable(logDirectory);
    }

    /** Who uses the project (a test class name): part of the reused project's name; empty when not set. */
    public String owner() {
        return owner;
    }

    @Override
    public String toString() {
        return "ComposeSetup[files=" + files + ", engine=" + engine + ", services=" + services + ", profiles="
                + profiles + ", reuse=" + reuse + ", waitForEngineHealth=" + waitForEngineHealth + "]";
    }

    /** Collects a {@link ComposeSetup}. Not thread-safe. */
    public static final class Builder {
        private final List<Path> files = new ArrayList<>();
        private Path projectDirectory = Path.of("");
        private final List<Path> envFiles = new ArrayList<>();
        private final List<String> profiles = new ArrayList<>();
        private final List<String> services = new ArrayList<>();
        private EngineChoice engine = EngineChoice.AUTO;
        private String host = "";
        private Duration waitTimeout = DEFAULT_TIMEOUT;
        private boolean reuse;
        private boolean waitForEngineHealth;
        private final List<ReadinessCheck> checks = new ArrayList<>();
        private @Nullable Path logDirectory;
        private String owner = "";

        private Builder() {
        }

        /** Adds a compose file (later files override earlier ones, as with {@code -f}). */
        public Builder file(Path file) {
            files.add(Objects.requireNonNull(file, "file"));
            return this;
        }

        /** The directory relative paths are resolved against. */
        public Builder projectDirectory(Path dir) {
            this.projectDirectory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** Adds an {@code --env-file}. */
        public Builder envFile(Path file) {
            envFiles.add(Objects.requireNonNull(file, "file"));
            return this;
        }

        /** Enables profiles. */
        public Builder profiles(String... names) {
            profiles.addAll(List.of(names));
            return this;
        }

        /** Brings up only these services and what they depend on. */
        public Builder services(String... names) {
            services.addAll(List.of(names));
            return this;
        }

        /** The engine to run on. */
        public Builder engine(EngineChoice choice) {
            this.engine = Objects.requireNonNull(choice, "engine");
            return this;
        }

        /** The engine endpoint; {@code ${NAME}} reads a system property or environment variable. */
        public Builder host(String endpoint) {
            this.host = Objects.requireNonNull(endpoint, "host");
            return this;
        }

        /** How long starting may take; must be positive. */
        public Builder waitTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("waitTimeout must be positive, not " + timeout);
            }
            this.waitTimeout = timeout;
            return this;
        }

        /** Keep the project running after {@code close()} and reuse it while its configuration is unchanged. */
        public Builder reuse(boolean keep) {
            this.reuse = keep;
            return this;
        }

        /**
         * Wait until the engine itself reports every healthcheck healthy, as {@code docker compose up --wait}
         * does. Off by default: a service with a healthcheck counts as healthy as soon as that same test passes
         * when p4n4 runs it by {@code exec}, at once and then every 50 ms to 1 s. Docker runs a container's first
         * check only one {@code interval} after it starts, so the engine's verdict can come a whole interval
         * after the service is ready. Only a pass counts early: a failing check still keeps the service not
         * ready. Turn this on when a test reads the engine's health status ({@code ps}, inspect) and expects
         * "healthy".
         */
        public Builder waitForEngineHealth(boolean engineVerdict) {
            this.waitForEngineHealth = engineVerdict;
            return this;
        }

        /** Adds extra readiness checks. */
        public Builder waitFor(ReadinessCheck... more) {
            checks.addAll(List.of(more));
            return this;
        }

        /** Writes each service's log to {@code dir/<service>.log} at start-up failure and at {@code close()}. */
        public Builder logDirectory(Path dir) {
            this.logDirectory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** Who uses the project (a test class name); names the reused project. */
        public Builder owner(String name) {
            this.owner = Objects.requireNonNull(name, "owner");
            return this;
        }

        /** The setup; at least one compose file is required. */
        public ComposeSetup build() {
            if (files.isEmpty()) {
                throw new IllegalArgumentException("a compose setup needs at least one compose file");
            }
            return new ComposeSetup(this);
        }
    }
}
