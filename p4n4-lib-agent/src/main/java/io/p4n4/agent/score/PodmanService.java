package io.p4n4.agent.score;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One container of a {@link PodmanV0Score}. Immutable; the constructor validates the shape so that a
 * malformed Score is refused before it is published.
 *
 * @param name the service name, unique within the Score (letters, digits, '_', '-', '.')
 * @param image the image reference ({@code docker.io/library/nginx:alpine})
 * @param ports published ports, {@code "HOST:CONTAINER"} or {@code "HOST:CONTAINER/udp"}
 * @param env environment variables (sorted by name in the canonical form)
 * @param volumes mounts, {@code "SOURCE:TARGET"} or {@code "SOURCE:TARGET:ro"}
 * @param command the command overriding the image's, or empty
 * @param restart the restart policy: {@code no}, {@code always}, {@code on-failure},
 *     {@code unless-stopped}, or {@code null} for the runtime's default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PodmanService(String name, String image, List<String> ports, Map<String, String> env,
        List<String> volumes, List<String> command, @Nullable String restart) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final Pattern PORT = Pattern.compile("(\\d{1,5}:)?\\d{1,5}(/(tcp|udp))?");
    private static final Set<String> RESTART = Set.of("no", "always", "on-failure", "unless-stopped");

    /** Validates every field and copies the collections (missing ones become empty). */
    public PodmanService {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("services[].name '" + name
                    + "' must be 1-63 letters, digits, '_', '.' or '-'");
        }
        if (image == null || image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("services[" + name + "].image must be an image reference");
        }
        ports = ports == null ? List.of() : List.copyOf(ports);
        for (String port : ports) {
            if (!PORT.matcher(port).matches()) {
                throw new IllegalArgumentException("services[" + name + "].ports: '" + port
                        + "' must look like \"8080:80\" or \"5353:53/udp\"");
            }
        }
        env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(env));
        env.forEach((k, v) -> Objects.requireNonNull(v, () -> "services[" + name + "].env." + k
                + " has no value"));
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        for (String volume : volumes) {
            if (volume.split(":", -1).length < 2) {
                throw new IllegalArgumentException("services[" + name + "].volumes: '" + volume
                        + "' must look like \"SOURCE:TARGET\" or \"SOURCE:TARGET:ro\"");
            }
        }
        command = command == null ? List.of() : List.copyOf(command);
        if (restart != null && !RESTART.contains(restart)) {
            throw new IllegalArgumentException("services[" + name + "].restart '" + restart
                    + "' must be one of: no, always, on-failure, unless-stopped");
        }
    }

    /** Returns a service with only a name and an image. */
    public static PodmanService of(String name, String image) {
        return new PodmanService(name, image, List.of(), Map.of(), List.of(), List.of(), null);
    }

    /** Returns a copy with the given published ports. */
    public PodmanService withPorts(String... newPorts) {
        return new PodmanService(name, image, List.of(newPorts), env, volumes, command, restart);
    }

    /** Returns a copy with the given environment. */
    public PodmanService withEnv(Map<String, String> newEnv) {
        return new PodmanService(name, image, ports, newEnv, volumes, command, restart);
    }

    /** Returns a copy with the given command. */
    public PodmanService withCommand(String... newCommand) {
        return new PodmanService(name, image, ports, env, volumes, List.of(newCommand), restart);
    }

    /** Returns a copy with the given restart policy. */
    public PodmanService withRestart(String newRestart) {
        return new PodmanService(name, image, ports, env, volumes, command, newRestart);
    }

    /** Returns a copy with the given image. */
    public PodmanService withImage(String newImage) {
        return new PodmanService(name, newImage, ports, env, volumes, command, restart);
    }
}
