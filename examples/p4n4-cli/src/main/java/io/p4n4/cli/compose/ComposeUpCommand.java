package io.p4n4.cli.compose;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import io.p4n4.cli.progress.ProgressRenderer;
import io.p4n4.cli.progress.ProgressRenderers;
import io.p4n4.cli.run.EngineOptions;
import io.p4n4.compose.exec.PullPolicy;
import io.p4n4.compose.exec.RecreatePolicy;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.compose.exec.UpResult;
import io.p4n4.server.engine.EngineJson;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 compose up [SERVICE...]}: docker compose v2's {@code up}, always detached (the JVM exits), so
 * {@code -d} is accepted and is the default. Progress as {@code p4n4 up} shows it; {@code --json}: JSON lines
 * and a last {@code "type":"result"} line.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Create and start the project's containers (detached), like docker compose up -d.")
public final class ComposeUpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ComposeProjectOptions projectOptions;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(paramLabel = "SERVICE", description = "Only these services and what they depend on (default: all).")
    List<String> services = new ArrayList<>();

    @Option(names = {"-d", "--detach"}, description = "Run in the background (the default: p4n4 always detaches).")
    boolean detach;

    @Option(names = "--wait", description = "Wait until every service is running and healthy (when it has a healthcheck).")
    boolean waitReady;

    @Option(names = "--wait-timeout", paramLabel = "SECONDS",
            description = "With --wait: the longest up may take, waiting included (default: 300).")
    Long waitTimeout;

    @Option(names = "--build", description = "Build the services' images again before starting them.")
    boolean build;

    @Option(names = "--no-build", description = "Do not build any image; fail when a service's image to build is missing.")
    boolean noBuild;

    @Option(names = "--pull", paramLabel = "POLICY",
            description = "Pull images before running: always, missing or never (default: each service's pull_policy).")
    String pull;

    @Option(names = "--force-recreate", description = "Recreate the containers even when nothing changed.")
    boolean forceRecreate;

    @Option(names = "--no-recreate", description = "Keep existing containers even when their configuration changed.")
    boolean noRecreate;

    @Option(names = "--remove-orphans", description = "Remove containers of services the file no longer has.")
    boolean removeOrphans;

    @Override
    public Integer call() {
        UpOptions.Builder options = options();
        PrintWriter out = spec.commandLine().getOut();
        boolean json = OutputMode.json(spec);
        try (ComposeSession session = ComposeSession.open(spec, projectOptions, engineOptions, services)) {
            if (noBuild) {
                List<String> unbuilt = session.compose().missingBuiltImages(session.project());
                if (!unbuilt.isEmpty()) {
                    throw new P4n4Exception(ErrorCode.USER, "--no-build: the images of " + String.join(", ", unbuilt)
                            + " are not built yet; run up without --no-build (or with --build) once");
                }
            }
            if (!json) {
                out.println("engine " + session.engine().id() + " at " + session.engine().endpoint()
                        + ", project " + session.project().name());
            }
            UpResult r;
            try (ProgressRenderer progress = ProgressRenderers.create(spec)) {
                r = session.compose().up(session.project(), options.progress(progress).build());
            }
            if (json) {
                Json.printLine(out, ComposeJson.result(session, EngineJson.up(r)));
                return 0;
            }
            out.println(session.project().name() + ": " + r.created().size() + " created, " + r.recreated().size()
                    + " recreated, " + r.started().size() + " started, " + r.unchanged().size() + " unchanged"
                    + (r.scaledDown().isEmpty() ? "" : ", " + r.scaledDown().size() + " scaled down") + " in "
                    + r.elapsed().toMillis() + " ms");
        }
        return 0;
    }

    /** The flags as executor options; conflicting or out-of-range flags are usage errors (exit 2). */
    private UpOptions.Builder options() {
        if (build && noBuild) {
            throw new ParameterException(spec.commandLine(), "--build and --no-build are incompatible");
        }
        if (forceRecreate && noRecreate) {
            throw new ParameterException(spec.commandLine(), "--force-recreate and --no-recreate are incompatible");
        }
        if (waitTimeout != null && !waitReady) {
            throw new ParameterException(spec.commandLine(), "--wait-timeout applies only with --wait; add --wait");
        }
        if (waitTimeout != null && waitTimeout <= 0) {
            throw new ParameterException(spec.commandLine(), "--wait-timeout must be more than 0 seconds, not "
                    + waitTimeout);
        }
        UpOptions.Builder b = UpOptions.builder().services(services).waitReady(waitReady).build(build)
                .removeOrphans(removeOrphans)
                .recreate(forceRecreate ? RecreatePolicy.ALWAYS : noRecreate ? RecreatePolicy.NEVER
                        : RecreatePolicy.DIVERGED);
        if (waitTimeout != null) {
            b.timeout(Duration.ofSeconds(waitTimeout));
        }
        if (pull != null) {
            b.pullPolicy(pullPolicy(pull));
        }
        return b;
    }

    private PullPolicy pullPolicy(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "always" -> PullPolicy.ALWAYS;
            case "missing" -> PullPolicy.MISSING;
            case "never" -> PullPolicy.NEVER;
            default -> throw new ParameterException(spec.commandLine(), "--pull " + value
                    + " is not supported: use always, missing or never");
        };
    }
}
