package io.p4n4.api.template;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A registry's {@code index.json}, read and validated.
 *
 * @param registry where it was read from
 * @param org the organisation publishing it
 * @param indexVersion {@code 1} or {@code 2}
 * @param templates its entries, in the order of the file
 */
public record TemplateIndex(URI registry, String org, int indexVersion, List<TemplateEntry> templates) {

    /** Validates and copies the components. */
    public TemplateIndex {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(org, "org");
        templates = List.copyOf(templates);
    }

    /** The entry named {@code name}, if the index has one. */
    public Optional<TemplateEntry> find(String name) {
        return templates.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
