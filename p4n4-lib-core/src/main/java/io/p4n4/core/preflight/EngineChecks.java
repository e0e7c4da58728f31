package io.p4n4.core.preflight;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineVersion;
import io.p4n4.api.project.Problem;
import io.p4n4.compose.ComposeProject;
import io.p4n4.core.compat.Compatibility;
import io.p4n4.core.preflight.internal.ConflictCheck;
import io.p4n4.core.preflight.internal.NetworkCheck;
import io.p4n4.core.scaffold.TemplateContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What must hold on the engine before compose projects start, checked without creating anything: the engine's
 * version is supported (COMPATIBILITY), the networks they join exist with their subnet (NETWORK; {@code p4n4-net}
 * 172.20.0.0/16 is created by the iot stack), and nothing of another project clashes with them (ENGINE: same
 * compose project name from another directory, a {@code container_name}, a published host port). Immutable and
 * thread-safe; the engine belongs to the caller.
 */
public final class EngineChecks {
    private final ContainerEngine engine;
    private final Compatibility compatibility;

    private EngineChecks(ContainerEngine engine, Compatibility compatibility) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.compatibility = Objects.requireNonNull(compatibility, "compatibility");
    }

    /** Checks on {@code engine} against {@code compatibility}'s engine versions. */
    public static EngineChecks of(ContainerEngine engine, Compatibility compatibility) {
        return new EngineChecks(engine, compatibility);
    }

    /**
     * The outcome of the checks.
     *
     * @param passed what was checked and holds, for people
     * @param problems what does not hold, errors first as found
     */
    public record Result(List<String> passed, List<Problem> problems) {
        /** Copies the lists. */
        public Result {
            passed = List.copyOf(passed);
            problems = List.copyOf(problems);
        }

        /** The errors among the problems. */
        public List<Problem> errors() {
            return problems.stream().filter(Problem::isError).toList();
        }

        /**
         * Throws the errors as one {@link P4n4Exception} whose code is the lowest of theirs and whose message
         * lists each with its hint; does nothing without errors.
         */
        public void throwIfFailed() {
            List<Problem> errors = errors();
            if (errors.isEmpty()) {
                return;
            }
            ErrorCode code = errors.stream().map(Problem::errorCode)
                    .min(java.util.Comparator.comparingInt(ErrorCode::exitCode)).orElseThrow();
            throw new P4n4Exception(code, "nothing was created: " + errors.stream()
                    .map(p -> p.message() + (p.hint().isEmpty() ? "" : "; " + p.hint()))
                    .collect(Collectors.joining("\n  ", errors.size() == 1 ? "" : errors.size() + " problems:\n  ",
                            "")));
        }
    }

    /** Runs every check for {@code projects}, the compose projects about to start (in order). */
    public Result check(List<ComposeProject> projects) {
        List<String> passed = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        EngineVersion version = engine.version();
        compatibility.checkEngine(engine.id(), version).ifPresentOrElse(problems::add, () -> passed.add(
                "engine " + engine.id() + " " + version.version() + " at " + engine.endpoint() + ": supported"
                        + compatibility.findEngineRange(engine.id()).map(r -> " (" + r + ")").orElse("")));
        NetworkCheck.check(engine, projects, Map.of(TemplateContext.NETWORK, TemplateContext.SUBNET),
                Map.of(TemplateContext.NETWORK, "iot"), passed, problems);
        ConflictCheck.check(engine, projects, passed, problems);
        return new Result(passed, problems);
    }
}
