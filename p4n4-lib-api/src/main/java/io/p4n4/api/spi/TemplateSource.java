package io.p4n4.api.spi;

import java.net.URI;
import java.nio.file.Path;

/**
 * Fetches the files of a template registry or template repository. Core has sources for static HTTPS
 * indexes and local directories; {@code p4n4-lib-templates-git} adds git repositories (file, git, https
 * and ssh URLs). List an implementation in {@code META-INF/services/io.p4n4.api.spi.TemplateSource} or
 * register it explicitly. When several accept a location, the one with the highest priority fetches it.
 *
 * <p>Implementations need a public no-argument constructor and must be thread-safe.
 */
public interface TemplateSource {

    /** A stable id, e.g. {@code git}, {@code https-index}. */
    String id();

    /** One line for humans. */
    String description();

    /** Higher wins when several sources accept a location. Core's sources have 0. */
    int priority();

    /** Whether this source can fetch {@code location}; must not touch the network. */
    boolean accepts(URI location);

    /**
     * Fetches the repository at {@code location} into {@code target}, an existing empty directory: its
     * files (the working tree of its default branch for git; {@code index.json} alone for a static index).
     *
     * @throws io.p4n4.api.P4n4Exception NETWORK when the location cannot be reached, naming it
     */
    void fetch(URI location, Path target);
}
