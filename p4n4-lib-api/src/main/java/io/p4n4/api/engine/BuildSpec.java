package io.p4n4.api.engine;

import io.p4n4.api.EngineException;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What to build with {@link ContainerEngine#buildImage}: a context directory and a Dockerfile in it, the
 * tags to give the result, build arguments, an optional target stage and labels. Nothing is pulled: the
 * base images must be present (the engine may still pull a missing one, as its builder does).
 *
 * @param context the build context directory (sent to the engine)
 * @param dockerfile the Dockerfile's path relative to the context
 * @param tags {@code repo:tag} names for the image; at least one
 * @param args build arguments ({@code ARG}s); values may be secrets: never logged, and masked in build output
 * @param target the stage to build, or null for the last
 * @param labels labels added to the image
 * @param noCache build every step again
 */
public record BuildSpec(Path context, String dockerfile, List<String> tags, Map<String, String> args,
                        @Nullable String target, Map<String, String> labels, boolean noCache) {
    /** How many output lines a build failure quotes. */
    private static final int FAILURE_LINES = 10;

    public BuildSpec {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(dockerfile, "dockerfile");
        tags = List.copyOf(tags);
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("a build needs at least one tag");
        }
        args = Map.copyOf(new TreeMap<>(args));
        labels = Map.copyOf(new TreeMap<>(labels));
        if (target != null && target.isBlank()) {
            target = null;
        }
    }

    /** Builds {@code context/Dockerfile} as {@code tag}, no arguments, no labels, with the cache. */
    public static BuildSpec of(Path context, String tag) {
        return new BuildSpec(context, "Dockerfile", List.of(tag), Map.of(), null, Map.of(), false);
    }

    /** The same with another Dockerfile (relative to the context). */
    public BuildSpec withDockerfile(String path) {
        return new BuildSpec(context, path, tags, args, target, labels, noCache);
    }

    /** The same with these build arguments. */
    public BuildSpec withArgs(Map<String, String> values) {
        return new BuildSpec(context, dockerfile, tags, values, target, labels, noCache);
    }

    /** The same building stage {@code stage} (null or blank: the last). */
    public BuildSpec withTarget(@Nullable String stage) {
        return new BuildSpec(context, dockerfile, tags, args, stage, labels, noCache);
    }

    /** The same with these labels on the image. */
    public BuildSpec withLabels(Map<String, String> values) {
        return new BuildSpec(context, dockerfile, tags, args, target, values, noCache);
    }

    /** The same, with or without the build cache. */
    public BuildSpec withNoCache(boolean value) {
        return new BuildSpec(context, dockerfile, tags, args, target, labels, value);
    }

    /** Describes the build; argument values are left out because they may be secrets. */
    @Override
    public String toString() {
        return "BuildSpec[context=" + context + ", dockerfile=" + dockerfile + ", tags=" + tags + ", arg names="
                + args.keySet() + ", target=" + target + ", labels=" + labels + ", noCache=" + noCache + "]";
    }

    /**
     * What an engine hands the builder's output lines to: passes them on to {@code output} with the argument
     * values masked, and keeps the last ones for {@link #failure}.
     */
    public OutputTail outputTail(Consumer<String> output) {
        return new OutputTail(output, FAILURE_LINES, args.values());
    }

    /**
     * The ENGINE error of an engine whose builder failed with {@code error}, quoting {@code tail}'s last lines;
     * argument values are masked in the error too (the builder expands ARGs in COPY paths, say).
     */
    public EngineException failure(String engine, String error, OutputTail tail) {
        String tag = tags.get(0);
        return new EngineException(engine, tag, engine + ": build of " + tag + " from " + dockerfilePath()
                + " failed: " + tail.mask(error.strip()) + "\nlast output:\n" + tail.text(), null);
    }

    /** The Dockerfile's path on this machine. */
    public Path dockerfilePath() {
        return context.resolve(dockerfile);
    }

    /**
     * Checks that the context is a directory and the Dockerfile a file inside it; a USER error naming the
     * path otherwise. Engines call this before sending anything.
     */
    public void requireFiles() {
        if (!Files.isDirectory(context)) {
            throw new P4n4Exception(ErrorCode.USER, "build context " + context.toAbsolutePath()
                    + " is not a directory; fix build.context (or build:) of the service");
        }
        Path file = dockerfilePath().normalize();
        if (!file.startsWith(context.normalize()) || !Files.isRegularFile(file)) {
            throw new P4n4Exception(ErrorCode.USER, "Dockerfile " + file.toAbsolutePath() + " does not exist"
                    + " in the build context " + context.toAbsolutePath() + "; fix build.dockerfile of the service");
        }
    }
}
