package io.p4n4.cli.agent;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.score.AgentStatus;
import io.p4n4.api.score.DeploymentStatus;
import io.p4n4.cli.score.NatsOption;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.agent.AgentStatusJson;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code p4n4 agent status --device D}: what the device's agent last reported. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show a device agent's last status.")
public final class AgentStatusCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    NatsOption nats;

    @Option(names = "--device", required = true, paramLabel = "ID", description = "The device.")
    String device;

    @Override
    public Integer call() {
        AgentStatus status;
        try (NatsDesiredStateStore store = nats.open()) {
            status = AgentStatusJson.read(store.findStatus(device).orElseThrow(() -> new P4n4Exception(
                    ErrorCode.USER, "device '" + device + "' has never reported a status to " + nats.url()
                            + "; is its agent running and configured with this NATS?")));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (OutputMode.json(spec)) {
            Json.printDocument(out, json(status));
            return 0;
        }
        out.printf("device %s: %s (at %s)%n", status.deviceId(), status.state(), status.timestamp());
        if (status.lastError() != null) {
            out.println("last error: " + status.lastError());
        }
        for (DeploymentStatus d : status.deployments().values()) {
            out.printf("  %-20s %-9s rev %-6d %s%n", d.deployment(), d.state(), d.revision(),
                    d.message() == null ? "" : d.message());
        }
        return 0;
    }

    private static Map<String, Object> json(AgentStatus status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", status.deviceId());
        m.put("state", status.state().toString().toLowerCase(Locale.ROOT));
        m.put("time", String.valueOf(status.timestamp()));
        m.put("last_error", status.lastError());
        m.put("deployments", status.deployments().values().stream().map(d -> {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("deployment", d.deployment());
            dm.put("state", d.state().toString().toLowerCase(Locale.ROOT));
            dm.put("revision", d.revision());
            dm.put("message", d.message());
            return dm;
        }).toList());
        return m;
    }
}
