package io.p4n4.cli.agent;

import io.p4n4.agent.AgentConfig;
import io.p4n4.agent.AgentConfigLoader;
import io.p4n4.agent.events.AgentEventListener;
import io.p4n4.agent.events.JsonLinesEventLog;
import io.p4n4.agent.launcher.AgentLauncher;
import io.p4n4.cli.output.OutputMode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 agent run --config F [--dry-run]}: the device agent in the foreground until Ctrl-C. With
 * {@code --json}, each agent event (applied, rejected, failed, removed, started, stopped, ...) is one JSON line
 * on standard output, the shape of {@link JsonLinesEventLog}, for log shippers.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a device agent in the foreground (Ctrl-C stops it; containers keep running).")
public final class AgentRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Agent configuration (TOML). Default: ${DEFAULT-VALUE}")
    Path config = AgentConfig.DEFAULT_FILE;

    @Option(names = "--dry-run", description = "Record what would run; touch no container engine.")
    boolean dryRun;

    @Override
    public Integer call() throws InterruptedException {
        AgentConfig cfg = AgentConfigLoader.load(config);
        AgentEventListener events = OutputMode.json(spec) ? jsonLines(spec.commandLine().getOut())
                : AgentEventListener.NONE;
        AgentLauncher launcher = dryRun ? AgentLauncher.startDryRun(cfg, System.getenv(), events)
                : AgentLauncher.start(cfg, System.getenv(), events);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            launcher.close();
            stopped.countDown();
        }, "p4n4-agent-shutdown"));
        stopped.await();
        return 0;
    }

    /** Events as JSON lines on the command's (UTF-8) output, whole lines even from several threads. */
    private static AgentEventListener jsonLines(PrintWriter out) {
        return event -> {
            String line = JsonLinesEventLog.line(event);
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        };
    }
}
