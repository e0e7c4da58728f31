package io.p4n4.agent.launcher;

import io.p4n4.agent.AgentConfigLoader;
import java.nio.file.Path;

/**
 * Runs a device agent in its own JVM, wired by {@link AgentLauncher} from a TOML file, until the process is
 * killed: what {@code p4n4-agent --config FILE} does, with the test's class path. {@link AgentKilledTest}
 * starts it and kills it with SIGKILL.
 */
public final class AgentProcessMain {

    private AgentProcessMain() {
    }

    /** {@code AgentProcessMain CONFIG.toml}: runs until killed. */
    public static void main(String[] args) throws InterruptedException {
        AgentLauncher launcher = AgentLauncher.start(AgentConfigLoader.load(Path.of(args[0])), System.getenv());
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::close, "agent-shutdown"));
        System.out.println("agent started");
        Thread.sleep(Long.MAX_VALUE);
    }
}
