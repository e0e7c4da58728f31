package io.p4n4.clients.router;

import io.p4n4.api.clients.ollama.ChatResponse;
import java.time.Duration;

/**
 * Watches one attempt's stream on its way to the caller: when the first text arrived (time to first token)
 * and what text arrived (what a broken stream leaves). Used on the calling thread only.
 */
final class Tap {
    private final String provider;
    private final long start;
    private final ChatCall call;
    private final Events events;
    private final Ticker ticker;
    private final StringBuilder text = new StringBuilder();
    private long firstTokenAt;
    private boolean first = true;

    Tap(String provider, long start, ChatCall call, Events events, Ticker ticker) {
        this.provider = provider;
        this.start = start;
        this.call = call;
        this.events = events;
        this.ticker = ticker;
    }

    /** The call to hand the provider: chunks pass through this tap, pull progress goes to the listeners. */
    ChatCall call(String model) {
        return call.withChunks(this::chunk).withPullProgress(p -> {
            call.pullProgress(p);
            events.pullProgress(provider, model, p);
        });
    }

    private void chunk(ChatResponse chunk) {
        String content = chunk.message().content();
        if (first && !content.isEmpty()) {
            first = false;
            firstTokenAt = ticker.nanos();
            events.firstToken(provider, Duration.ofNanos(Math.max(0, firstTokenAt - start)));
        }
        text.append(content);
        call.chunk(chunk);
    }

    /** Whether text reached the caller: after that, failing over would repeat an answer already shown. */
    boolean receivedText() {
        return text.length() > 0;
    }

    String text() {
        return text.toString();
    }

    /** When the first text arrived, or {@code end} when nothing streamed (a whole answer, or an empty one). */
    long firstTokenAt(long end) {
        return first ? end : firstTokenAt;
    }
}
