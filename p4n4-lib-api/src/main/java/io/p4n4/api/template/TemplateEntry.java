package io.p4n4.api.template;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One template of a registry's {@code index.json}. Version 1 entries have no author, license, hardware
 * or stacks; a static HTTPS index adds {@code tarball} and {@code sha256}.
 *
 * @param name the template's name (its key in {@code templates})
 * @param repo the repository holding the template: a URL, or {@code "."} for the registry's own repository
 * @param subdir the template's directory within {@code repo}
 * @param description one line
 * @param tags searchable tags
 * @param latest the newest version (semver)
 * @param author the author (version 2), or null
 * @param license the SPDX license identifier (version 2), or null
 * @param minHardware the smallest machine it suits ({@code rpi4}, {@code nuc}, ...), or null
 * @param requiresStacks the stacks it needs (version 2; empty in version 1)
 * @param tarball the URL of a {@code .tar.gz} of the template directory, or null to use {@code repo}
 * @param sha256 the hex SHA-256 of the tarball, present exactly when {@code tarball} is
 */
public record TemplateEntry(String name, String repo, String subdir, String description, List<String> tags,
        String latest, @Nullable String author, @Nullable String license, @Nullable String minHardware,
        List<String> requiresStacks, @Nullable String tarball, @Nullable String sha256) {

    /** The value of {@code repo} that means the registry's own repository. */
    public static final String SAME_REPOSITORY = ".";

    /** Validates and copies the components. */
    public TemplateEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(subdir, "subdir");
        Objects.requireNonNull(description, "description");
        tags = List.copyOf(tags);
        Objects.requireNonNull(latest, "latest");
        requiresStacks = List.copyOf(requiresStacks);
    }

    /** Whether the entry has {@code tag} (ignoring case). */
    public boolean hasTag(String tag) {
        return tags.stream().anyMatch(t -> t.equalsIgnoreCase(tag));
    }
}
