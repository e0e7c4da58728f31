package io.p4n4.cli.compose;

import io.p4n4.cli.progress.ProgressRenderer;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code p4n4 compose start [SERVICE...]}: docker compose v2's {@code start}. {@code --json}: progress lines, then the result. */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Start the services' existing, stopped containers, like docker compose start.")
public final class ComposeStartCommand extends ServiceActionCommand {
    @Override
    String verb() {
        return "started";
    }

    @Override
    List<String> act(ComposeSession session, List<String> services, ProgressRenderer progress) {
        return session.compose().start(session.project(), services, progress);
    }
}
