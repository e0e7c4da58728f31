package io.p4n4.cli.compose;

import io.p4n4.cli.progress.ProgressRenderer;
import io.p4n4.cli.run.StopTimeoutOption;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code p4n4 compose restart [SERVICE...]}: docker compose v2's {@code restart}. {@code --json}: progress lines, then the result. */
@Command(name = "restart", mixinStandardHelpOptions = true, description = "Stop and start the services' containers again, like docker compose restart (file changes need up).")
public final class ComposeRestartCommand extends ServiceActionCommand {
    @Mixin
    StopTimeoutOption timeout;

    @Override
    String verb() {
        return "restarted";
    }

    @Override
    List<String> act(ComposeSession session, List<String> services, ProgressRenderer progress) {
        return session.compose().restart(session.project(), services, timeout.orNull(), progress);
    }
}
