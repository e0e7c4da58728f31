package io.p4n4.compose.internal;

import java.nio.file.Path;

/**
 * Resolves the relative paths of one compose document (bind sources, build contexts, env files,
 * extends/include files) against the document's base directory. When the caller asked to keep paths
 * relative, the result stays relative to the project's working directory.
 *
 * @param baseDir the directory the document's relative paths are relative to
 * @param workingDir the project's working directory
 * @param resolve {@code true} for absolute paths in the model, {@code false} to keep them relative
 */
public record PathResolver(Path baseDir, Path workingDir, boolean resolve) {

    /** Returns the same resolver for a document whose paths are relative to {@code dir}. */
    public PathResolver withBaseDir(Path dir) {
        return new PathResolver(dir, workingDir, resolve);
    }

    /** Returns the absolute, normalized path {@code path} stands for. */
    public Path absolute(String path) {
        String p = expandHome(path);
        if (isWindowsAbsolute(p)) {
            return Path.of(p);
        }
        Path candidate = Path.of(p);
        return (candidate.isAbsolute() ? candidate : baseDir.resolve(candidate)).normalize();
    }

    /** Returns the path as the model keeps it: absolute, or relative to the working directory. */
    public String apply(String path) {
        String p = expandHome(path);
        if (isWindowsAbsolute(p)) {
            return p;
        }
        Path abs = absolute(p);
        if (resolve || Path.of(p).isAbsolute()) {
            return abs.toString();
        }
        if (baseDir.equals(workingDir)) {
            return path;
        }
        String rel = workingDir.relativize(abs).toString();
        return rel.isEmpty() ? "." : rel;
    }

    private static String expandHome(String p) {
        if (p.equals("~") || p.startsWith("~/")) {
            return System.getProperty("user.home") + p.substring(1);
        }
        return p;
    }

    private static boolean isWindowsAbsolute(String p) {
        return p.length() > 2 && Character.isLetter(p.charAt(0)) && p.charAt(1) == ':'
                && (p.charAt(2) == '\\' || p.charAt(2) == '/');
    }

    /** True for build contexts that are not local directories (git and http URLs). */
    public static boolean isRemote(String context) {
        return context.contains("://") || context.startsWith("git@") || context.startsWith("github.com/");
    }
}
