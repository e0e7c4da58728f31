package io.p4n4.clients.router;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.ServiceException;
import io.p4n4.api.clients.ollama.ChatRequest;
import io.p4n4.api.clients.ollama.ChatResponse;
import io.p4n4.api.clients.ollama.ModelInfo;
import io.p4n4.api.clients.ollama.OllamaClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The project's Ollama as a {@link ChatProvider}, on an existing {@link OllamaClient}. Before a call it
 * makes sure that the server answered its health check recently and that the model is present: one
 * {@code GET /api/tags} answers both, made when the last sign of life is older than the health interval
 * (default 10 s) or the model was not seen yet; every answer from the server counts as a sign of life.
 * A missing model is pulled first when the {@link ModelPullPolicy} allows (progress to
 * {@link ChatCall#pullProgress}); otherwise the call fails with {@link FailureReason#MODEL_MISSING}, so a
 * router moves on. Thread-safe.
 */
public final class OllamaChatProvider implements ChatProvider {
    private final OllamaClient ollama;
    private final String id;
    private final @Nullable String model;
    private final ModelPullPolicy pullPolicy;
    private final long healthIntervalNanos;
    private final Ticker ticker;
    private final Set<String> present = ConcurrentHashMap.newKeySet();
    private volatile long lastAliveAt;
    private volatile boolean everAlive;

    private OllamaChatProvider(Builder b) {
        this.ollama = b.ollama;
        this.id = b.id;
        this.model = b.model;
        this.pullPolicy = b.pullPolicy;
        this.healthIntervalNanos = b.healthInterval.toNanos();
        this.ticker = b.ticker;
    }

    /** Starts a builder on {@code ollama} (best built with {@code RetryPolicy.none()}: the router fails over instead). */
    public static Builder builder(OllamaClient ollama) {
        return new Builder(ollama);
    }

    @Override
    public String id() {
        return id;
    }

    /** Returns the model set on the builder, else the request's. */
    @Override
    public String model(ChatRequest request) {
        return model == null ? request.model() : model;
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatCall call) {
        String m = model(request);
        ChatRequest r = m.equals(request.model()) ? request
                : new ChatRequest(m, request.messages(), request.format(), request.options(), request.keepAlive());
        ensureReady(m, call);
        try {
            ChatResponse answer = send(r, call);
            alive();
            return answer;
        } catch (ServiceException e) {
            if (e.status() != 404 || Failures.classify(e) != FailureReason.MODEL_MISSING) {
                throw e;
            }
            alive();
            present.remove(key(m)); // removed since we last looked
            if (pullPolicy != ModelPullPolicy.PULL) {
                throw missing(m);
            }
            pull(m, call);
            return send(r, call);
        }
    }

    private ChatResponse send(ChatRequest r, ChatCall call) {
        return call.streaming() ? ollama.chat(r, call::chunk, call.cancellation()) : ollama.chat(r);
    }

    private void ensureReady(String m, ChatCall call) {
        boolean recent = everAlive && ticker.nanos() - lastAliveAt < healthIntervalNanos;
        if (recent && present.contains(key(m))) {
            return;
        }
        present.clear();
        for (ModelInfo info : ollama.models()) { // the health check: fails (refused, 5xx, ...) as any call
            present.add(key(info.name()));
        }
        alive();
        if (!present.contains(key(m))) {
            if (pullPolicy != ModelPullPolicy.PULL) {
                throw missing(m);
            }
            pull(m, call);
        }
    }

    private void pull(String m, ChatCall call) {
        ollama.pull(m, call::pullProgress, call.cancellation());
        present.add(key(m));
        alive();
    }

    private void alive() {
        lastAliveAt = ticker.nanos();
        everAlive = true;
    }

    private RoutingException missing(String m) {
        return RoutingException.unavailable(ErrorCode.USER, FailureReason.MODEL_MISSING, id + ": model '" + m
                + "' is not present in Ollama and pulling is not allowed (ModelPullPolicy.NEVER). Pull it first"
                + " (p4n4 ai pull " + m + ") or allow pulling");
    }

    /** Ollama names a model without a tag {@code :latest}. */
    private static String key(String name) {
        return name.contains(":") ? name : name + ":latest";
    }

    /** Builds an {@link OllamaChatProvider}. Not thread-safe. */
    public static final class Builder {
        private final OllamaClient ollama;
        private String id = "ollama";
        private @Nullable String model;
        private ModelPullPolicy pullPolicy = ModelPullPolicy.NEVER;
        private Duration healthInterval = Duration.ofSeconds(10);
        private Ticker ticker = Ticker.system();

        private Builder(OllamaClient ollama) {
            this.ollama = Objects.requireNonNull(ollama, "ollama");
        }

        /** Sets the id (default {@code ollama}). */
        public Builder id(String value) {
            this.id = Objects.requireNonNull(value, "id");
            return this;
        }

        /** Answers with this model whatever the request asks (default: the request's model). */
        public Builder model(@Nullable String value) {
            this.model = value;
            return this;
        }

        /** Sets what to do about a missing model (default {@link ModelPullPolicy#NEVER}). */
        public Builder pullPolicy(ModelPullPolicy value) {
            this.pullPolicy = Objects.requireNonNull(value, "pullPolicy");
            return this;
        }

        /** Sets how recent the last sign of life must be to skip the health check (default 10 s). */
        public Builder healthInterval(Duration value) {
            this.healthInterval = Objects.requireNonNull(value, "healthInterval");
            return this;
        }

        /** Replaces the clock of the health interval (tests). */
        public Builder ticker(Ticker value) {
            this.ticker = Objects.requireNonNull(value, "ticker");
            return this;
        }

        /** Builds the provider. */
        public OllamaChatProvider build() {
            return new OllamaChatProvider(this);
        }
    }
}
