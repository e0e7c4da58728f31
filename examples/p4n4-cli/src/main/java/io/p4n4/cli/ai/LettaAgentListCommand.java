package io.p4n4.cli.ai;

import io.p4n4.api.clients.letta.Agent;
import io.p4n4.api.clients.letta.LettaPersona;
import io.p4n4.cli.TextTable;
import io.p4n4.clients.ClientFactory;
import io.p4n4.clients.LettaPersonas;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 ai agent list}: every agent on the Letta server (name, status, model, agent id), then the
 * project's personas that have no agent yet ({@code not created}). The status is explained in
 * {@link LettaAgentStatus}.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the Letta agents (name, status, model, agent id) and the personas not created yet.")
public final class LettaAgentListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions options;

    @Override
    public Integer call() {
        List<LettaPersona> personas = LettaPersonaFiles.all(spec);
        Optional<Path> folder = LettaPersonaFiles.folder(spec);
        List<Agent> agents;
        try (ClientFactory clients = ServiceOptions.clients(spec)) {
            agents = options.applyTo(clients.letta()).build().agents();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Agent a : agents) {
            Optional<LettaPersona> persona = personas.stream().filter(p -> p.name().equals(a.name())).findFirst();
            rows.add(row(a.name(), LettaAgentStatus.of(a), a.model(), a.id(), a.lastStopReason(),
                    a.lastRunCompletion(), persona.flatMap(p -> file(folder, p)).orElse(null)));
        }
        for (LettaPersona p : personas) {
            if (agents.stream().noneMatch(a -> a.name().equals(p.name()))) {
                rows.add(row(p.name(), LettaAgentStatus.NOT_CREATED, p.modelHandle(), null, null, null,
                        file(folder, p).orElse(null)));
            }
        }
        if (ServiceOptions.json(spec)) {
            ServiceOptions.printJson(spec, rows);
            return 0;
        }
        if (rows.isEmpty()) {
            spec.commandLine().getOut().println("No Letta agents and no persona files. Create one from a persona file:"
                    + " p4n4 ai agent init site-monitor (in a project made by p4n4 init with the ai stack)");
            return 0;
        }
        TextTable table = new TextTable("NAME", "STATUS", "MODEL", "AGENT ID");
        rows.forEach(r -> table.row(r.get("name"), r.get("status"), r.get("model"), r.get("agentId")));
        table.print(spec.commandLine().getOut());
        return 0;
    }

    private static Optional<String> file(Optional<Path> folder, LettaPersona p) {
        return folder.map(f -> f.resolve(p.name() + ".toml").toString());
    }

    private static Map<String, Object> row(String name, String status, String model, String id, String reason,
            String lastRun, String persona) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("status", status);
        m.put("model", model);
        m.put("agentId", id);
        m.put("lastStopReason", reason);
        m.put("lastRunCompletion", lastRun);
        m.put("personaFile", persona);
        return m;
    }
}
