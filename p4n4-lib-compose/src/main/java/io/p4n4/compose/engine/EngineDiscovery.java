package io.p4n4.compose.engine;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.api.spi.Availability;
import io.p4n4.api.spi.ContainerEngineProvider;
import io.p4n4.compose.engine.internal.FixedEngineProvider;
import io.p4n4.compose.engine.internal.ProviderLoader;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a working container engine. Candidates, in order:
 * <ol>
 *   <li>engines and providers registered on the builder;</li>
 *   <li>an endpoint set with {@link Builder#endpoint(String)}: only that endpoint, for the chosen engine or
 *       for every provider; nothing else is tried;</li>
 *   <li>an engine chosen with {@link Builder#engineId(String)}, else {@code P4N4_ENGINE} ({@code docker} or
 *       {@code podman}): only that provider, at its own endpoint variable ({@code CONTAINER_HOST} for Podman),
 *       then its usual sockets (Podman: rootless under {@code XDG_RUNTIME_DIR}, then rootful), then the other
 *       endpoint variables, used only when the engine there is the chosen one;</li>
 *   <li>{@code DOCKER_HOST}, then {@code CONTAINER_HOST}: every provider at that endpoint, the one that owns
 *       the variable first;</li>
 *   <li>every {@link ContainerEngineProvider} found by {@link java.util.ServiceLoader}, by descending priority,
 *       at its usual sockets.</li>
 * </ol>
 * Each candidate's engine is created and pinged for real; the first that answers is returned. When none
 * does, one {@link EngineDiscoveryException} lists every candidate and why it failed.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}. The environment is read once, at build time.
 */
public final class EngineDiscovery {
    /** Names the engine to use: a provider id. */
    public static final String P4N4_ENGINE = "P4N4_ENGINE";
    /** Endpoint variables, in the order they are consulted. */
    public static final List<String> ENDPOINT_VARIABLES = List.of("DOCKER_HOST", "CONTAINER_HOST");

    private static final Logger LOG = LoggerFactory.getLogger(EngineDiscovery.class);

    private final List<EngineCandidate> explicit;
    private final List<ContainerEngineProvider> registered;
    private final Map<String, String> environment;
    private final ClassLoader classLoader;
    private final boolean serviceLoader;
    private final @Nullable String engineId;
    private final @Nullable String endpoint;

    private EngineDiscovery(Builder b) {
        this.engineId = b.engineId;
        this.endpoint = b.endpoint;
        this.explicit = List.copyOf(b.explicit);
        this.registered = List.copyOf(b.registered);
        this.environment = Map.copyOf(b.environment);
        this.classLoader = b.classLoader;
        this.serviceLoader = b.serviceLoader;
    }

    /** A discovery over the process environment and the context class loader. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Finds and connects to the first engine that answers: each candidate's engine is created (which the SPI
     * requires to fail when the engine cannot be reached) and pinged, so a working engine is contacted once,
     * not probed through a throw-away engine first. A candidate that fails is reported with its provider's
     * probe detail (which says, e.g., that no socket exists and how to start one).
     */
    public ContainerEngine connect() {
        List<String> problems = new ArrayList<>();
        List<EngineCandidate> candidates = candidates(problems);
        List<ProbeReport> reports = new ArrayList<>();
        for (EngineCandidate c : candidates) {
            EngineConfig config = EngineConfig.of(c.endpoint());
            ContainerEngine engine = null;
            try {
                engine = c.provider().create(config);
                engine.ping();
                LOG.debug("using {}: {}", c.describe(), engine);
                return engine;
            } catch (RuntimeException | LinkageError e) {
                closeQuietly(engine);
                String detail = failureDetail(c, config, e);
                LOG.debug("skipping {}: {}", c.describe(), detail);
                reports.add(new ProbeReport(c, false, detail));
            }
        }
        throw new EngineDiscoveryException(message(reports, problems), reports);
    }

