package io.p4n4.api.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What p4n4 knows about one stack: its id, a description, its version, the services it runs, its
 * variables, the files it puts into a project and how to tell it is ready. Immutable and thread-safe;
 * made with {@link #builder(StackId)}.
 */
public final class StackDefinition {

    /** The compose file of every stack, relative to {@code stacks/<id>/}. */
    public static final String COMPOSE_FILE = "docker-compose.yml";

    private final StackId id;
    private final String description;
    private final String version;
    private final List<String> services;
    private final List<VariableDefinition> variables;
    private final List<StackFile> files;
    private final String readiness;
    private final List<HttpProbe> httpProbes;

    private StackDefinition(Builder b) {
        this.id = b.id;
        this.description = Objects.requireNonNull(b.description, "description");
        this.version = Objects.requireNonNull(b.version, "version");
        this.services = List.copyOf(b.services);
        this.variables = List.copyOf(b.variables);
        this.files = List.copyOf(b.files);
        this.readiness = Objects.requireNonNull(b.readiness, "readiness");
        this.httpProbes = List.copyOf(b.httpProbes);
        for (VariableDefinition v : variables) {
            if (!v.owner().equals(id) && !v.crossStack()) {
                throw new IllegalArgumentException(id + ": variable " + v.name() + " of stack " + v.owner()
                        + " must be marked cross-stack to be used here");
            }
        }
    }

    /** Starts a definition for {@code id}. */
    public static Builder builder(StackId id) {
        return new Builder(id);
    }

    /** Returns the stack id. */
    public StackId id() {
        return id;
    }

    /** Returns one line for humans. */
    public String description() {
        return description;
    }

    /** Returns the version of the stack's templates. */
    public String version() {
        return version;
    }

    /** Returns the compose service names, in start-up order. */
    public List<String> services() {
        return services;
    }

    /**
     * Returns the variables the stack uses: its own, then shared ones owned by other stacks (those
     * have the same definition in the owner's list).
     */
    public List<VariableDefinition> variables() {
        return variables;
    }

    /** Returns the variable {@code name}, if the stack uses it. */
    public Optional<VariableDefinition> findVariable(String name) {
        return variables.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** Returns the files the stack puts into {@code stacks/<id>/}. */
    public List<StackFile> files() {
        return files;
    }

    /** Returns what "ready" means for the stack, for humans. */
    public String readiness() {
        return readiness;
    }

    /**
     * Returns the HTTP endpoints that must answer before the stack counts as ready, beyond every
     * healthcheck passing (empty: the healthchecks are the whole gate).
     */
    public List<HttpProbe> httpProbes() {
        return httpProbes;
    }

    @Override
    public String toString() {
        return "StackDefinition[" + id + " " + version + ", services=" + services + "]";
    }

    /** Builds a {@link StackDefinition}. Not thread-safe. */
    public static final class Builder {
        private final StackId id;
        private String description;
        private String version = "0.1.0";
        private final List<String> services = new ArrayList<>();
        private final List<VariableDefinition> variables = new ArrayList<>();
        private final List<StackFile> files = new ArrayList<>();
        private String readiness = "started";
        private final List<HttpProbe> httpProbes = new ArrayList<>();

        private Builder(StackId id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        /** Sets the description. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Sets the version. */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /** Adds compose service names. */
        public Builder services(String... names) {
            services.addAll(List.of(names));
            return this;
        }

        /** Adds a variable. */
        public Builder variable(VariableDefinition variable) {
            variables.add(variable);
            return this;
        }

        /** Adds a file. */
        public Builder file(StackFile file) {
            files.add(file);
            return this;
        }

        /** Sets the readiness description. */
        public Builder readiness(String readiness) {
            this.readiness = readiness;
            return this;
        }

        /** Adds an HTTP endpoint to the readiness gate. */
        public Builder httpProbe(HttpProbe probe) {
            httpProbes.add(Objects.requireNonNull(probe, "probe"));
            return this;
        }

        /** Builds the definition. */
        public StackDefinition build() {
            return new StackDefinition(this);
        }
    }
}
