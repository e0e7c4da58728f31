package io.p4n4.api.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The one rule for "the p4n4 project containing this path", used by every module that walks up to a
 * project (core's {@code ProjectService.find} and {@code Manifests.findFile}, the clients'
 * {@code ProjectEndpointConfig.read}):
 *
 * <p>the project is the nearest directory at or above {@code start} (a file starts at its folder) that
 * holds a regular file named {@value #MANIFEST_FILE_NAME}. Its format does not matter here
 * (manifest-v1 and the upstream tools' legacy manifest are both {@value #MANIFEST_FILE_NAME}); a
 * {@code .env} alone does not make a project, and the walk does not stop at one. Symbolic links are
 * followed; the path is made absolute and normalized first, so {@code ..} is resolved lexically.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProjectRoot {
    /** The manifest's file name; its presence makes a directory a project. */
    public static final String MANIFEST_FILE_NAME = ".p4n4.json";

    private ProjectRoot() {
    }

    /** Returns the directory of the project containing {@code start}, or empty when there is none. */
    public static Optional<Path> find(Path start) {
        Path dir = Objects.requireNonNull(start, "start").toAbsolutePath().normalize();
        if (Files.isRegularFile(dir)) {
            dir = dir.getParent();
        }
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(MANIFEST_FILE_NAME))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
