package io.p4n4.api.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How {@link ContainerEngine#exec(String, java.util.List, ExecOptions)} runs a command: extra environment,
 * the user and the working directory (as {@code docker exec -e -u -w}). Immutable and thread-safe; start from
 * {@link #defaults()} and add with the {@code with} methods. {@link #toString()} shows the environment's
 * names only, as its values may be secrets.
 *
 * @param environment variables set for the command on top of the container's, in order
 * @param user        {@code USER}, {@code UID}, {@code USER:GROUP} or {@code UID:GID}; null for the container's
 * @param workingDir  absolute directory the command starts in; null for the container's
 */
public record ExecOptions(Map<String, String> environment, @Nullable String user, @Nullable String workingDir) {
    private static final ExecOptions DEFAULTS = new ExecOptions(Map.of(), null, null);

    /** Copies the environment (order kept) and checks the parts. */
    public ExecOptions {
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(environment, "environment")));
        environment.keySet().forEach(k -> {
            if (k.isEmpty() || k.contains("=")) {
                throw new IllegalArgumentException("exec environment names must be non-empty and without '=': '"
                        + k + "'");
            }
        });
        user = user == null || user.isEmpty() ? null : user;
        workingDir = workingDir == null || workingDir.isEmpty() ? null : workingDir;
    }

    /** The container's own environment, user and working directory. */
    public static ExecOptions defaults() {
        return DEFAULTS;
    }

    /** The same plus {@code name=value} in the environment. */
    public ExecOptions withEnv(String name, String value) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put(name, Objects.requireNonNull(value, "value"));
        return new ExecOptions(env, user, workingDir);
    }

    /** The same, run as {@code user}. */
    public ExecOptions withUser(String user) {
        return new ExecOptions(environment, Objects.requireNonNull(user, "user"), workingDir);
    }

    /** The same, started in {@code dir}. */
    public ExecOptions withWorkingDir(String dir) {
        return new ExecOptions(environment, user, Objects.requireNonNull(dir, "dir"));
    }

    /** The user, when one was set. */
    public Optional<String> findUser() {
        return Optional.ofNullable(user);
    }

    /** The working directory, when one was set. */
    public Optional<String> findWorkingDir() {
        return Optional.ofNullable(workingDir);
    }

    /** The environment as {@code NAME=value} entries, as the engines' APIs take it. */
    public java.util.List<String> environmentEntries() {
        return environment.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    /** Whether nothing is set, so the plain {@code exec} applies. */
    public boolean isDefault() {
        return environment.isEmpty() && user == null && workingDir == null;
    }

    /** Names only: environment values may be secrets. */
    @Override
    public String toString() {
        return "ExecOptions[environment=" + environment.keySet() + ", user=" + user + ", workingDir=" + workingDir + "]";
    }
}
