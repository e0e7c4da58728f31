package io.p4n4.clients.router;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.Cancellation;
import io.p4n4.api.clients.ollama.ChatRequest;
import io.p4n4.api.clients.ollama.ChatResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Asks an ordered list of {@link ChatProvider}s, local first, and answers with the first that can: it
 * fails over on failures another provider may not have (see {@link FailureReason#failover()}), surfaces at
 * once those that would fail anywhere (a bad request, a context too long) with their code, skips providers
 * whose circuit breaker is open ({@link BreakerPolicy}), and records who answered, every attempt and the
 * time to the first token ({@link RoutedAnswer}; the same as events to a {@link RouterListener}). When
 * every provider failed, the {@link RoutingException} lists each attempt.
 *
 * <p>A router is itself a {@link ChatProvider}, so routers nest. Immutable and thread-safe; one breaker per
 * provider is shared by all callers. Give it clients without retries of their own
 * ({@code RetryPolicy.none()}): the router's failover replaces them, and a retried refusal would delay it.
 */
public final class ChatRouter implements ChatProvider {
    private final String id;
    private final List<Route> routes;
    private final MidStreamPolicy midStream;
    private final Ticker ticker;
    private final Events events;

    private ChatRouter(Builder b) {
        this.id = b.id;
        this.midStream = b.midStream;
        this.ticker = b.ticker;
        this.events = new Events(List.copyOf(b.listeners));
        this.routes = b.providers.values().stream().map(p -> new Route(p, new Breaker(b.breaker))).toList();
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Answers {@code request} with one whole message from the first provider that can. */
    public RoutedAnswer route(ChatRequest request) {
        return route(request, ChatCall.whole());
    }

    /**
     * Answers token by token: chunks go to {@code onChunk} on the calling thread as the answering provider
     * sends them; returns the assembled answer with its record.
     */
    public RoutedAnswer route(ChatRequest request, Consumer<ChatResponse> onChunk, Cancellation cancellation) {
        return route(request, ChatCall.streaming(onChunk, cancellation));
    }

    /** Answers as {@link #route(ChatRequest)} or streamed, as {@code call} says (nested routers call this). */
    public RoutedAnswer route(ChatRequest request, ChatCall call) {
        Objects.requireNonNull(request, "request");
        long start = ticker.nanos();
        List<Attempt> attempts = new ArrayList<>(routes.size());
        boolean switched = false;
        for (Route route : routes) {
            String model = route.provider.model(request);
            Breaker.Decision decision = route.breaker.acquire(start);
            events.breaker(route.provider.id(), decision.transition());
            if (decision.permit() == Breaker.Permit.SKIP) {
                Attempt skipped = new Attempt(route.provider.id(), model, FailureReason.CIRCUIT_OPEN, ErrorCode.NETWORK,
                        "circuit breaker open after repeated failures; skipped", Duration.ZERO);
                attempts.add(skipped);
                events.failed(skipped);
                continue;
            }
            events.started(route.provider.id(), model);
            Tap tap = new Tap(route.provider.id(), start, call, events, ticker);
            long began = ticker.nanos();
            ChatResponse response;
            try {
                response = route.provider.chat(request, tap.call(model));
            } catch (CancellationException e) {
                route.breaker.released();
                throw e;
            } catch (RuntimeException e) {
                FailureReason reason = Failures.classify(e);
                long now = ticker.nanos();
                events.breaker(route.provider.id(), reason.countsAgainstProvider()
                        ? route.breaker.failed(now, Failures.retryAfterNanos(e)) : route.breaker.answered());
                Attempt failed = new Attempt(route.provider.id(), model, reason, Failures.code(e),
                        String.valueOf(e.getMessage()), nanos(now - began));
                attempts.add(failed);
                events.failed(failed);
                if (tap.receivedText()) {
                    if (midStream == MidStreamPolicy.FAIL) {
                        throw brokenMidAnswer(e, attempts, tap.text());
                    }
                    switched = true;
                    events.switched(route.provider.id(), tap.text());
                    continue;
                }
                if (!reason.failover()) {
                    throw new RoutingException(Failures.code(e), reason, e.getMessage() + listing(attempts), attempts,
                            null, e);
                }
                continue;
            }
            events.breaker(route.provider.id(), route.breaker.answered());
            long end = ticker.nanos();
            attempts.add(new Attempt(route.provider.id(), model, null, ErrorCode.OK, null, nanos(end - began)));
            String answeredModel = response.model() == null || response.model().isEmpty() ? model : response.model();
            RoutedAnswer answer = new RoutedAnswer(response, route.provider.id(), answeredModel, attempts,
                    nanos(tap.firstTokenAt(end) - start), switched);
            events.answered(answer);
            return answer;
        }
        throw allFailed(attempts);
    }

    /** {@inheritDoc} As a provider, a router answers with {@link #route(ChatRequest, ChatCall)}'s response. */
    @Override
    public ChatResponse chat(ChatRequest request, ChatCall call) {
        return route(request, call).response();
    }

    @Override
    public String id() {
        return id;
    }

    /** Returns the model of the first provider (a nested router's record names the model that answered). */
    @Override
    public String model(ChatRequest request) {
        return routes.get(0).provider.model(request);
    }

    /** Returns the ids of the providers, in the order they are asked. */
    public List<String> providers() {
        return routes.stream().map(r -> r.provider.id()).toList();
    }

    /** Returns the state of a provider's circuit breaker; USER error for an unknown id. */
    public BreakerState breakerState(String providerId) {
        return routes.stream().filter(r -> r.provider.id().equals(providerId)).findFirst()
                .orElseThrow(() -> new P4n4Exception(ErrorCode.USER, "router '" + id + "' has no provider '"
                        + providerId + "'; its providers are " + providers()))
                .breaker.state();
    }

    private static RoutingException brokenMidAnswer(RuntimeException e, List<Attempt> attempts, String partial) {
        return new RoutingException(Failures.code(e), FailureReason.BROKEN_STREAM, "the answer broke off after "
                + partial.length() + " characters: " + e.getMessage() + " (what arrived is in partialText();"
                + " MidStreamPolicy.SWITCH_PROVIDER asks the next provider instead)" + listing(attempts),
                attempts, partial, e);
    }

    private RoutingException allFailed(List<Attempt> attempts) {
        ErrorCode code = attempts.stream().map(Attempt::code).distinct().count() == 1 ? attempts.get(0).code()
                : ErrorCode.NETWORK;
        return new RoutingException(code, FailureReason.ALL_FAILED, "router '" + id + "': every provider failed"
                + listing(attempts) + "\nStart the local Ollama, pull the model, or check the fallback providers.",
                attempts, null, null);
    }

    private static String listing(List<Attempt> attempts) {
        StringBuilder s = new StringBuilder("\nattempts:");
        for (int i = 0; i < attempts.size(); i++) {
            s.append("\n  ").append(i + 1).append(". ").append(attempts.get(i).describe());
        }
        return s.toString();
    }

    private static Duration nanos(long n) {
        return Duration.ofNanos(Math.max(0, n));
    }

    private record Route(ChatProvider provider, Breaker breaker) {
    }

    /** Builds a {@link ChatRouter}. Not thread-safe. */
    public static final class Builder {
        private String id = "router";
        private final Map<String, ChatProvider> providers = new LinkedHashMap<>();
        private BreakerPolicy breaker = BreakerPolicy.defaults();
        private MidStreamPolicy midStream = MidStreamPolicy.FAIL;
        private Ticker ticker = Ticker.system();
        private final List<RouterListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** Sets the router's id (default {@code router}), its name when nested in another router. */
        public Builder id(String value) {
            this.id = Objects.requireNonNull(value, "id");
            return this;
        }

        /** Adds a provider, asked after those added before; USER error when its id is taken. */
        public Builder provider(ChatProvider provider) {
            Objects.requireNonNull(provider, "provider");
            if (providers.putIfAbsent(provider.id(), provider) != null) {
                throw new P4n4Exception(ErrorCode.USER, "router '" + id + "': two providers have the id '"
                        + provider.id() + "'; give each its own id");
            }
            return this;
        }

        /** Adds providers in order. */
        public Builder providers(List<? extends ChatProvider> values) {
            values.forEach(this::provider);
            return this;
        }

        /** Sets the circuit breaker policy of every provider (default {@link BreakerPolicy#defaults()}). */
        public Builder breaker(BreakerPolicy value) {
            this.breaker = Objects.requireNonNull(value, "breaker");
            return this;
        }

        /** Sets what happens when a stream breaks after text arrived (default {@link MidStreamPolicy#FAIL}). */
        public Builder midStream(MidStreamPolicy value) {
            this.midStream = Objects.requireNonNull(value, "midStream");
            return this;
        }

        /** Adds a listener. */
        public Builder listener(RouterListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /** Replaces the clock of breakers and time to first token (tests). */
        public Builder ticker(Ticker value) {
            this.ticker = Objects.requireNonNull(value, "ticker");
            return this;
        }

        /** Builds the router; USER error without providers. */
        public ChatRouter build() {
            if (providers.isEmpty()) {
                throw new P4n4Exception(ErrorCode.USER, "router '" + id + "' has no providers; add at least one"
                        + " with provider(...)");
            }
            return new ChatRouter(this);
        }
    }
}
