package io.p4n4.cli.compose;

import io.p4n4.cli.progress.ProgressRenderer;
import io.p4n4.cli.run.StopTimeoutOption;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code p4n4 compose stop [SERVICE...]}: docker compose v2's {@code stop}. {@code --json}: progress lines, then the result. */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the services' running containers without removing them, like docker compose stop.")
public final class ComposeStopCommand extends ServiceActionCommand {
    @Mixin
    StopTimeoutOption timeout;

    @Override
    String verb() {
        return "stopped";
    }

    @Override
    List<String> act(ComposeSession session, List<String> services, ProgressRenderer progress) {
        return session.compose().stop(session.project(), services, timeout.orNull(), progress);
    }
}
