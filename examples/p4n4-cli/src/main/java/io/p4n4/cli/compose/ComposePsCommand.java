package io.p4n4.cli.compose;

import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.HealthStatus;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.cli.TextTable;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import io.p4n4.cli.run.EngineOptions;
import io.p4n4.compose.exec.ServiceStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 compose ps [-a] [--format table|json] [SERVICE...]}: the project's containers, running ones only
 * unless {@code -a}, as docker compose v2's {@code ps}. {@code --format json} prints compose's shape (one object
 * per line); the CLI's {@code --json} prints p4n4's document.
 */
@Command(name = "ps", mixinStandardHelpOptions = true, description = "List the project's containers, like docker compose ps.")
public final class ComposePsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ComposeProjectOptions projectOptions;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(paramLabel = "SERVICE", description = "Only these services (default: all).")
    List<String> services = new ArrayList<>();

    @Option(names = {"-a", "--all"}, description = "Also stopped containers.")
    boolean all;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or json (docker compose's fields, one container per line).")
    String format;

    @Override
    public Integer call() {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("table") && !fmt.equals("json")) {
            throw new ParameterException(spec.commandLine(), "--format " + format
                    + " is not supported: use table or json (Go templates are not)");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ComposeSession session = ComposeSession.open(spec, projectOptions, engineOptions, services)) {
            List<ServiceStatus> shown = session.compose().ps(session.project()).stream()
                    .filter(s -> all || s.state() == ContainerState.RUNNING || s.state() == ContainerState.RESTARTING
                            || s.state() == ContainerState.PAUSED)
                    .filter(s -> services.isEmpty() || services.contains(s.service())).toList();
            if (OutputMode.json(spec)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("containers", shown.stream().map(ComposeJson::container).toList());
                Map<String, Object> doc = ComposeJson.result(session, m);
                doc.remove("type");
                Json.printDocument(out, doc);
                return 0;
            }
            if (fmt.equals("json")) {
                shown.forEach(s -> Json.printLine(out, ComposeJson.dockerPs(session.project().name(), s)));
                out.flush();
                return 0;
            }
            TextTable table = new TextTable("NAME", "SERVICE", "IMAGE", "STATUS", "PORTS");
            for (ServiceStatus s : shown) {
                table.row(s.container(), s.service(), s.image(), status(s), ports(s.ports()));
            }
            table.print(out);
            out.flush();
        }
        return 0;
    }

    private static String status(ServiceStatus s) {
        String state = s.state().name().toLowerCase(Locale.ROOT);
        if (s.state() == ContainerState.EXITED) {
            return state + " (" + s.exitCode() + ")";
        }
        return s.health() == HealthStatus.NONE ? state : state + " (" + s.health().name().toLowerCase(Locale.ROOT) + ")";
    }

    private static String ports(List<PortBinding> ports) {
        return ports.stream().map(p -> (p.hostIp().isEmpty() ? "" : p.hostIp() + ":") + p.hostPort() + "->"
                + p.containerPort() + "/" + p.protocol().name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
