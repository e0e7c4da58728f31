package io.p4n4.cli.compose;

import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import io.p4n4.cli.progress.ProgressRenderer;
import io.p4n4.cli.progress.ProgressRenderers;
import io.p4n4.cli.run.EngineOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code p4n4 compose restart [SERVICE...]}: docker compose v2's {@code restart}. {@code --json}: progress lines, then the result. */
@Command(name = "restart", mixinStandardHelpOptions = true, description = "Stop and start the services' containers again, like docker compose restart (file changes need up).")
public final class ComposeRestartCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ComposeProjectOptions projectOptions;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(paramLabel = "SERVICE", description = "Only these services (default: all).")
    List<String> services = new ArrayList<>();

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Seconds each container gets to stop"
            + " before it is killed (default: its service's stop_grace_period, else 10).")
    Integer timeout;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ComposeSession session = ComposeSession.open(spec, projectOptions, engineOptions, services)) {
            List<String> containers;
            try (ProgressRenderer progress = ProgressRenderers.create(spec)) {
                containers = session.compose().restart(session.project(), services, timeout(), progress);
            }
            if (OutputMode.json(spec)) {
                Json.printLine(out, ComposeJson.result(session, Map.of("restarted", containers)));
                return 0;
            }
            out.println(session.project().name() + ": restarted " + containers.size() + " containers");
        }
        return 0;
    }

    private Duration timeout() {
        if (timeout == null) {
            return null;
        }
        if (timeout < 0) {
            throw new ParameterException(spec.commandLine(), "--timeout must be 0 or more seconds, not " + timeout);
        }
        return Duration.ofSeconds(timeout);
    }
}
