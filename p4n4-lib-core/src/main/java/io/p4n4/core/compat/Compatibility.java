package io.p4n4.core.compat;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.engine.EngineVersion;
import io.p4n4.api.project.Problem;
import io.p4n4.api.project.StackId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The compatibility table: the {@code VERSION} range this p4n4-lib supports for each stack (the design
 * document's {@code STACK_COMPAT}) and the oldest version of each container engine it runs on. A stack or
 * engine the table does not name is not checked. Immutable and thread-safe.
 */
public final class Compatibility {
    /** The file in {@code stacks/<id>/} holding the version of the stack's templates, one line. */
    public static final String VERSION_FILE = "VERSION";

    private static final Compatibility BUNDLED = of(
            Map.of(StackId.IOT, VersionRange.parse(">=0.1.0 <1.0.0"), StackId.AI, VersionRange.parse(">=0.1.0 <1.0.0"),
                    StackId.EDGE, VersionRange.parse(">=0.1.0 <1.0.0")),
            Map.of("docker", VersionRange.parse(">=20.10"), "podman", VersionRange.parse(">=4.0")));

    private final Map<StackId, VersionRange> stacks;
    private final Map<String, VersionRange> engines;

    private Compatibility(Map<StackId, VersionRange> stacks, Map<String, VersionRange> engines) {
        this.stacks = Map.copyOf(stacks);
        this.engines = Map.copyOf(engines);
    }

    /** The table of this p4n4-lib: iot, ai and edge {@code >=0.1.0 <1.0.0}; Docker 20.10 and Podman 4.0 or newer. */
    public static Compatibility bundled() {
        return BUNDLED;
    }

    /** A table of {@code stacks} (stack id to range of its {@code VERSION}) and {@code engines} (engine id to range). */
    public static Compatibility of(Map<StackId, VersionRange> stacks, Map<String, VersionRange> engines) {
        return new Compatibility(new LinkedHashMap<>(stacks), new LinkedHashMap<>(engines));
    }

    /** The supported range of stack {@code id}'s {@code VERSION}, if the table names the stack. */
    public Optional<VersionRange> findStackRange(StackId id) {
        return Optional.ofNullable(stacks.get(id));
    }

    /** The supported versions of engine {@code engineId} ({@code docker}, {@code podman}), if the table names it. */
    public Optional<VersionRange> findEngineRange(String engineId) {
        return Optional.ofNullable(engines.get(engineId));
    }

    /**
     * Checks the {@code VERSION} file of stack {@code id}: empty when the table has no range for the stack or
     * the version is in it; a COMPATIBILITY error naming the file, the version and the range when it is not (or
     * when the file does not hold a version); a warning when the file is missing or unreadable.
     */
    public Optional<Problem> checkStack(StackId id, Path versionFile) {
        Objects.requireNonNull(versionFile, "versionFile");
        Optional<VersionRange> range = findStackRange(id);
        if (range.isEmpty()) {
            return Optional.empty();
        }
        String version;
        try {
            version = Files.readString(versionFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return Optional.of(Problem.warning("stack.version-missing", "cannot read the " + id + " stack's version"
                    + " from " + versionFile + " (" + e.getClass().getSimpleName() + "); its compatibility with this"
                    + " p4n4 (" + range.get() + ") is not checked").file(versionFile)
                    .hint("write the version of the stack's templates into " + versionFile + ", e.g. 0.1.0").build());
        }
        if (range.get().contains(version)) {
            return Optional.empty();
        }
        return Optional.of(Problem.error("stack.incompatible", ErrorCode.COMPATIBILITY, "the " + id + " stack is"
                + " version '" + version + "' (" + versionFile + ") but this p4n4 supports " + id + " " + range.get())
                .file(versionFile).line(1).hint("use a p4n4 release that supports " + id + " " + version
                        + ", or scaffold the stack again with this one (p4n4 remove " + id + ", then p4n4 add " + id
                        + ")").build());
    }

    /**
     * Checks the version an engine reports: empty when the table has no range for {@code engineId} or the
     * version is in it, otherwise a COMPATIBILITY error naming the engine, its version and the range.
     */
    public Optional<Problem> checkEngine(String engineId, EngineVersion version) {
        Optional<VersionRange> range = findEngineRange(engineId);
        if (range.isEmpty() || range.get().contains(version.version())) {
            return Optional.empty();
        }
        return Optional.of(Problem.error("engine.incompatible", ErrorCode.COMPATIBILITY, engineId + " "
                + version.version() + (version.product().isEmpty() ? "" : " (" + version.product() + ")")
                + " is not supported by this p4n4, which needs " + engineId + " " + range.get())
                .hint("upgrade " + engineId + ", or choose another engine with --engine / --host").build());
    }
}
