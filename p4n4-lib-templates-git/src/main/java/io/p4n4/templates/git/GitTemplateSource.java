package io.p4n4.templates.git;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.spi.TemplateSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;

/**
 * Fetches a git repository's default branch with JGit, shallow (depth 1): {@code git://}, {@code http(s)://}
 * (not a {@code .json} index nor a tarball) and {@code file:} URLs of a repository (bare or with a
 * {@code .git} directory). Listed in {@code META-INF/services}; stateless and thread-safe.
 */
public final class GitTemplateSource implements TemplateSource {

    /** Needed by {@link java.util.ServiceLoader}; touches nothing. */
    public GitTemplateSource() {
    }

    @Override
    public String id() {
        return "git";
    }

    @Override
    public String description() {
        return "git repositories over git://, http(s):// and file: (JGit, shallow clone of the default branch)";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public boolean accepts(URI location) {
        String scheme = location.getScheme() == null ? "" : location.getScheme().toLowerCase(Locale.ROOT);
        String path = location.getPath() == null ? "" : location.getPath();
        return switch (scheme) {
            case "git" -> true;
            case "http", "https" -> !path.endsWith(".json") && !path.endsWith(".tar.gz") && !path.endsWith(".tgz");
            case "file" -> isRepository(Path.of(location));
            default -> false;
        };
    }

    private static boolean isRepository(Path dir) {
        return Files.isDirectory(dir.resolve(".git"))
                || Files.isRegularFile(dir.resolve("HEAD")) && Files.isDirectory(dir.resolve("objects"));
    }

    @Override
    public void fetch(URI location, Path target) {
        try (Git git = Git.cloneRepository().setURI(location.toString()).setDirectory(target.toFile())
                .setDepth(1).setCloneAllBranches(false).call()) {
            if (git.getRepository().resolve("HEAD") == null) {
                throw new P4n4Exception(ErrorCode.VALIDATION, "git repository " + location + " has no commits on"
                        + " its default branch; push the registry's files first");
            }
        } catch (InvalidRemoteException | TransportException e) {
            throw new P4n4Exception(ErrorCode.NETWORK, "git could not fetch " + location + ": "
                    + rootMessage(e), e);
        } catch (GitAPIException | java.io.IOException | org.eclipse.jgit.errors.RevisionSyntaxException e) {
            throw new P4n4Exception(ErrorCode.NETWORK, "git could not fetch " + location + ": "
                    + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null && !sb.toString().contains(t.getMessage())) {
                sb.append(" (").append(t.getMessage()).append(')');
            }
        }
        return sb.toString();
    }
}