    /**
     * Why {@code c} failed: its provider's probe for a unix socket (instant; it names a missing socket and
     * says how to start the engine), else the error itself, because probing a tcp endpoint that did not
     * answer would wait out the connect timeout a second time.
     */
    private static String failureDetail(EngineCandidate c, EngineConfig config, Throwable failure) {
        String own = failure instanceof RuntimeException ? String.valueOf(failure.getMessage())
                : "could not be loaded: " + failure;
        if (!"unix".equals(c.endpoint().getScheme())) {
            return own;
        }
        Availability a;
        try {
            a = c.provider().probe(config);
        } catch (RuntimeException | LinkageError e) {
            return "probe failed: " + e;
        }
        return a.available() ? "answered the probe, then failed to connect: " + own : a.detail();
    }

    private static void closeQuietly(@Nullable ContainerEngine engine) {
        if (engine == null) {
            return;
        }
        try {
            engine.close();
        } catch (RuntimeException e) {
            LOG.debug("closing a failed engine: {}", e.toString());
        }
    }

    /** Probes every candidate without keeping any engine: for diagnostics ({@code p4n4 doctor}). */
    public List<ProbeReport> probeAll() {
        List<ProbeReport> reports = new ArrayList<>();
        for (EngineCandidate c : candidates(new ArrayList<>())) {
            Availability a;
            try {
                a = c.provider().probe(EngineConfig.of(c.endpoint()));
            } catch (RuntimeException | LinkageError e) {
                a = Availability.unavailable("probe failed: " + e);
            }
            reports.add(new ProbeReport(c, a.available(), a.detail()));
        }
        return reports;
    }

    /** The candidates in the order {@link #connect()} tries them. */
    public List<EngineCandidate> candidates() {
        return candidates(new ArrayList<>());
    }

    private List<EngineCandidate> candidates(List<String> problems) {
        Set<EngineCandidate> out = new LinkedHashSet<>(explicit);
        List<ContainerEngineProvider> providers = new ArrayList<>(registered);
        if (serviceLoader) {
            Set<String> ids = providers.stream().map(ContainerEngineProvider::id).collect(Collectors.toSet());
            for (ContainerEngineProvider p : ProviderLoader.load(classLoader, problems)) {
                if (ids.add(p.id())) {
                    providers.add(p);
                }
            }
        }
        providers.sort(Comparator.comparingInt(ContainerEngineProvider::priority).reversed());
        if (providers.isEmpty() && explicit.isEmpty()) {
            problems.add("no ContainerEngineProvider is on the class path; add io.p4n4:p4n4-lib-docker or "
                    + "io.p4n4:p4n4-lib-podman");
        }

        String wanted = engineId != null ? engineId : env(P4N4_ENGINE);
        String wantedSource = engineId != null ? "engine id '" + engineId + "'" : P4N4_ENGINE + "=" + wanted;
        if (wanted != null) {
            String id = wanted.toLowerCase(Locale.ROOT);
            ContainerEngineProvider p = providers.stream().filter(x -> x.id().equals(id)).findFirst()
                    .orElseThrow(() -> new P4n4Exception(ErrorCode.USER, wantedSource
                            + " names no engine on the class path; known: " + providers.stream()
                            .map(ContainerEngineProvider::id).collect(Collectors.toList())
                            + " (add p4n4-lib-" + id + " or name another engine)"));
            if (endpoint != null) {
                add(out, p, endpoint, "endpoint", problems);
                return distinct(out);
            }
            Optional<String> own = p.endpointVariable();
            own.map(this::env).ifPresent(e -> add(out, p, e, own.get(), problems));
            for (URI u : p.defaultEndpoints(environment)) {
                out.add(new EngineCandidate(p, u, P4N4_ENGINE + " default"));
            }
            // another engine's variable last: it usually points at that engine (DOCKER_HOST at dockerd), and
            // trying it first would make "not Podman" the headline of a failure whose cause is elsewhere
            for (String v : ENDPOINT_VARIABLES) {
                if (env(v) != null && !own.equals(Optional.of(v))) {
                    add(out, p, env(v), v, problems);
                }
            }
            return distinct(out);
        }

        if (endpoint != null) {
            for (ContainerEngineProvider p : providers) {
                add(out, p, endpoint, "endpoint", problems);
            }
            return distinct(out);
        }
        for (String v : ENDPOINT_VARIABLES) {
            String endpoint = env(v);
            if (endpoint == null) {
                continue;
            }
            List<ContainerEngineProvider> ordered = new ArrayList<>(providers);
            ordered.sort(Comparator.comparing((ContainerEngineProvider p) -> !p.endpointVariable().equals(Optional.of(v))));
            for (ContainerEngineProvider p : ordered) {
                add(out, p, endpoint, v, problems);
            }
        }
        for (ContainerEngineProvider p : providers) {
            for (URI u : p.defaultEndpoints(environment)) {
                out.add(new EngineCandidate(p, u, "default"));
            }
        }
        return distinct(out);
    }

