package io.p4n4.cli.compose;

import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import io.p4n4.cli.progress.ProgressRenderer;
import io.p4n4.cli.progress.ProgressRenderers;
import io.p4n4.cli.run.EngineOptions;
import io.p4n4.cli.run.StopTimeoutOption;
import io.p4n4.compose.exec.DownOptions;
import io.p4n4.compose.exec.DownResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 compose down [-v] [--remove-orphans] [-t S]}: docker compose v2's {@code down}: stops and removes the
 * project's containers and its own networks (and named and anonymous volumes with {@code -v}).
 */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop and remove the project's containers and networks, like docker compose down.")
public final class ComposeDownCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ComposeProjectOptions projectOptions;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = {"-v", "--volumes"}, description = "Also remove the project's named volumes (their data is lost).")
    boolean volumes;

    @Option(names = "--remove-orphans", description = "Also remove containers of services the file no longer has.")
    boolean removeOrphans;

    @Mixin
    StopTimeoutOption timeout;

    @Override
    public Integer call() {
        Duration stopTimeout = timeout.orNull(); // a usage error before any engine is contacted
        PrintWriter out = spec.commandLine().getOut();
        try (ComposeSession session = ComposeSession.open(spec, projectOptions, engineOptions)) {
            DownResult r;
            try (ProgressRenderer progress = ProgressRenderers.create(spec)) {
                DownOptions options = DownOptions.defaults().withVolumes(volumes).withOrphans(removeOrphans)
                        .withProgress(progress);
                if (stopTimeout != null) {
                    options = options.withStopTimeout(stopTimeout);
                }
                r = session.compose().down(session.project(), options);
            }
            if (OutputMode.json(spec)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("containers", r.containers());
                m.put("networks", r.networks());
                m.put("volumes", r.volumes());
                Json.printLine(out, ComposeJson.result(session, m));
                return 0;
            }
            out.println(session.project().name() + ": removed " + r.containers().size() + " containers, "
                    + r.networks().size() + " networks, " + r.volumes().size() + " volumes");
        }
        return 0;
    }
}
