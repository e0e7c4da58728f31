package io.p4n4.cli.agent;

import io.p4n4.agent.AgentConfig;
import io.p4n4.agent.AgentConfigLoader;
import io.p4n4.agent.launcher.AgentLauncher;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code p4n4 agent run --config F [--dry-run]}: the device agent in the foreground until Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a device agent in the foreground (Ctrl-C stops it; containers keep running).")
public final class AgentRunCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Agent configuration (TOML). Default: ${DEFAULT-VALUE}")
    Path config = AgentConfig.DEFAULT_FILE;

    @Option(names = "--dry-run", description = "Record what would run; touch no container engine.")
    boolean dryRun;

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
