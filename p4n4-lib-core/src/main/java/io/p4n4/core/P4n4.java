package io.p4n4.core;

import io.p4n4.api.spi.StackProvider;
import io.p4n4.core.project.ProjectService;
import io.p4n4.core.secrets.SecretGenerator;
import io.p4n4.core.stack.StackRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The facade users start from: p4n4 projects here, and the door to every other part of the library.
 *
 * <table>
 *   <caption>Where each job starts (each artifact brings only what its job needs)</caption>
 *   <tr><th>job</th><th>start from</th><th>artifact</th></tr>
 *   <tr><td>p4n4 projects: scaffold, validate, secrets</td><td>{@link #projects()}</td><td>p4n4-lib-core</td></tr>
 *   <tr><td>bring a project's stacks up in order</td><td>{@link io.p4n4.core.platform.Platform#create}</td>
 *       <td>p4n4-lib-core</td></tr>
 *   <tr><td>find Docker or Podman</td><td>{@link io.p4n4.compose.engine.EngineDiscovery#builder()}</td>
 *       <td>p4n4-lib-compose + a backend</td></tr>
 *   <tr><td>load and run any compose file</td><td>{@link io.p4n4.compose.ComposeLoader},
 *       {@link io.p4n4.compose.exec.ComposeExecutor#create}</td><td>p4n4-lib-compose</td></tr>
 *   <tr><td>talk to Ollama, Letta, InfluxDB 2, Edge Impulse</td><td>{@code io.p4n4.clients.ClientFactory}</td>
 *       <td>p4n4-lib-clients</td></tr>
 *   <tr><td>run Scores on a device</td><td>{@code io.p4n4.agent.launcher.AgentLauncher},
 *       {@code io.p4n4.agent.DeviceAgent.builder()}</td><td>p4n4-lib-agent</td></tr>
 *   <tr><td>test with real engines and NATS</td><td>{@code io.p4n4.testkit.engine.RealEngine},
 *       {@code io.p4n4.testkit.nats.NatsServer}</td><td>p4n4-lib-testkit</td></tr>
 * </table>
 * The clients, the agent and the testkit are named in code font: this facade does not depend on them, so
 * that a user of projects does not get their dependencies.
 *
 * <pre>{@code
 * Project project = P4n4.projects().init(InitOptions.of(dir, List.of(StackId.IOT, StackId.AI)));
 * ValidationReport report = project.validate();
 * }</pre>
 *
 * <p>{@link #projects()} uses a shared default instance (stacks found by {@code ServiceLoader}, a
 * self-seeded {@code SecureRandom}, the process environment). Build your own with {@link #builder()}
 * to register stack providers explicitly or to fix the random source in tests. Immutable and
 * thread-safe.
 */
public final class P4n4 {
    private static final class Default {
        static final P4n4 INSTANCE = builder().build();
    }

    private final ProjectService projects;
    private final StackRegistry stacks;

    private P4n4(Builder b) {
        ClassLoader loader = b.classLoader != null ? b.classLoader : P4n4.class.getClassLoader();
        this.stacks = b.discover ? StackRegistry.load(b.providers, loader) : StackRegistry.of(b.providers);
        this.projects = ProjectService.create(stacks, b.secrets, b.cliVersion, b.environment);
    }

    /** Returns the project service of the shared default instance. */
    public static ProjectService projects() {
        return Default.INSTANCE.projectService();
    }

    /** Returns this instance's project service. */
    public ProjectService projectService() {
        return projects;
    }

    /** Returns the stacks this instance knows. */
    public StackRegistry stacks() {
        return stacks;
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the library version as {@code major.minor.patch} (a {@code -SNAPSHOT} or other suffix is
     * dropped, since manifests accept only that form).
     */
    public static String version() {
        try (InputStream in = P4n4.class.getResourceAsStream("/io/p4n4/core/p4n4-lib.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "0.0.0");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+\\.\\d+\\.\\d+)").matcher(v);
            return m.find() ? m.group(1) : "0.0.0";
        } catch (IOException e) {
            return "0.0.0";
        }
    }

    /** Builds a {@link P4n4}. Not thread-safe. */
    public static final class Builder {
        private final List<StackProvider> providers = new ArrayList<>();
        private boolean discover = true;
        private @Nullable ClassLoader classLoader;
        private SecretGenerator secrets = SecretGenerator.create();
        private String cliVersion = version();
        private Function<String, @Nullable String> environment = System::getenv;

        private Builder() {
        }

        /** Registers a stack provider; it wins ties against discovered ones. */
        public Builder stackProvider(StackProvider provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Whether to add providers found by {@code ServiceLoader} (default true). */
        public Builder discoverStackProviders(boolean discover) {
            this.discover = discover;
            return this;
        }

        /** The class loader to discover providers with (default, or {@code null}: p4n4-lib's). */
        public Builder classLoader(@Nullable ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /** The secret generator (default: a self-seeded {@code SecureRandom}). */
        public Builder secretGenerator(SecretGenerator secrets) {
            this.secrets = Objects.requireNonNull(secrets, "secrets");
            return this;
        }

        /** The version recorded as {@code cli_version} in new manifests (default: {@link #version()}). */
        public Builder cliVersion(String cliVersion) {
            this.cliVersion = Objects.requireNonNull(cliVersion, "cliVersion");
            return this;
        }

        /** The environment used to expand {@code ${VAR}} in {@code .env} values (default: the process's). */
        public Builder environment(Map<String, String> environment) {
            Map<String, String> copy = Map.copyOf(environment);
            this.environment = copy::get;
            return this;
        }

        /** Builds the instance. */
        public P4n4 build() {
            return new P4n4(this);
        }
    }
}
