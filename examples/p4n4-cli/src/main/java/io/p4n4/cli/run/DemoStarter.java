package io.p4n4.cli.run;

import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.exec.PullPolicy;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.core.platform.Platform;
import io.p4n4.core.project.Project;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Used by {@code p4n4 quickstart}: brings the demo up when an engine answers and has every image, and
 * otherwise says why it did not. Never pulls (a registry may be unreachable) and never fails the command.
 */
public final class DemoStarter {
    private DemoStarter() {
    }

    /** Tries to start every stack of {@code project} on the engine {@code engineOptions} choose; returns whether it did. */
    public static boolean start(Project project, EngineOptions engineOptions, PrintWriter out) {
        out.println();
        ContainerEngine engine;
        try {
            engine = engineOptions.connect();
        } catch (P4n4Exception e) {
            out.println("Not started: no container engine answered. " + firstLine(e.getMessage()));
            out.println("  Start Docker or Podman (or set DOCKER_HOST / CONTAINER_HOST), then: p4n4 up --wait");
            return false;
        }
        try (engine) {
            Platform platform = Platform.create(engine, project);
            Map<StackId, List<String>> missing = platform.missingImages();
            if (!missing.isEmpty()) {
                out.println("Not started on " + engine.id() + ": images are missing (nothing was created):");
                missing.forEach((stack, images) -> images.forEach(i -> out.println("  " + stack.value() + ": " + i)));
                out.println("  Pull them (docker pull IMAGE / podman pull IMAGE), then: p4n4 up --wait");
                return false;
            }
            out.println("Starting the demo on " + engine.id() + " (iot, then ai, then edge) ...");
            platform.up(List.of(), UpOptions.builder().waitReady(true).timeout(Duration.ofMinutes(5))
                    .pullPolicy(PullPolicy.NEVER).progress(e -> {
                        out.println("  " + e);
                        out.flush();
                    }).build());
            out.println("The demo is up: p4n4 status");
            return true;
        } catch (P4n4Exception e) {
            out.println("Not started completely: " + e.getMessage());
            out.println("  See p4n4 status and p4n4 logs STACK; stop it with p4n4 down");
            return false;
        }
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl) + " (" + (text.split("\n").length - 1) + " candidates tried)";
    }
}
