package io.p4n4.cli.run;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.project.StackId;
import io.p4n4.core.compose.exec.ServiceStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code p4n4 status}: every stack's containers with state, health and ports. Exit 0 even when some are down. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show every stack's containers: state, health and published ports.")
public final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ContainerEngine engine = engineOptions.connect()) {
            out.println(String.format("%-6s %-12s %-24s %-9s %-10s %s", "STACK", "SERVICE", "CONTAINER", "STATE",
                    "HEALTH", "PORTS"));
            for (Map.Entry<StackId, List<ServiceStatus>> e : EngineOptions.platform(spec, engine).status().entrySet()) {
                if (e.getValue().isEmpty()) {
                    out.println(String.format("%-6s %s", e.getKey().value(), "(not running)"));
                }
                for (ServiceStatus s : e.getValue()) {
                    out.println(String.format("%-6s %-12s %-24s %-9s %-10s %s", e.getKey().value(), s.service(),
                            s.container(), lower(s.state()), lower(s.health()), ports(s.ports())));
                }
            }
        }
        return 0;
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
