package io.p4n4.clients;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.letta.Agent;
import io.p4n4.api.clients.letta.LettaClient;
import io.p4n4.api.clients.letta.LettaPersona;
import io.p4n4.api.clients.letta.MemoryBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates a persona's agent idempotently: the agent is looked up by the persona's name first, and a second
 * one is never created. An existing agent configured like the file is left alone ({@code UNCHANGED}); one
 * configured differently (model, embedding, context window, description, block limits) is left alone too and
 * reported ({@code DIFFERS}, with each difference), unless {@code recreate} asks to delete it and create it
 * anew from the file (losing its conversation and memory). Core-memory text that differs is only reported:
 * Letta agents edit their own {@code persona} and {@code human} blocks. Stateless and thread-safe.
 */
public final class LettaPersonaInit {
    private LettaPersonaInit() {
    }

    /**
     * Makes sure the persona's agent exists; USER error when several agents already have its name (Letta
     * does not keep names unique), naming their ids.
     */
    public static PersonaInitResult init(LettaClient letta, LettaPersona persona, boolean recreate) {
        Optional<Agent> existing = single(letta, persona.name());
        if (existing.isEmpty()) {
            return new PersonaInitResult(PersonaInitResult.Outcome.CREATED,
                    letta.createAgent(persona.createRequest()), List.of(), List.of());
        }
        Agent agent = existing.get();
        if (recreate) {
            letta.deleteAgent(agent.id());
            return new PersonaInitResult(PersonaInitResult.Outcome.RECREATED,
                    letta.createAgent(persona.createRequest()), List.of(), List.of());
        }
        List<String> differences = differences(agent, persona);
        return new PersonaInitResult(differences.isEmpty() ? PersonaInitResult.Outcome.UNCHANGED
                : PersonaInitResult.Outcome.DIFFERS, agent, differences, memoryDifferences(agent, persona));
    }

    /**
     * The one agent named {@code name}, or empty; USER error when there are several.
     */
    public static Optional<Agent> single(LettaClient letta, String name) {
        List<Agent> named = letta.agentsNamed(name);
        if (named.size() > 1) {
            throw new P4n4Exception(ErrorCode.USER, named.size() + " Letta agents are named '" + name + "' ("
                    + String.join(", ", named.stream().map(Agent::id).toList())
                    + "); delete all but one (or all of them) first");
        }
        return named.stream().findFirst();
    }

    /** Where the agent's configuration differs from the persona's, as {@code key: server -> file}. */
    static List<String> differences(Agent agent, LettaPersona persona) {
        List<String> out = new ArrayList<>();
        compare(out, "model", agent.model(), persona.modelHandle());
        compare(out, "embedding", agent.embedding(), persona.embeddingHandle());
        if (agent.contextWindow() != persona.contextWindow()) {
            out.add("context_window: " + agent.contextWindow() + " -> " + persona.contextWindow());
        }
        compare(out, "description", agent.description(), persona.description());
        for (String label : List.of("persona", "human")) {
            int limit = agent.findBlock(label).map(MemoryBlock::limit).orElse(0);
            if (limit != persona.blockLimit()) {
                out.add(label + ".limit: " + (limit == 0 ? "none" : limit) + " -> " + persona.blockLimit());
            }
        }
        return out;
    }

    private static void compare(List<String> out, String key, String server, String file) {
        if (!Objects.equals(server, file)) {
            out.add(key + ": " + (server == null ? "none" : server) + " -> " + file);
        }
    }

    private static List<String> memoryDifferences(Agent agent, LettaPersona persona) {
        List<String> out = new ArrayList<>();
        if (!agent.findBlock("persona").map(MemoryBlock::value).orElse("").equals(persona.systemPrompt())) {
            out.add("persona");
        }
        if (!agent.findBlock("human").map(MemoryBlock::value).orElse("").equals(persona.human())) {
            out.add("human");
        }
        return out;
    }
}
