package io.p4n4.api.project;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The manifest-v1 content of {@code .p4n4.json}: project name and version, the library version that
 * created the project ({@code cli_version}, never changed afterwards), the stacks in use, the creation
 * time and the optional template, template organisations and federation block.
 *
 * <p>Immutable and thread-safe; change it with {@link #toBuilder()} or the {@code with*} methods.
 * StackRegistry are kept unique and in canonical order (iot, ai, edge, then others).
 */
public final class Manifest implements ManifestDocument {

    /** The {@code $id} of the manifest-v1 JSON Schema, written as {@code $schema}. */
    public static final String SCHEMA_URI = "https://raisga.github.io/p4n4-docs/schemas/manifest-v1.json";

    private final @Nullable String schema;
    private final String name;
    private final String version;
    private final String cliVersion;
    private final List<StackId> stacks;
    private final String createdAt;
    private final @Nullable String template;
    private final List<URI> templateOrgs;
    private final @Nullable Federation federation;

    private Manifest(Builder b) {
        this.schema = b.schema;
        this.name = Objects.requireNonNull(b.name, "name");
        this.version = Objects.requireNonNull(b.version, "version");
        this.cliVersion = Objects.requireNonNull(b.cliVersion, "cliVersion");
        this.stacks = canonical(b.stacks);
        this.createdAt = Objects.requireNonNull(b.createdAt, "createdAt");
        this.template = b.template;
        this.templateOrgs = List.copyOf(b.templateOrgs);
        this.federation = b.federation;
    }

    private static List<StackId> canonical(List<StackId> stacks) {
        TreeSet<StackId> sorted = new TreeSet<>(StackId.CANONICAL_ORDER);
        sorted.addAll(stacks);
        return List.copyOf(sorted);
    }

    /** Starts a manifest with the required fields; {@code created_at} is now. */
    public static Builder builder(String name, String cliVersion) {
        return new Builder().name(name).cliVersion(cliVersion)
                .createdAt(OffsetDateTime.now(java.time.ZoneOffset.UTC).withNano(0)
                        .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    /** Returns a builder holding this manifest's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.schema = schema;
        b.name = name;
        b.version = version;
        b.cliVersion = cliVersion;
        b.stacks = stacks;
        b.createdAt = createdAt;
        b.template = template;
        b.templateOrgs = templateOrgs;
        b.federation = federation;
        return b;
    }

    /** Returns the {@code $schema} value, if present. */
    public Optional<String> schema() {
        return Optional.ofNullable(schema);
    }

    @Override
    public String name() {
        return name;
    }

    /** Returns the project version ({@code major.minor.patch}). */
    public String version() {
        return version;
    }

    /** Returns the version of p4n4 that created the project. */
    public String cliVersion() {
        return cliVersion;
    }

    @Override
    public List<StackId> stacks() {
        return stacks;
    }

    /** Returns {@code created_at} as written (RFC 3339 date-time). */
    public String createdAt() {
        return createdAt;
    }

    /** Returns the template the project was made from, if any. */
    public Optional<String> template() {
        return Optional.ofNullable(template);
    }

    /** Returns the template organisations (index URLs) the project trusts. */
    public List<URI> templateOrgs() {
        return templateOrgs;
    }

    /** Returns the federation block, if any. */
    public Optional<Federation> federation() {
        return Optional.ofNullable(federation);
    }

    /** Returns true if the project uses {@code stack}. */
    public boolean hasStack(StackId stack) {
        return stacks.contains(stack);
    }

    /** Returns a copy with {@code stack} added (no change if present). */
    public Manifest withStack(StackId stack) {
        if (hasStack(stack)) {
            return this;
        }
        Builder b = toBuilder();
        b.stacks = new java.util.ArrayList<>(stacks);
        b.stacks.add(stack);
        return b.build();
    }

    /** Returns a copy without {@code stack} (no change if absent). */
    public Manifest withoutStack(StackId stack) {
        if (!hasStack(stack)) {
            return this;
        }
        Builder b = toBuilder();
        b.stacks = stacks.stream().filter(s -> !s.equals(stack)).toList();
        return b.build();
    }

    @Override
    public boolean legacy() {
        return false;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Manifest m && Objects.equals(schema, m.schema) && name.equals(m.name)
                && version.equals(m.version) && cliVersion.equals(m.cliVersion) && stacks.equals(m.stacks)
                && createdAt.equals(m.createdAt) && Objects.equals(template, m.template)
                && templateOrgs.equals(m.templateOrgs) && Objects.equals(federation, m.federation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, cliVersion, stacks, createdAt);
    }

    @Override
    public String toString() {
        return "Manifest[name=" + name + ", version=" + version + ", cli_version=" + cliVersion
                + ", stacks=" + stacks + ", created_at=" + createdAt
                + (template == null ? "" : ", template=" + template)
                + (federation == null ? "" : ", federation=" + federation) + "]";
    }

    /** Builds a {@link Manifest}. Not thread-safe; use one builder per thread. */
    public static final class Builder {
        private @Nullable String schema = SCHEMA_URI;
        private @Nullable String name;
        private String version = "0.1.0";
        private @Nullable String cliVersion;
        private List<StackId> stacks = List.of();
        private @Nullable String createdAt;
        private @Nullable String template;
        private List<URI> templateOrgs = List.of();
        private @Nullable Federation federation;

        private Builder() {
        }

        /** Sets {@code $schema}; {@code null} leaves it out. */
        public Builder schema(@Nullable String schema) {
            this.schema = schema;
            return this;
        }

        /** Sets the project name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets the project version (default {@code 0.1.0}). */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /** Sets {@code cli_version}. */
        public Builder cliVersion(String cliVersion) {
            this.cliVersion = cliVersion;
            return this;
        }

        /** Sets the stacks; duplicates are dropped and the order made canonical. */
        public Builder stacks(List<StackId> stacks) {
            this.stacks = List.copyOf(stacks);
            return this;
        }

        /** Sets {@code created_at} (RFC 3339 date-time text). */
        public Builder createdAt(String createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Sets the template name; {@code null} for none. */
        public Builder template(@Nullable String template) {
            this.template = template;
            return this;
        }

        /** Sets the template organisations. */
        public Builder templateOrgs(List<URI> templateOrgs) {
            this.templateOrgs = List.copyOf(templateOrgs);
            return this;
        }

        /** Sets the federation block; {@code null} for none. */
        public Builder federation(@Nullable Federation federation) {
            this.federation = federation;
            return this;
        }

        /** Builds the manifest; throws NullPointerException if a required field is missing. */
        public Manifest build() {
            return new Manifest(this);
        }
    }
}