    /** One candidate per provider and endpoint, the first (most specific) source kept. */
    private static List<EngineCandidate> distinct(Set<EngineCandidate> candidates) {
        Map<String, EngineCandidate> byKey = new LinkedHashMap<>();
        for (EngineCandidate c : candidates) {
            byKey.putIfAbsent(c.provider().id() + " " + c.endpoint(), c);
        }
        return List.copyOf(byKey.values());
    }

    private void add(Set<EngineCandidate> out, ContainerEngineProvider p, String endpoint, String source,
                     List<String> problems) {
        try {
            out.add(new EngineCandidate(p, EngineConfig.parse(endpoint).endpoint(), source));
        } catch (IllegalArgumentException e) {
            problems.add(source + "=" + endpoint + " is not a usable endpoint: " + e.getMessage());
        }
    }

    private @Nullable String env(String name) {
        String v = environment.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String message(List<ProbeReport> reports, List<String> problems) {
        StringBuilder m = new StringBuilder("no container engine answered");
        if (!reports.isEmpty()) {
            m.append("; tried:");
            for (ProbeReport r : reports) {
                m.append("\n  - ").append(r.describe());
            }
        }
        for (String p : problems) {
            m.append("\n  - ").append(p);
        }
        m.append("\nStart Docker or Podman (for tests: scripts/engines.sh start), or point DOCKER_HOST, "
                + "CONTAINER_HOST or P4N4_ENGINE at a running engine.");
        return m.toString();
    }

    /** Collects registrations and configuration for an {@link EngineDiscovery}. Not thread-safe. */
    public static final class Builder {
        private final List<EngineCandidate> explicit = new ArrayList<>();
        private final List<ContainerEngineProvider> registered = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>(System.getenv());
        private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        private boolean serviceLoader = true;
        private @Nullable String engineId;
        private @Nullable String endpoint;

        private Builder() {
        }

        /**
         * Uses only the provider with this id ({@code docker}, {@code podman}, ...), as {@code P4N4_ENGINE}
         * would; wins over that variable. {@code null} clears it.
         */
        public Builder engineId(@Nullable String engineId) {
            this.engineId = engineId == null || engineId.isBlank() ? null : engineId.trim();
            return this;
        }

        /**
         * Tries only this endpoint ({@code unix:///...}, {@code tcp://host:port}): with the chosen engine, or with
         * every provider. The endpoint variables and the usual sockets are not consulted. {@code null} clears it.
         */
        public Builder endpoint(@Nullable String endpoint) {
            this.endpoint = endpoint == null || endpoint.isBlank() ? null : endpoint.trim();
            return this;
        }

        /** Uses this engine first (it is still pinged). */
        public Builder engine(ContainerEngine engine) {
            explicit.add(new EngineCandidate(new FixedEngineProvider(engine), engine.endpoint(), "explicit"));
            return this;
        }

        /** Tries this provider at {@code endpoint} first. */
        public Builder engine(ContainerEngineProvider provider, URI endpoint) {
            explicit.add(new EngineCandidate(provider, endpoint, "explicit"));
            return this;
        }

        /** Adds a provider as if it were found by the ServiceLoader (it wins over a loaded one of the same id). */
        public Builder provider(ContainerEngineProvider provider) {
            registered.add(provider);
            return this;
        }

        /** Replaces the environment read for P4N4_ENGINE, DOCKER_HOST, CONTAINER_HOST, XDG_RUNTIME_DIR. */
        public Builder environment(Map<String, String> environment) {
            this.environment.clear();
            this.environment.putAll(environment);
            return this;
        }

        /** Loads providers through this class loader. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /** Turns ServiceLoader lookup off (only registered engines and providers are tried). */
        public Builder serviceLoader(boolean enabled) {
            this.serviceLoader = enabled;
            return this;
        }

        /** Builds the discovery. */
        public EngineDiscovery build() {
            return new EngineDiscovery(this);
        }
    }
}
