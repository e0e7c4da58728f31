package io.p4n4.clients.router;

import io.p4n4.api.clients.ollama.ChatResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A chat answer with its routing record.
 *
 * @param response the whole answer (for a streamed call, the assembled text and the final chunk's figures)
 * @param provider the id of the provider that answered
 * @param model the model that answered, as the provider reported it
 * @param attempts every provider tried or skipped, in order, the answering one last
 * @param timeToFirstToken from the router's call to the answering provider's first streamed chunk with text
 *     (to the whole answer for a call that does not stream), failed attempts included
 * @param switchedMidAnswer whether a stream broke after text had arrived and another provider answered
 *     anew ({@link MidStreamPolicy#SWITCH_PROVIDER}); the consumer then saw the broken text first
 */
public record RoutedAnswer(ChatResponse response, String provider, String model, List<Attempt> attempts,
        Duration timeToFirstToken, boolean switchedMidAnswer) {

    /** Validates and copies. */
    public RoutedAnswer {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        attempts = List.copyOf(attempts);
        Objects.requireNonNull(timeToFirstToken, "timeToFirstToken");
    }
}
