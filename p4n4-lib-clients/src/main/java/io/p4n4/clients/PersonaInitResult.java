package io.p4n4.clients;

import io.p4n4.api.clients.letta.Agent;
import java.util.List;

/**
 * What {@link LettaPersonaInit#init} did for one persona. Immutable and thread-safe.
 *
 * @param outcome what happened
 * @param agent the agent now on the server (the existing one when it was left as it was)
 * @param differences where the existing agent's configuration differs from the file ({@code model},
 *     {@code embedding}, {@code context_window}, {@code description}, {@code <label>.limit}): each as
 *     {@code key: server value -> file value}; empty unless the outcome is {@link Outcome#DIFFERS}
 * @param memoryDifferences the labels of the core-memory blocks whose text differs from the file; Letta agents
 *     rewrite their own memory as they learn, so this is reported, not refused
 */
public record PersonaInitResult(Outcome outcome, Agent agent, List<String> differences,
        List<String> memoryDifferences) {

    /** Copies the lists. */
    public PersonaInitResult {
        differences = List.copyOf(differences);
        memoryDifferences = List.copyOf(memoryDifferences);
    }

    /** What happened to the persona's agent. */
    public enum Outcome {
        /** No agent had the name; it was created. */
        CREATED,
        /** An agent with the name and the file's configuration exists; nothing was sent. */
        UNCHANGED,
        /** An agent with the name exists but is configured differently; it was left as it was. */
        DIFFERS,
        /** The agent with the name was deleted and created anew from the file (asked for). */
        RECREATED
    }
}
