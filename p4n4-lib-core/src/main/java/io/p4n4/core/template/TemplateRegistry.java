package io.p4n4.core.template;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.Manifest;
import io.p4n4.api.project.ManifestDocument;
import io.p4n4.api.spi.TemplateSource;
import io.p4n4.api.template.PullReport;
import io.p4n4.api.template.TemplateDescriptor;
import io.p4n4.api.template.TemplateEntry;
import io.p4n4.api.template.TemplateIndex;
import io.p4n4.api.template.TemplateVariable;
import io.p4n4.core.P4n4;
import io.p4n4.core.manifest.Manifests;
import io.p4n4.core.scaffold.TemplateContext;
import io.p4n4.core.template.internal.DirectorySource;
import io.p4n4.core.template.internal.FileTrees;
import io.p4n4.core.template.internal.HttpIndexSource;
import io.p4n4.core.template.internal.IndexReader;
import io.p4n4.core.template.internal.ProjectMerge;
import io.p4n4.core.template.internal.SnapshotCache;
import io.p4n4.core.template.internal.Tarballs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The template registry: fetches registries' {@code index.json} (git repositories through
 * {@code p4n4-lib-templates-git}, static HTTPS indexes, local directories), keeps the last snapshot of each
 * in the user's cache ({@code $XDG_CACHE_HOME/p4n4/templates}, else {@code ~/.cache/p4n4/templates}),
 * prepares templates (fetched, descriptor read, {@code requires.cli} checked) and pulls them into projects.
 *
 * <pre>{@code
 * TemplateRegistry registry = TemplateRegistry.builder().build();
 * try (PreparedTemplate t = registry.prepare(List.of(registryUrl), "iot-minimal")) {
 *     PullReport report = registry.pull(t, projectDir, Map.of(), false);
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; two processes refreshing the same registry at once each install a complete
 * snapshot (the last one wins).
 */
public final class TemplateRegistry {
    /** The registry used when a project lists no {@code template_orgs}: the community registry. */
    public static final URI DEFAULT_REGISTRY = URI.create("https://github.com/raisga/p4n4-templates");
    /** The environment variable that replaces {@link #DEFAULT_REGISTRY}. */
    public static final String REGISTRY_VARIABLE = "P4N4_TEMPLATE_REGISTRY";

    private final List<TemplateSource> sources;
    private final SnapshotCache cache;
    private final HttpClient http;
    private final String cliVersion;
    private final boolean offline;
    private final Duration staleAfter;
    private final Clock clock;

    private TemplateRegistry(Builder b) {
        this.http = b.http != null ? b.http : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        List<TemplateSource> all = new ArrayList<>(b.sources);
        all.add(new HttpIndexSource(http));
        all.add(new DirectorySource());
        if (b.discover) {
            all.addAll(discover(b.classLoader != null ? b.classLoader : TemplateRegistry.class.getClassLoader()));
        }
        // stable sort: explicit sources win ties, then built-in, then discovered
        all.sort(Comparator.comparingInt(TemplateSource::priority).reversed());
        this.sources = List.copyOf(all);
        this.cache = new SnapshotCache(b.cacheDirectory != null ? b.cacheDirectory : cacheRoot(b.environment));
        this.cliVersion = b.cliVersion;
        this.offline = b.offline;
        this.staleAfter = b.staleAfter;
        this.clock = b.clock;
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The registries of a project: its manifest's {@code template_orgs}, or the default registry
     * ({@code P4N4_TEMPLATE_REGISTRY} from {@code environment}, else {@link #DEFAULT_REGISTRY}) when it lists none.
     */
    public static List<URI> registriesOf(@Nullable ManifestDocument manifest,
            Function<String, @Nullable String> environment) {
        if (manifest instanceof Manifest m && !m.templateOrgs().isEmpty()) {
            return m.templateOrgs();
        }
        return List.of(defaultRegistry(environment));
    }

    /** {@code P4N4_TEMPLATE_REGISTRY} from {@code environment}, else {@link #DEFAULT_REGISTRY}. */
    public static URI defaultRegistry(Function<String, @Nullable String> environment) {
        String v = environment.apply(REGISTRY_VARIABLE);
        if (v == null || v.isBlank()) {
            return DEFAULT_REGISTRY;
        }
        try {
            return URI.create(v.strip());
        } catch (IllegalArgumentException e) {
            throw new P4n4Exception(ErrorCode.USER, REGISTRY_VARIABLE + " is not a URL: " + e.getMessage());
        }
    }

    /** The sources this registry uses, highest priority first. */
    public List<TemplateSource> sources() {
        return sources;
    }

    /** Whether this registry reads cached snapshots only. */
    public boolean offline() {
        return offline;
    }

    /**
     * The index of {@code registry}: fetched now, or the cached snapshot when offline.
     *
     * @throws P4n4Exception NETWORK when it cannot be fetched (the message says whether a cached snapshot
     *     exists for {@code --offline}, and how old it is); USER when no source accepts the URL; VALIDATION
     *     or COMPATIBILITY when the index is not one this p4n4 reads
     */
    public RegistrySnapshot snapshot(URI registry) {
        Instant now = clock.instant();
        Optional<SnapshotCache.Snapshot> cached = cache.find(registry);
        SnapshotCache.Snapshot snap;
        if (offline) {
            snap = cached.orElseThrow(() -> new P4n4Exception(ErrorCode.NETWORK, "--offline: there is no cached"
                    + " snapshot of registry " + registry + "; run once without --offline to fetch it"));
        } else {
            TemplateSource source = sourceFor(registry);
            try {
                snap = cache.refresh(registry, source, now);
            } catch (P4n4Exception e) {
                if (e.code() != ErrorCode.NETWORK) {
                    throw e;
                }
                throw new P4n4Exception(ErrorCode.NETWORK, "cannot reach template registry " + registry + ": "
                        + e.getMessage() + "; " + cached.map(c -> "use --offline for the cached snapshot fetched "
                        + RegistrySnapshot.describe(Duration.between(c.fetchedAt(), now)) + " ago")
                        .orElse("check the URL and the network (--offline needs a snapshot, and none is cached)"), e);
            }
        }
        Path indexFile = snap.directory().resolve("index.json");
        String text;
        try {
            text = Files.readString(indexFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.VALIDATION, "registry " + registry + " has no index.json at its root"
                    + " (looked in " + indexFile + "); a registry holds index.json and one directory per template", e);
        }
        TemplateIndex index = IndexReader.parse(text, registry, indexFile);
        Duration age = Duration.between(snap.fetchedAt(), now);
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        return new RegistrySnapshot(registry, index, snap.directory(), snap.fetchedAt(), offline, age,
                age.compareTo(staleAfter) > 0);
    }

    /**
     * Finds template {@code name} in the first of {@code registries} that lists it.
     *
     * @throws P4n4Exception USER naming the registries when none lists it
     */
    public Found find(List<URI> registries, String name) {
        List<String> searched = new ArrayList<>();
        for (URI registry : registries) {
            RegistrySnapshot snap = snapshot(registry);
            Optional<TemplateEntry> entry = snap.index().find(name);
            if (entry.isPresent()) {
                return new Found(snap, entry.get());
            }
            searched.add(registry + " (" + snap.index().templates().size() + " templates)");
        }
        throw new P4n4Exception(ErrorCode.USER, "no registry lists a template named '" + name + "'; searched "
                + String.join(", ", searched) + "; see `p4n4 template search`");
    }

    /** A template's entry and the registry listing it. @param registry the registry @param entry the entry */
    public record Found(RegistrySnapshot registry, TemplateEntry entry) {
    }

    /**
     * Fetches template {@code name} (its tarball, checked against the index's SHA-256, or its directory in
     * {@code repo}), reads its descriptor and checks its {@code requires.cli} against this p4n4's version.
     *
     * @throws P4n4Exception COMPATIBILITY when the template needs another p4n4; VALIDATION for a tampered
     *     tarball or a broken descriptor
     */
    public PreparedTemplate prepare(List<URI> registries, String name) {
        Found found = find(registries, name);
        TemplateEntry entry = found.entry();
        Path scratch = null;
        Path dir;
        try {
            if (entry.tarball() != null) {
                if (offline) {
                    throw new P4n4Exception(ErrorCode.NETWORK, "--offline: template " + name + " is a tarball ("
                            + entry.tarball() + ") and tarballs are not cached; run without --offline");
                }
                scratch = cache.scratch();
                Path unpacked = scratch.resolve("template");
                Files.createDirectories(unpacked);
                Tarballs.fetch(http, found.registry().registry().resolve(entry.tarball()),
                        Objects.requireNonNull(entry.sha256(), "sha256"), unpacked, name);
                dir = templateRoot(unpacked);
            } else {
                dir = inRepository(found.registry(), entry);
            }
            TemplateDescriptor descriptor = TemplateDescriptors.read(dir);
            if (!descriptor.name().equals(name)) {
                throw new P4n4Exception(ErrorCode.VALIDATION, "registry " + found.registry().registry() + " lists '"
                        + name + "' but its " + TemplateDescriptor.FILE_NAME + " is named '" + descriptor.name()
                        + "'; tell the registry's owner");
            }
            TemplateDescriptors.checkCompatible(descriptor, cliVersion);
            PreparedTemplate prepared = new PreparedTemplate(found.registry(), entry, descriptor, dir, scratch);
            scratch = null;
            return prepared;
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot prepare template " + name + ": " + e.getMessage(), e);
        } finally {
            if (scratch != null) {
                FileTrees.deleteQuietly(scratch);
            }
        }
    }

    /**
     * Pulls a prepared template into the project in {@code projectDir}: renders its {@code .j2} files with
     * its variables ({@code set} overrides defaults; the project's name, slug and this p4n4's version are there
     * too), merges the files (see {@code docs/templates.md}) and records the template in the manifest.
     *
     * @param set values for the template's {@code [template.variables]}; a name it does not declare is a USER error
     * @param force whether existing files (other than {@code .env} and the Node-RED flows) are replaced
     * @throws P4n4Exception USER when the project lacks a stack the template requires or {@code set} names an
     *     unknown variable
     */
    public PullReport pull(PreparedTemplate template, Path projectDir, Map<String, String> set, boolean force) {
        Path manifestFile = projectDir.resolve(Manifests.FILE_NAME);
        ManifestDocument doc = Manifests.read(manifestFile);
        if (!(doc instanceof Manifest manifest)) {
            throw new P4n4Exception(ErrorCode.USER, manifestFile + " is in the legacy upstream format; run"
                    + " `p4n4 migrate` before pulling templates");
        }
        TemplateDescriptor d = template.descriptor();
        List<String> missing = d.requiresStacks().stream()
                .filter(s -> manifest.stacks().stream().noneMatch(id -> id.value().equals(s))).toList();
        if (!missing.isEmpty()) {
            throw new P4n4Exception(ErrorCode.USER, "template " + d.name() + " needs the stacks "
                    + d.requiresStacks() + " and the project lacks " + missing + "; add them first (p4n4 add "
                    + String.join(" ", missing) + ")");
        }
        Map<String, Object> values = new HashMap<>(TemplateContext.of(manifest.name(), cliVersion).asMap());
        Map<String, String> declared = new LinkedHashMap<>();
        for (TemplateVariable v : d.variables()) {
            declared.put(v.name(), v.defaultValue());
        }
        for (Map.Entry<String, String> e : set.entrySet()) {
            if (!declared.containsKey(e.getKey())) {
                throw new P4n4Exception(ErrorCode.USER, "--set " + e.getKey() + ": template " + d.name()
                        + " has no such variable; it has " + (declared.isEmpty() ? "none" : declared.keySet()));
            }
            declared.put(e.getKey(), e.getValue());
        }
        values.putAll(declared);
        PullReport report = ProjectMerge.apply(d.name(), d.version(), template.directory(),
                projectDir.toAbsolutePath().normalize(), values, force);
        Manifests.write(manifestFile, AppliedTemplates.record(manifest, d.name(), d.version()));
        return report;
    }

    private TemplateSource sourceFor(URI location) {
        return sources.stream().filter(s -> s.accepts(location)).findFirst()
                .orElseThrow(() -> new P4n4Exception(ErrorCode.USER, "no template source accepts " + location
                        + " (sources: " + String.join(", ", sources.stream().map(TemplateSource::id).toList())
                        + "). Git registries (git://, ssh://, https:// repositories, file: URLs of git repositories)"
                        + " need io.p4n4:p4n4-lib-templates-git on the class path; a static index is an https URL"
                        + " ending in .json; a local registry is a file: URL of a directory holding index.json"));
    }

    private Path inRepository(RegistrySnapshot registry, TemplateEntry entry) {
        Path root;
        String repo = entry.repo();
        if (repo.equals(TemplateEntry.SAME_REPOSITORY) || sameLocation(repo, registry.registry())) {
            root = registry.directory();
        } else {
            URI location = registry.registry().resolve(repo);
            Optional<SnapshotCache.Snapshot> cached = cache.find(location);
            if (offline) {
                root = cached.orElseThrow(() -> new P4n4Exception(ErrorCode.NETWORK, "--offline: repository " + repo
                        + " of template " + entry.name() + " was never fetched; run without --offline")).directory();
            } else {
                try {
                    root = cache.refresh(location, sourceFor(location), clock.instant()).directory();
                } catch (P4n4Exception e) {
                    if (e.code() != ErrorCode.NETWORK) {
                        throw e;
                    }
                    throw new P4n4Exception(ErrorCode.NETWORK, "cannot reach repository " + repo + " of template "
                            + entry.name() + ": " + e.getMessage()
                            + (cached.isPresent() ? "; use --offline for the cached snapshot" : ""), e);
                }
            }
        }
        Path dir = root.resolve(entry.subdir()).normalize();
        if (!dir.startsWith(root) || !Files.isRegularFile(dir.resolve(TemplateDescriptor.FILE_NAME))) {
            throw new P4n4Exception(ErrorCode.VALIDATION, "template " + entry.name() + ": subdir '" + entry.subdir()
                    + "' of " + repo + " holds no " + TemplateDescriptor.FILE_NAME + "; tell the registry's owner");
        }
        return dir;
    }

    private static boolean sameLocation(String repo, URI registry) {
        String a = repo.replaceAll("/+$", "").replaceAll("\\.git$", "");
        String b = registry.toString().replaceAll("/+$", "").replaceAll("\\.git$", "");
        return a.equals(b);
    }

    /** The template directory of an unpacked tarball: its root, or the single directory at its root. */
    private static Path templateRoot(Path unpacked) throws IOException {
        if (Files.isRegularFile(unpacked.resolve(TemplateDescriptor.FILE_NAME))) {
            return unpacked;
        }
        try (var list = Files.list(unpacked)) {
            List<Path> entries = list.toList();
            if (entries.size() == 1 && Files.isRegularFile(entries.get(0).resolve(TemplateDescriptor.FILE_NAME))) {
                return entries.get(0);
            }
        }
        throw new P4n4Exception(ErrorCode.VALIDATION, "the tarball holds no " + TemplateDescriptor.FILE_NAME
                + " at its root or in its single top directory");
    }

    private static Path cacheRoot(Function<String, @Nullable String> env) {
        String xdg = env.apply("XDG_CACHE_HOME");
        Path base;
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            base = Path.of(xdg);
        } else {
            String home = env.apply("HOME");
            base = Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".cache");
        }
        return base.resolve("p4n4").resolve("templates");
    }

    private static List<TemplateSource> discover(ClassLoader loader) {
        List<TemplateSource> found = new ArrayList<>();
        var it = ServiceLoader.load(TemplateSource.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                org.slf4j.LoggerFactory.getLogger(TemplateRegistry.class)
                        .warn("a template source could not be loaded and is left out: {}", e.getMessage());
            }
        }
        return found;
    }

    /** Builds a {@link TemplateRegistry}. Not thread-safe. */
    public static final class Builder {
        private final List<TemplateSource> sources = new ArrayList<>();
        private boolean discover = true;
        private @Nullable ClassLoader classLoader;
        private @Nullable Path cacheDirectory;
        private Function<String, @Nullable String> environment = System::getenv;
        private @Nullable HttpClient http;
        private String cliVersion = P4n4.version();
        private boolean offline;
        private Duration staleAfter = Duration.ofDays(7);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Registers a source; it wins priority ties against built-in and discovered ones. */
        public Builder source(TemplateSource source) {
            sources.add(Objects.requireNonNull(source, "source"));
            return this;
        }

        /** Whether to add sources found by {@code ServiceLoader} (default true). */
        public Builder discoverSources(boolean discover) {
            this.discover = discover;
            return this;
        }

        /** The class loader to discover sources with (default, or {@code null}: p4n4-lib's). */
        public Builder classLoader(@Nullable ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /** The cache directory (default: {@code $XDG_CACHE_HOME/p4n4/templates}, else {@code ~/.cache/...}). */
        public Builder cacheDirectory(Path cacheDirectory) {
            this.cacheDirectory = Objects.requireNonNull(cacheDirectory, "cacheDirectory");
            return this;
        }

        /** The environment read for {@code XDG_CACHE_HOME} and {@code HOME} (default: the process's). */
        public Builder environment(Map<String, String> environment) {
            Map<String, String> copy = Map.copyOf(environment);
            this.environment = copy::get;
            return this;
        }

        /** The HTTP client for static indexes and tarballs (default: 10 s connect timeout, redirects followed). */
        public Builder httpClient(HttpClient http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        /** The version {@code requires.cli} ranges are checked against (default: {@link P4n4#version()}). */
        public Builder cliVersion(String cliVersion) {
            this.cliVersion = Objects.requireNonNull(cliVersion, "cliVersion");
            return this;
        }

        /** Whether to use cached snapshots only and never fetch (default false). */
        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        /** The age after which a cached snapshot is called stale (default 7 days). */
        public Builder staleAfter(Duration staleAfter) {
            this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter");
            return this;
        }

        /** The clock ages are measured with (default: the system's, UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Builds the registry. */
        public TemplateRegistry build() {
            return new TemplateRegistry(this);
        }
    }
}
