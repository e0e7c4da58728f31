package io.p4n4.examples.agent;

import io.p4n4.agent.launcher.AgentLauncher;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.agent.AgentConfig;
import io.p4n4.agent.AgentConfigLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code p4n4-agent [--config FILE] [--dry-run]}: runs a device agent until SIGTERM/SIGINT, then shuts
 * down gracefully (within 8 s; containers keep running). Exit codes are those of {@link ErrorCode}.
 */
@Command(name = "p4n4-agent", mixinStandardHelpOptions = true,
        description = "Reconcile this device's containers with its desired state in NATS JetStream KV.")
public final class DeviceAgentMain implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Agent configuration (TOML). Default: ${DEFAULT-VALUE}")
    Path config = AgentConfig.DEFAULT_FILE;

    @Option(names = "--dry-run", description = "Record and log what would run; touch no container engine.")
    boolean dryRun;

    /** Runs the agent and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the agent; returns the exit code. */
    public static int run(String[] args) {
        CommandLine cli = new CommandLine(new DeviceAgentMain());
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

    @Override
    public Integer call() throws InterruptedException {
        AgentConfig cfg = AgentConfigLoader.load(config);
        AgentLauncher launcher = dryRun ? AgentLauncher.startDryRun(cfg, System.getenv())
                : AgentLauncher.start(cfg, System.getenv());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            launcher.close();
            stopped.countDown();
        }, "p4n4-agent-shutdown"));
        stopped.await();
        return 0;
    }
}
