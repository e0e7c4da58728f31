package io.p4n4.cli.run;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.LogLine;
import io.p4n4.api.engine.LogOptions;
import io.p4n4.api.engine.Subscription;
import io.p4n4.api.project.StackId;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeService;
import io.p4n4.compose.exec.ComposeExecutor;
import io.p4n4.core.platform.Platform;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 logs STACK [SERVICE...] [--follow] [--tail N]}: the stack's logs, each line prefixed by its
 * service; with {@code --json} one JSON line per log line, also while following.
 */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Show (or follow) the logs of a stack's services.")
public final class LogsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(index = "0", paramLabel = "STACK", description = "iot, ai or edge.")
    String stack;

    @Parameters(index = "1..*", paramLabel = "SERVICE", description = "Only these services (default: all).")
    List<String> services = new ArrayList<>();

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until interrupted.")
    boolean follow;

    @Option(names = {"-n", "--tail"}, paramLabel = "N", defaultValue = "-1",
            description = "Only the last N lines of each service (default: all).")
    int tail;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        boolean json = OutputMode.json(spec);
        try (ContainerEngine engine = engineOptions.connect()) {
            Platform platform = EngineOptions.platform(spec, engine);
            ComposeProject project = platform.load(StackId.of(stack));
            ComposeExecutor compose = platform.compose();
            List<String> names = services.isEmpty()
                    ? project.servicesInDependencyOrder().stream().map(ComposeService::name).toList() : services;
            LogOptions options = LogOptions.tail(tail).withFollow(follow);
            if (!follow) {
                for (String service : names) {
                    for (LogLine line : compose.logs(project, service, options)) {
                        print(out, json, service, line);
                    }
                }
                return 0;
            }
            List<Subscription> streams = new ArrayList<>();
            try {
                for (String service : names) {
                    streams.add(compose.streamLogs(project, service, options, line -> print(out, json, service, line)));
                }
                for (Subscription s : streams) {
                    while (!s.awaitTermination(Duration.ofSeconds(1))) {
                        // followed until the container stops or the user interrupts
                    }
                }
            } finally {
                streams.forEach(Subscription::close);
            }
        }
        return 0;
    }

    /** One log line: {@code SERVICE | TEXT}, or a JSON line; whole lines even when several services stream. */
    private static void print(PrintWriter out, boolean json, String service, LogLine line) {
        if (json) {
            Json.printLine(out, RunJson.log(service, line));
            return;
        }
        synchronized (out) {
            out.println(service + " | " + line.text());
            out.flush();
        }
    }
}
