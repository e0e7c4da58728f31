package io.p4n4.api.clients.letta;

import org.jspecify.annotations.Nullable;

/**
 * One message of an agent's answer. {@code messageType} says which part it is:
 * {@code assistant_message} (what the agent says), {@code reasoning_message}, {@code tool_call_message},
 * {@code tool_return_message}, ... ; {@code text} is that part's text (the assistant content, the
 * reasoning, the tool call as JSON, the tool's return).
 *
 * @param id the message id, or {@code null}
 * @param messageType the kind of message
 * @param text the text of this part
 * @param date the timestamp (ISO-8601 text), or {@code null}
 */
public record LettaMessage(@Nullable String id, String messageType, String text, @Nullable String date) {

    /** Returns whether this is what the agent says to the user. */
    public boolean isAssistant() {
        return "assistant_message".equals(messageType);
    }
}
