package io.p4n4.cli.ai;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.letta.LettaPersona;
import io.p4n4.clients.ClientFactory;
import io.p4n4.clients.LettaPersonaInit;
import io.p4n4.clients.LettaPersonas;
import io.p4n4.clients.PersonaInitResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 ai agent init PERSONA [--recreate]}: creates the persona's agent through Letta's REST API,
 * idempotently ({@link LettaPersonaInit}). An agent of that name configured otherwise than the file is left
 * alone and the command fails (exit 2) listing the differences, unless {@code --recreate}.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a persona's Letta agent from stacks/ai/letta/agents/<persona>.toml; an agent of that"
                + " name is never created twice.")
public final class LettaAgentInitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions options;

    @Parameters(index = "0", paramLabel = "PERSONA",
            description = "The persona: its name in stacks/ai/letta/agents/ (e.g. site-monitor) or a .toml file's path.")
    String persona;

    @Option(names = "--recreate",
            description = "Delete an existing agent of that name and create it anew from the file (its conversation"
                    + " and memory are lost).")
    boolean recreate;

    @Override
    public Integer call() {
        Path file = LettaPersonaFiles.file(spec, persona);
        LettaPersona p = LettaPersonas.read(file);
        PersonaInitResult r;
        try (ClientFactory clients = ServiceOptions.clients(spec)) {
            r = LettaPersonaInit.init(options.applyTo(clients.letta()).build(), p, recreate);
        }
        if (r.outcome() == PersonaInitResult.Outcome.DIFFERS) {
            throw new P4n4Exception(ErrorCode.USER, "agent " + p.name() + " (" + r.agent().id() + ") exists but differs"
                    + " from " + file + ": " + String.join("; ", r.differences()) + " (server -> file). It was left as"
                    + " it is: pass --recreate to delete it and create it from the file (its conversation and memory"
                    + " are lost), or change the file to match");
        }
        if (ServiceOptions.json(spec)) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
            doc.put("personaFile", file.toString());
            doc.put("agent", r.agent());
            doc.put("memoryDifferences", r.memoryDifferences());
            ServiceOptions.printJson(spec, doc);
            return 0;
        }
        PrintWriter out = spec.commandLine().getOut();
        String what = p.name() + " (" + r.agent().id() + ") on " + r.agent().model();
        switch (r.outcome()) {
            case CREATED -> out.println("Created agent " + what + ".");
            case RECREATED -> out.println("Deleted and created agent " + what + " anew from " + file + ".");
            default -> out.println("Agent " + what + " already exists as " + file + " describes; nothing changed.");
        }
        if (!r.memoryDifferences().isEmpty()) {
            spec.commandLine().getErr().println("note: the agent's " + String.join(" and ", r.memoryDifferences())
                    + " memory differs from the file (agents rewrite their own memory as they learn); --recreate"
                    + " starts it over from the file");
        }
        return 0;
    }
}
