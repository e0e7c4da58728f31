package io.p4n4.cli.template;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.ManifestDocument;
import io.p4n4.core.template.TemplateRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --registry URL}, {@code --offline} and {@code --cache DIR}: which registries, and how they are read. A mixin. */
public final class RegistryOptions {
    @Option(names = "--registry", paramLabel = "URL",
            description = "A registry to use instead of the project's template_orgs (repeatable): a git repository"
                    + " (git://, https://, file:), a static index (https://.../index.json) or a local directory.")
    List<String> registries;

    @Option(names = "--offline", description = "Use the cached snapshots only; say how old they are.")
    boolean offline;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Cache directory (default: $XDG_CACHE_HOME/p4n4/templates, else ~/.cache/p4n4/templates).")
    Path cache;

    /** Whether any of these options was given (commands that use them only sometimes refuse them otherwise). */
    public boolean anyGiven() {
        return registries != null && !registries.isEmpty() || offline || cache != null;
    }

    /** The registry client these options describe. */
    public TemplateRegistry registry() {
        TemplateRegistry.Builder b = TemplateRegistry.builder().offline(offline);
        if (cache != null) {
            b.cacheDirectory(cache.toAbsolutePath());
        }
        return b.build();
    }

    /** {@code --registry}, else the manifest's {@code template_orgs}, else the default registry. */
    public List<URI> registries(ManifestDocument manifest) {
        if (registries != null && !registries.isEmpty()) {
            return registries.stream().map(RegistryOptions::toUri).toList();
        }
        return TemplateRegistry.registriesOf(manifest, System::getenv);
    }

    /** A URL, or an existing local directory as a {@code file:} URL; USER error otherwise. */
    public static URI toUri(String text) {
        if (text.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*") || text.startsWith("file:")) {
            try {
                return URI.create(text);
            } catch (IllegalArgumentException e) {
                throw new P4n4Exception(ErrorCode.USER, "'" + text + "' is not a URL: " + e.getMessage());
            }
        }
        Path dir = Path.of(text).toAbsolutePath().normalize();
        if (Files.isDirectory(dir)) {
            return dir.toUri();
        }
        throw new P4n4Exception(ErrorCode.USER, "'" + text + "' is neither a URL (https://, git://, file:) nor an"
                + " existing directory");
    }

    /** The {@code --json} shape of a pull, for {@code init --template}. */
    public static java.util.Map<String, Object> pullJson(io.p4n4.api.template.PullReport report) {
        return TemplateJson.pull(report);
    }

    /** The text lines of a pull, for {@code init --template}. */
    public static void printPull(java.io.PrintWriter out, io.p4n4.api.template.PullReport report) {
        TemplateJson.printText(out, report);
    }
}
