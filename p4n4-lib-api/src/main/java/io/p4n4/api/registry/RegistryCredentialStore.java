package io.p4n4.api.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the credentials for a registry where Docker and Podman keep them: the Docker config file
 * ({@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}) and Podman's auth file
 * ({@code $REGISTRY_AUTH_FILE}, else {@code $XDG_RUNTIME_DIR/containers/auth.json}), in the {@link Order} the
 * engine's own client uses. Entries are {@code auths} ({@code auth} = base64 of {@code user:password}, or
 * {@code username}/{@code password}), {@code credHelpers} and {@code credsStore}; a helper is run as
 * {@code docker-credential-NAME get}, found on the environment's {@code PATH}.
 *
 * <p>The files are read on every lookup, so a {@code docker login} in between is seen. A file that cannot be
 * used (not JSON, a helper that is missing or fails) is a USER {@link io.p4n4.api.P4n4Exception} naming the
 * file, the registry and the helper, never a secret. Immutable and thread-safe.
 */
public final class RegistryCredentialStore {

    /** Which file is asked first. */
    public enum Order {
        /** The Docker config file, then Podman's auth file (for Docker). */
        DOCKER_CONFIG_FIRST,
        /** Podman's auth file, then the Docker config file (as Podman itself does). */
        PODMAN_AUTH_FILE_FIRST
    }

    private static final RegistryCredentialStore NONE = new RegistryCredentialStore(List.of());
    private final List<AuthFile> files;

    private RegistryCredentialStore(List<AuthFile> files) {
        this.files = List.copyOf(files);
    }

    /** The store this process's environment and home directory describe. */
    public static RegistryCredentialStore fromEnvironment(Order order) {
        return of(System.getenv(), Path.of(System.getProperty("user.home", "/")), order);
    }

    /**
     * The store {@code env} ({@code DOCKER_CONFIG}, {@code REGISTRY_AUTH_FILE}, {@code XDG_RUNTIME_DIR},
     * {@code PATH} for helpers) and {@code home} describe.
     */
    public static RegistryCredentialStore of(Map<String, String> env, Path home, Order order) {
        Map<String, String> copy = Map.copyOf(env);
        String dockerConfig = copy.get("DOCKER_CONFIG");
        Path docker = (dockerConfig == null || dockerConfig.isBlank() ? home.resolve(".docker") : Path.of(dockerConfig))
                .resolve("config.json");
        String authFile = copy.get("REGISTRY_AUTH_FILE");
        String runtimeDir = copy.get("XDG_RUNTIME_DIR");
        Path podman = authFile != null && !authFile.isBlank() ? Path.of(authFile)
                : runtimeDir != null && !runtimeDir.isBlank() ? Path.of(runtimeDir, "containers", "auth.json") : null;
        List<AuthFile> files = new ArrayList<>();
        if (order == Order.PODMAN_AUTH_FILE_FIRST && podman != null) {
            files.add(new AuthFile(podman, copy));
        }
        files.add(new AuthFile(docker, copy));
        if (order == Order.DOCKER_CONFIG_FIRST && podman != null) {
            files.add(new AuthFile(podman, copy));
        }
        return new RegistryCredentialStore(files);
    }

    /** A store that knows no credentials: every pull is anonymous. */
    public static RegistryCredentialStore none() {
        return NONE;
    }

    /** The files asked, in order (for messages: "log in, or add REGISTRY to FILE"). */
    public List<Path> files() {
        return files.stream().map(AuthFile::path).toList();
    }

    /** The credentials for {@code registry} ({@code 127.0.0.1:5001}, {@code docker.io}); empty when none. */
    public Optional<RegistryCredentials> find(String registry) {
        for (AuthFile f : files) {
            Optional<RegistryCredentials> found = f.find(registry);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The credentials for the registry {@code image} comes from. */
    public Optional<RegistryCredentials> findForImage(String image) {
        return find(registryOf(image));
    }

    /**
     * The registry host of an image reference, as Docker reads it: the part before the first {@code /} when
     * it has a dot or a colon or is {@code localhost}, else {@code docker.io}.
     */
    public static String registryOf(String image) {
        int slash = image.indexOf('/');
        if (slash > 0) {
            String first = image.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                return first;
            }
        }
        return "docker.io";
    }

    @Override
    public String toString() {
        return "RegistryCredentialStore" + files();
    }
}
