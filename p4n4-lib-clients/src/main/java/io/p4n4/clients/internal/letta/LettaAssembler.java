package io.p4n4.clients.internal.letta;

import io.p4n4.api.clients.letta.LettaMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the token chunks of a streamed answer into whole messages. With {@code stream_tokens} Letta
 * sends one message as many chunks sharing its id; its streaming guide says to accumulate them by
 * id (and type, since a reasoning and an assistant message may share one). Reasoning and assistant
 * text is concatenated; other parts are kept as they came. Step streaming (one chunk per id) passes
 * through unchanged. Not thread-safe.
 */
final class LettaAssembler {
    private static final String SEPARATOR = "\u0000";
    private final List<StringBuilder> texts = new ArrayList<>();
    private final List<LettaMessage> firsts = new ArrayList<>();
    private final Map<String, Integer> byKey = new HashMap<>();

    void add(LettaMessage chunk) {
        boolean textual = "assistant_message".equals(chunk.messageType())
                || "reasoning_message".equals(chunk.messageType());
        if (textual && chunk.id() != null) {
            String key = chunk.id() + SEPARATOR + chunk.messageType();
            Integer at = byKey.get(key);
            if (at != null) {
                texts.get(at).append(chunk.text());
                return;
            }
            byKey.put(key, firsts.size());
        }
        firsts.add(chunk);
        texts.add(new StringBuilder(chunk.text()));
    }

    /** The whole messages, in the order their first chunks arrived. */
    List<LettaMessage> messages() {
        List<LettaMessage> out = new ArrayList<>(firsts.size());
        for (int i = 0; i < firsts.size(); i++) {
            LettaMessage first = firsts.get(i);
            out.add(new LettaMessage(first.id(), first.messageType(), texts.get(i).toString(), first.date()));
        }
        return out;
    }
}
