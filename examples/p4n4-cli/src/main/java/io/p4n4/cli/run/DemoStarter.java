package io.p4n4.cli.run;

import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.project.StackId;
import io.p4n4.cli.output.Terminal;
import io.p4n4.cli.progress.ProgressRenderer;
import io.p4n4.cli.progress.ProgressRenderers;
import io.p4n4.compose.exec.ProgressListener;
import io.p4n4.compose.exec.PullPolicy;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.core.platform.Platform;
import io.p4n4.core.project.Project;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Used by {@code p4n4 quickstart}: brings the demo up when an engine answers and has every image, and
 * otherwise says why it did not. Never pulls (a registry may be unreachable) and never fails the command.
 * What happened is returned for {@code --json} as {@code {"started":..., "engine":..., "reason":...,
 * "missing_images":{...}, "addresses":{...}}}; without {@code --json} it is also printed, with the progress.
 */
public final class DemoStarter {
    private DemoStarter() {
    }

    /** Tries to start every stack of {@code project} on the engine {@code engineOptions} choose; reports what it did. */
    public static Map<String, Object> start(Project project, EngineOptions engineOptions, PrintWriter out, boolean json) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("started", false);
        outcome.put("engine", null);
        PrintWriter text = json ? new PrintWriter(java.io.Writer.nullWriter()) : out;
        text.println();
        ContainerEngine engine;
        try {
            engine = engineOptions.connect();
        } catch (P4n4Exception e) {
            outcome.put("reason", e.getMessage());
            text.println("Not started: " + summary(e) + ".");
            text.println("  p4n4 doctor shows each engine candidate and why it did not answer.");
            text.println("  Start Docker or Podman (or set DOCKER_HOST / CONTAINER_HOST), then: p4n4 up --wait");
            text.flush();
            return outcome;
        }
        try (engine) {
            outcome.put("engine", engine.id());
            Platform platform = Platform.create(engine, project);
            Map<StackId, List<String>> missing = platform.missingImages();
            if (!missing.isEmpty()) {
                Map<String, Object> images = new LinkedHashMap<>();
                missing.forEach((stack, list) -> images.put(stack.value(), list));
                outcome.put("reason", "images are missing (nothing was created)");
                outcome.put("missing_images", images);
                text.println("Not started on " + engine.id() + ": images are missing (nothing was created):");
                missing.forEach((stack, list) -> list.forEach(i -> text.println("  " + stack.value() + ": " + i)));
                text.println("  Pull them with p4n4 pull, then: p4n4 up --wait");
                return outcome;
            }
            text.println("Starting the demo on " + engine.id() + " (iot, then ai, then edge) ...");
            try (ProgressRenderer progress = json ? null : ProgressRenderers.create(out, false, Terminal.interactive())) {
                platform.up(List.of(), UpOptions.builder().waitReady(true).timeout(Duration.ofMinutes(5))
                        .pullPolicy(PullPolicy.NEVER).progress(progress == null ? ProgressListener.NONE : progress)
                        .build());
            }
            outcome.put("started", true);
            Map<String, String> addresses = DemoAddresses.of(platform.status());
            outcome.put("addresses", addresses);
            text.println("The demo is up:");
            int width = addresses.keySet().stream().mapToInt(String::length).max().orElse(0);
            addresses.forEach((label, url) -> text.println("  " + label + " ".repeat(width - label.length() + 2) + url));
            text.println("The generated sign-ins (Grafana, InfluxDB, n8n, Letta) are in "
                    + project.directory().resolve(".env") + "; p4n4 secret show lists them, masked.");
            text.println("More: p4n4 status, p4n4 logs STACK, p4n4 ai pull llama3.2; stop it with p4n4 down");
        } catch (P4n4Exception e) {
            outcome.put("reason", "not started completely: " + e.getMessage());
            text.println("Not started completely: " + e.getMessage());
            text.println("  See p4n4 status and p4n4 logs STACK; stop it with p4n4 down");
        }
        text.flush();
        return outcome;
    }

    /** {@code no container engine answered (2 candidates tried)}: the message's first line, without its list. */
    static String summary(P4n4Exception e) {
        String first = e.getMessage().lines().findFirst().orElse("").replaceFirst("; tried:$", "");
        if (e instanceof io.p4n4.compose.engine.EngineDiscoveryException d) {
            int n = d.reports().size();
            return first + " (" + n + (n == 1 ? " candidate" : " candidates") + " tried)";
        }
        return first;
    }
}
