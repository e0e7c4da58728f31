package io.p4n4.core.template;

import io.p4n4.api.template.TemplateDescriptor;
import io.p4n4.api.template.TemplateEntry;
import io.p4n4.core.template.internal.FileTrees;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A template fetched and checked, ready to be pulled into a project: its index entry, its descriptor (the
 * {@code requires.cli} range already accepted) and its directory. Close it to delete a downloaded tarball's
 * files; closing twice does nothing. Not thread-safe.
 */
public final class PreparedTemplate implements AutoCloseable {
    private final RegistrySnapshot registry;
    private final TemplateEntry entry;
    private final TemplateDescriptor descriptor;
    private final Path directory;
    private final @Nullable Path scratch;

    PreparedTemplate(RegistrySnapshot registry, TemplateEntry entry, TemplateDescriptor descriptor, Path directory,
            @Nullable Path scratch) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.entry = Objects.requireNonNull(entry, "entry");
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.scratch = scratch;
    }

    /** The registry the template came from. */
    public RegistrySnapshot registry() {
        return registry;
    }

    /** Its entry in the registry's index. */
    public TemplateEntry entry() {
        return entry;
    }

    /** Its {@code p4n4-template.toml}. */
    public TemplateDescriptor descriptor() {
        return descriptor;
    }

    /** The template's directory (holding {@code p4n4-template.toml} and {@code files/}). */
    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        if (scratch != null) {
            FileTrees.deleteQuietly(scratch);
        }
    }

    @Override
    public String toString() {
        return "PreparedTemplate[" + descriptor.name() + " " + descriptor.version() + " from " + registry.registry() + "]";
    }
}
