package io.p4n4.cli.compose;

import io.p4n4.api.engine.LogLine;
import io.p4n4.api.engine.LogOptions;
import io.p4n4.api.engine.Subscription;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import io.p4n4.cli.run.EngineOptions;
import io.p4n4.compose.ComposeService;
import io.p4n4.compose.exec.ComposeExecutor;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 compose logs [-f] [-n N] [--since T] [-t] [SERVICE...]}: docker compose v2's {@code logs}, each line
 * prefixed by its service; {@code --json}: one JSON line per log line, also while following. Its {@code -f} is
 * follow, as in compose, so the project options stand only before it: {@code p4n4 compose -f FILE logs -f}.
 */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Show (or follow) the services' logs, like docker compose logs.")
public final class ComposeLogsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(paramLabel = "SERVICE", description = "Only these services (default: all).")
    List<String> services = new ArrayList<>();

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until interrupted.")
    boolean follow;

    @Option(names = {"-n", "--tail"}, paramLabel = "N", defaultValue = "all",
            description = "Only the last N lines of each container, or all (default).")
    String tail;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Only lines since TIME: RFC 3339 (2026-12-03T10:00:00Z), Unix seconds, or relative (42m, 1h30m).")
    String since;

    @Option(names = {"-t", "--timestamps"}, description = "Show each line's timestamp.")
    boolean timestamps;

    @Override
    public Integer call() throws InterruptedException {
        LogOptions options = LogOptions.tail(tailLines()).withFollow(follow).withTimestamps(timestamps);
        if (since != null) {
            options = options.withSince(LogTimes.since(since, Instant.now(), spec.commandLine()));
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean json = OutputMode.json(spec);
        try (ComposeSession session = ComposeSession.open(spec, null, engineOptions, services)) {
            ComposeExecutor compose = session.compose();
            // without services: every service that has a container (one without any is no error, as in compose)
            java.util.Set<String> present = compose.ps(session.project()).stream().map(s -> s.service())
                    .collect(java.util.stream.Collectors.toSet());
            List<String> names = services.isEmpty() ? session.project().servicesInDependencyOrder().stream()
                    .map(ComposeService::name).filter(present::contains).toList() : services;
            if (!follow) {
                for (String service : names) {
                    for (LogLine line : compose.logs(session.project(), service, options)) {
                        print(out, json, service, line);
                    }
                }
                out.flush();
                return 0;
            }
            List<Subscription> streams = new ArrayList<>();
            try {
                for (String service : names) {
                    streams.add(compose.streamLogs(session.project(), service, options,
                            line -> print(out, json, service, line)));
                }
                for (Subscription s : streams) {
                    while (!s.awaitTermination(Duration.ofSeconds(1))) {
                        // followed until the containers stop or the user interrupts
                    }
                }
            } finally {
                streams.forEach(Subscription::close);
            }
        }
        return 0;
    }

    private int tailLines() {
        if (tail.equalsIgnoreCase("all")) {
            return -1;
        }
        try {
            int n = Integer.parseInt(tail);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(), "--tail must be a number of lines (0 or more) or all, not " + tail);
    }

    /** {@code SERVICE | [TIME ]TEXT}, or a JSON line; whole lines even when several services stream. */
    private void print(PrintWriter out, boolean json, String service, LogLine line) {
        if (json) {
            Json.printLine(out, ComposeJson.log(service, line));
            return;
        }
        synchronized (out) {
            out.println(service + " | " + (timestamps && !line.timestamp().equals(Instant.EPOCH)
                    ? line.timestamp() + " " : "") + line.text());
            if (follow) {
                out.flush();
            }
        }
    }
}
