package io.p4n4.cli.run;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.project.StackId;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import io.p4n4.compose.exec.ServiceStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 status}: every stack's containers with image, state, health and ports (the spec's columns: container
 * name, image, status, ports). Exit 0 even when some are down.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show every stack's containers: image, state, health and published ports.")
public final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ContainerEngine engine = engineOptions.connect()) {
            Map<StackId, List<ServiceStatus>> all = EngineOptions.platform(spec, engine).status();
            if (OutputMode.json(spec)) {
                Json.printDocument(out, RunJson.status(engine, all));
                return 0;
            }
            // columns as wide as their widest cell, so long project names keep the table aligned
            int service = width("SERVICE", all, ServiceStatus::service);
            int container = width("CONTAINER", all, ServiceStatus::container);
            int image = width("IMAGE", all, ServiceStatus::image);
            String row = "%-6s %-" + service + "s %-" + container + "s %-" + image + "s %-9s %-10s %s";
            out.println(String.format(row, "STACK", "SERVICE", "CONTAINER", "IMAGE", "STATE", "HEALTH", "PORTS")
                    .strip());
            for (Map.Entry<StackId, List<ServiceStatus>> e : all.entrySet()) {
                if (e.getValue().isEmpty()) {
                    out.println(String.format("%-6s %s", e.getKey().value(), "(not running)"));
                }
                for (ServiceStatus s : e.getValue()) {
                    out.println(String.format(row, e.getKey().value(), s.service(), s.container(), s.image(),
                            lower(s.state()), lower(s.health()), ports(s.ports())).strip());
                }
            }
        }
        return 0;
    }

    private static int width(String header, Map<StackId, List<ServiceStatus>> all,
            Function<ServiceStatus, String> column) {
        return Math.max(header.length(), all.values().stream().flatMap(List::stream).map(column)
                .mapToInt(String::length).max().orElse(0));
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static String ports(List<PortBinding> ports) {
        return ports.stream().filter(p -> p.hostPort() > 0)
                .map(p -> (p.hostIp().isEmpty() ? "" : p.hostIp() + ":") + p.hostPort() + "->" + p.containerPort())
                .distinct().collect(Collectors.joining(", "));
    }
}
