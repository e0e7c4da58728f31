package io.p4n4.examples.agent;

import io.p4n4.agent.launcher.AgentLauncher;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.agent.AgentConfig;
import io.p4n4.agent.AgentConfigLoader;
import io.p4n4.agent.events.AgentEventListener;
import io.p4n4.agent.events.JsonLinesEventLog;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code p4n4-agent [--config FILE] [--dry-run] [--log-format text|json]}: runs a device agent until
 * SIGTERM/SIGINT, then shuts down gracefully (within 8 s; containers keep running). With {@code --log-format json}
 * every agent event is also one JSON line on standard output (the text log stays on standard error). Exit codes
 * are those of {@link ErrorCode}.
 */
@Command(name = "p4n4-agent", mixinStandardHelpOptions = true,
        description = "Reconcile this device's containers with its desired state in NATS JetStream KV.")
public final class DeviceAgentMain implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Agent configuration (TOML). Default: ${DEFAULT-VALUE}")
    Path config = AgentConfig.DEFAULT_FILE;

    @Option(names = "--dry-run", description = "Record and log what would run; touch no container engine.")
    boolean dryRun;

    @Option(names = "--log-format", paramLabel = "FORMAT", description = "text (default): the log on standard error;"
            + " json: also one JSON object per agent event (time, level, device, deployment, event, error_code,"
            + " message) on standard output, for log shippers.")
    LogFormat logFormat = LogFormat.TEXT;

    /** How the agent reports what it does. */
    enum LogFormat {
        /** The text log only. */
        TEXT,
        /** The text log on standard error, and JSON lines of agent events on standard output. */
        JSON
    }

    /** Runs the agent and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the agent; returns the exit code. */
    public static int run(String[] args) {
        CommandLine cli = new CommandLine(new DeviceAgentMain()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + ex.getMessage());
            return ex instanceof P4n4Exception p ? p.code().exitCode() : ErrorCode.GENERAL.exitCode();
        });
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            return ErrorCode.USER.exitCode();
        });
        return cli.execute(args);
    }

    /** The event listener of a log format: JSON lines on {@code out}, or none (the text log says it all). */
    static AgentEventListener listener(LogFormat format, PrintStream out) {
        return format == LogFormat.JSON ? JsonLinesEventLog.to(out) : AgentEventListener.NONE;
    }

    @Override
    public Integer call() throws InterruptedException {
        AgentConfig cfg = AgentConfigLoader.load(config);
        AgentEventListener events = listener(logFormat, System.out);
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
}
