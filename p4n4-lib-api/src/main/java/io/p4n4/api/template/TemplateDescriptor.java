package io.p4n4.api.template;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A template's {@code p4n4-template.toml}.
 *
 * @param name unique, kebab-case
 * @param version semver
 * @param description one line
 * @param author the author
 * @param license SPDX identifier
 * @param tags searchable tags
 * @param requiresCli the range of p4n4 versions it works with, as written ({@code ">=0.2.0"})
 * @param requiresStacks the stacks it provisions
 * @param hardware the {@code [template.hardware]} table, or null when absent
 * @param variables the {@code [template.variables]}, in file order
 */
public record TemplateDescriptor(String name, String version, String description, String author, String license,
        List<String> tags, String requiresCli, List<String> requiresStacks, @Nullable TemplateHardware hardware,
        List<TemplateVariable> variables) {

    /** The descriptor's file name in a template directory. */
    public static final String FILE_NAME = "p4n4-template.toml";

    /** Validates and copies the components. */
    public TemplateDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(license, "license");
        tags = List.copyOf(tags);
        Objects.requireNonNull(requiresCli, "requiresCli");
        requiresStacks = List.copyOf(requiresStacks);
        variables = List.copyOf(variables);
    }

    /** The hardware table, if the descriptor has one. */
    public Optional<TemplateHardware> findHardware() {
        return Optional.ofNullable(hardware);
    }
}
