package io.p4n4.api.engine;

import io.p4n4.api.EngineException;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What to build with {@link ContainerEngine#buildImage}: a context directory and a Dockerfile in it, the
 * tags to give the result, build arguments, an optional target stage and labels. Nothing is pulled: the
 * base images must be present (the engine may still pull a missing one, as its builder does). Immutable and
 * thread-safe; {@link #of} for the plain case, {@link #builder} for the rest.
 *
 * <p>Build argument values may be secrets: they are never logged, left out of {@link #toString()}, and
 * masked in build output and errors ({@link #outputTail}, {@link #failure}).
 */
public final class BuildSpec {
    /** How many output lines a build failure quotes. */
    private static final int FAILURE_LINES = 10;

    private final Path context;
    private final String dockerfile;
    private final List<String> tags;
    private final Map<String, String> args;
    private final @Nullable String target;
    private final Map<String, String> labels;
    private final boolean noCache;

    private BuildSpec(Builder b) {
        this.context = Objects.requireNonNull(b.context, "context");
        this.dockerfile = Objects.requireNonNull(b.dockerfile, "dockerfile");
        this.tags = List.copyOf(b.tags);
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("a build needs at least one tag");
        }
        this.args = Map.copyOf(new TreeMap<>(b.args));
        this.labels = Map.copyOf(new TreeMap<>(b.labels));
        this.target = b.target != null && b.target.isBlank() ? null : b.target;
        this.noCache = b.noCache;
    }

    /** Builds {@code context/Dockerfile} as {@code tag}, no arguments, no labels, with the cache. */
    public static BuildSpec of(Path context, String tag) {
        return builder(context, tag).build();
    }

    /** Starts a build of {@code context/Dockerfile} tagged {@code tag}. */
    public static Builder builder(Path context, String tag) {
        return new Builder(context).tag(tag);
    }

    /** Returns a builder pre-filled with this spec, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder(context);
        b.dockerfile = dockerfile;
        b.tags.addAll(tags);
        b.args.putAll(args);
        b.target = target;
        b.labels.putAll(labels);
        b.noCache = noCache;
        return b;
    }

    /** The build context directory (sent to the engine). */
    public Path context() {
        return context;
    }

    /** The Dockerfile's path relative to the context. */
    public String dockerfile() {
        return dockerfile;
    }

    /** The {@code repo:tag} names for the image; at least one. */
    public List<String> tags() {
        return tags;
    }

    /** The build arguments ({@code ARG}s). Values may be secrets: never log them. */
    public Map<String, String> args() {
        return args;
    }

    /** The stage to build, or null for the last. */
    public @Nullable String target() {
        return target;
    }

    /** The labels added to the image. */
    public Map<String, String> labels() {
        return labels;
    }

    /** Whether every step is built again. */
    public boolean noCache() {
        return noCache;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BuildSpec other)) {
            return false;
        }
        return context.equals(other.context) && dockerfile.equals(other.dockerfile) && tags.equals(other.tags)
                && args.equals(other.args) && Objects.equals(target, other.target) && labels.equals(other.labels)
                && noCache == other.noCache;
    }

    @Override
    public int hashCode() {
        return Objects.hash(context, dockerfile, tags, args, target, labels, noCache);
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

    /** Collects the fields of a {@link BuildSpec}. Not thread-safe; use one per thread. */
    public static final class Builder {
        private final Path context;
        private String dockerfile = "Dockerfile";
        private final List<String> tags = new ArrayList<>();
        private final Map<String, String> args = new LinkedHashMap<>();
        private @Nullable String target;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private boolean noCache;

        private Builder(Path context) {
            this.context = Objects.requireNonNull(context, "context");
        }

        /** Uses another Dockerfile, relative to the context (default {@code Dockerfile}). */
        public Builder dockerfile(String path) {
            this.dockerfile = Objects.requireNonNull(path, "dockerfile");
            return this;
        }

        /** Adds a {@code repo:tag} name; the first one names the build in messages. */
        public Builder tag(String tag) {
            tags.add(Objects.requireNonNull(tag, "tag"));
            return this;
        }

        /** Sets build arguments (replacing earlier ones); values may be secrets. */
        public Builder args(Map<String, String> values) {
            args.clear();
            args.putAll(values);
            return this;
        }

        /** Builds stage {@code stage} instead of the last one; null or blank for the last. */
        public Builder target(@Nullable String stage) {
            this.target = stage;
            return this;
        }

        /** Sets labels on the image (replacing earlier ones). */
        public Builder labels(Map<String, String> values) {
            labels.clear();
            labels.putAll(values);
            return this;
        }

        /** Builds every step again (true) or uses the build cache (false, the default). */
        public Builder noCache(boolean value) {
            this.noCache = value;
            return this;
        }

        /** Builds the immutable spec. */
        public BuildSpec build() {
            return new BuildSpec(this);
        }
    }
}
