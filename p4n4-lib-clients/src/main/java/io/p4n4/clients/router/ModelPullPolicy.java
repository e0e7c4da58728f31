package io.p4n4.clients.router;

/** What {@link OllamaChatProvider} does when the model asked for is not present locally. */
public enum ModelPullPolicy {
    /** Fail with {@link FailureReason#MODEL_MISSING}, so the router goes to the next provider. The default. */
    NEVER,
    /** Pull the model first (progress to {@link ChatCall#pullProgress}), then answer. */
    PULL
}
