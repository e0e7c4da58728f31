package io.p4n4.compose;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A loaded compose project: the equivalent of {@code docker compose config}. Services, networks
 * and volumes are normalized; {@link #model()} is the whole canonical tree (the shape of
 * {@code docker compose config --format json}); {@link ComposeSerializer} writes it as YAML or JSON.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows environment values.
 */
public final class ComposeProject {
    private final String name;
    private final Path workingDirectory;
    private final List<Path> composeFiles;
    private final Map<String, String> environment;
    private final Map<String, Object> model;
    private final Map<String, ComposeService> services;
    private final Map<String, ComposeNetwork> networks;
    private final Map<String, ComposeVolume> volumes;
    private final List<String> dependencyOrder;

    ComposeProject(String name, Path workingDirectory, List<Path> composeFiles, Map<String, String> environment,
            Map<String, Object> model, List<String> dependencyOrder) {
        this.name = name;
        this.workingDirectory = workingDirectory;
        this.composeFiles = List.copyOf(composeFiles);
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        this.model = model;
        Map<String, ComposeService> s = new TreeMap<>();
        Attributes.map(model.get("services")).forEach((k, v) -> s.put(k, new ComposeService(k, Attributes.map(v))));
        this.services = Collections.unmodifiableMap(s);
        Map<String, ComposeNetwork> n = new TreeMap<>();
        Attributes.map(model.get("networks")).forEach((k, v) -> n.put(k, new ComposeNetwork(k, Attributes.map(v))));
        this.networks = Collections.unmodifiableMap(n);
        Map<String, ComposeVolume> vol = new TreeMap<>();
        Attributes.map(model.get("volumes")).forEach((k, v) -> vol.put(k, new ComposeVolume(k, Attributes.map(v))));
        this.volumes = Collections.unmodifiableMap(vol);
        this.dependencyOrder = List.copyOf(dependencyOrder);
    }

    /** Returns the project name (from {@code -p}, {@code COMPOSE_PROJECT_NAME}, {@code name:} or the directory). */
    public String name() {
        return name;
    }

    /** Returns the project directory relative paths were resolved against. */
    public Path workingDirectory() {
        return workingDirectory;
    }

    /** Returns the compose files merged, in order, as absolute paths. */
    public List<Path> composeFiles() {
        return composeFiles;
    }

    /**
     * Returns the project environment used for interpolation: the env files overridden by the process
     * environment. It may hold secrets: do not log it.
     */
    public Map<String, String> environment() {
        return environment;
    }

    /** Returns the services by name, sorted by name. */
    public Map<String, ComposeService> services() {
        return services;
    }

    /** Returns a service, if the project has it (and its profiles are active). */
    public Optional<ComposeService> findService(String serviceName) {
        return Optional.ofNullable(services.get(serviceName));
    }

    /** Returns a service; a USER error naming the known services when there is none by that name. */
    public ComposeService service(String serviceName) {
        return findService(serviceName).orElseThrow(() -> new P4n4Exception(ErrorCode.USER,
                "no service \"" + serviceName + "\" in project " + name + "; services: " + services.keySet()));
    }

    /** Returns the services with every dependency before its dependents (ties broken by name). */
    public List<ComposeService> servicesInDependencyOrder() {
        return dependencyOrder.stream().map(services::get).toList();
    }

    /** Returns the top-level networks by key, sorted. */
    public Map<String, ComposeNetwork> networks() {
        return networks;
    }

    /** Returns the top-level volumes by key, sorted. */
    public Map<String, ComposeVolume> volumes() {
        return volumes;
    }

    /** Returns the top-level configs by key, as in the canonical model. */
    public Map<String, Object> configs() {
        return Attributes.map(model.get("configs"));
    }

    /** Returns the top-level secrets by key, as in the canonical model (file paths and names, never values). */
    public Map<String, Object> secrets() {
        return Attributes.map(model.get("secrets"));
    }

    /** Returns the whole canonical model: unmodifiable maps, lists, strings, numbers, booleans and nulls. */
    public Map<String, Object> model() {
        return model;
    }

    @Override
    public String toString() {
        return "ComposeProject{" + name + ", services=" + services.keySet() + ", files=" + composeFiles + "}";
    }
}
