package io.p4n4.clients.router;

/** What the router does when a streamed answer breaks after text has arrived. */
public enum MidStreamPolicy {
    /** Surface the error with the text received ({@link RoutingException#partialText()}). The default. */
    FAIL,
    /**
     * Ask the next provider for the whole answer; the consumer gets its chunks after the broken ones,
     * {@link RouterListener#switchedMidAnswer} says when to discard, and the answer is marked
     * {@link RoutedAnswer#switchedMidAnswer()}.
     */
    SWITCH_PROVIDER
}
