package io.p4n4.core.template.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.spi.TemplateSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A registry in a local directory that is not a git repository ({@code file:} URL or a path with an
 * {@code index.json}): its files are copied. Lets a template author try a registry before publishing it.
 */
public final class DirectorySource implements TemplateSource {

    @Override
    public String id() {
        return "directory";
    }

    @Override
    public String description() {
        return "a local directory holding index.json (not a git repository), copied";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public boolean accepts(URI location) {
        if (!"file".equals(location.getScheme())) {
            return false;
        }
        Path dir = Path.of(location);
        return Files.isDirectory(dir) && !Files.exists(dir.resolve(".git")) && !Files.exists(dir.resolve("HEAD"));
    }

    @Override
    public void fetch(URI location, Path target) {
        Path dir = Path.of(location);
        if (!Files.isDirectory(dir)) {
            throw new P4n4Exception(ErrorCode.NETWORK, "registry " + location + " is not a directory any more");
        }
        FileTrees.copy(dir, target);
    }
}
