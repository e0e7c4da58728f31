package io.p4n4.cli.ai;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.letta.Agent;
import io.p4n4.api.clients.letta.LettaClient;
import io.p4n4.clients.ClientFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 ai agent delete NAME [--all]}: deletes the Letta agent with that name (its conversation and
 * memory go with it; the persona file stays). USER error when none has the name, or when several do and
 * {@code --all} is not given.
 */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete the Letta agent with this name (the persona file stays).")
public final class LettaAgentDeleteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions options;

    @Parameters(index = "0", paramLabel = "NAME", description = "The agent's name, e.g. site-monitor.")
    String name;

    @Option(names = "--all", description = "Delete every agent with this name (Letta does not keep names unique).")
    boolean all;

    @Override
    public Integer call() {
        List<Map<String, Object>> deleted = new ArrayList<>();
        try (ClientFactory clients = ServiceOptions.clients(spec)) {
            LettaClient letta = options.applyTo(clients.letta()).build();
            List<Agent> named = letta.agentsNamed(name);
            if (named.isEmpty()) {
                throw new P4n4Exception(ErrorCode.USER, "no Letta agent is named '" + name
                        + "'; p4n4 ai agent list shows the agents");
            }
            if (named.size() > 1 && !all) {
                throw new P4n4Exception(ErrorCode.USER, named.size() + " Letta agents are named '" + name + "' ("
                        + String.join(", ", named.stream().map(Agent::id).toList()) + "); pass --all to delete them all");
            }
            for (Agent a : named) {
                letta.deleteAgent(a.id());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", a.name());
                m.put("agentId", a.id());
                deleted.add(m);
                if (!ServiceOptions.json(spec)) {
                    spec.commandLine().getOut().println("Deleted agent " + a.name() + " (" + a.id() + ").");
                }
            }
        }
        if (ServiceOptions.json(spec)) {
            ServiceOptions.printJson(spec, Map.of("deleted", deleted));
        }
        return 0;
    }
}
