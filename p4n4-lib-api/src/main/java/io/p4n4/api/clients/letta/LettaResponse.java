package io.p4n4.api.clients.letta;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An agent's answer to sent messages.
 *
 * @param messages the parts of the answer, in order
 * @param promptTokens prompt tokens used (0 when not reported)
 * @param completionTokens completion tokens used
 * @param stepCount agent steps taken
 */
public record LettaResponse(List<LettaMessage> messages, int promptTokens, int completionTokens, int stepCount) {

    /** Copies the list. */
    public LettaResponse {
        messages = List.copyOf(messages);
    }

    /** Returns what the agent said to the user: its assistant messages joined by newlines. */
    public String assistantText() {
        return messages.stream().filter(LettaMessage::isAssistant).map(LettaMessage::text)
                .collect(Collectors.joining("\n"));
    }
}
