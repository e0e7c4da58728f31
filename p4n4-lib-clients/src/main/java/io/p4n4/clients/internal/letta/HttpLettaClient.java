package io.p4n4.clients.internal.letta;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.ServiceException;
import io.p4n4.api.clients.Cancellation;
import io.p4n4.api.clients.letta.Agent;
import io.p4n4.api.clients.letta.CreateAgentRequest;
import io.p4n4.api.clients.letta.LettaClient;
import io.p4n4.api.clients.letta.LettaHealth;
import io.p4n4.api.clients.letta.LettaMessage;
import io.p4n4.api.clients.letta.LettaResponse;
import io.p4n4.api.clients.letta.MemoryBlock;
import io.p4n4.api.clients.letta.Passage;
import io.p4n4.clients.internal.http.HttpService;
import io.p4n4.clients.internal.http.HttpStream;
import io.p4n4.clients.internal.http.Json;
import io.p4n4.clients.internal.http.SseEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** {@link LettaClient} over HTTP. Immutable and thread-safe. */
public final class HttpLettaClient implements LettaClient {
    /** Agents asked for per page of {@code GET /v1/agents/}. */
    static final int PAGE = 100;
    private final HttpService http;

    /** Creates the client on a configured service (credentials already set on it). */
    public HttpLettaClient(HttpService http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public LettaHealth health() {
        JsonNode n = http.get("/v1/health/").json();
        return new LettaHealth(Json.text(n, "status"), Json.text(n, "version"));
    }

    @Override
    public Agent createAgent(CreateAgentRequest request) {
        return LettaJson.agent(http.post("/v1/agents/").json(LettaJson.createBody(request)).json());
    }

    @Override
    public List<Agent> agents() {
        List<Agent> out = new ArrayList<>();
        String after = null;
        while (true) {
            JsonNode page = http.get("/v1/agents/").query("limit", PAGE).query("order", "asc").query("after", after)
                    .json();
            int before = out.size();
            page.forEach(a -> out.add(LettaJson.agent(a)));
            if (page.size() < PAGE) {
                return List.copyOf(out);
            }
            String last = out.get(out.size() - 1).id();
            if (last.equals(after) || out.subList(0, before).stream().anyMatch(a -> a.id().equals(last))) {
                throw new P4n4Exception(ErrorCode.NETWORK, "letta GET /v1/agents/ answered after=" + after
                        + " with agents it had already listed: the server does not follow the after cursor;"
                        + " upgrade Letta");
            }
            after = last;
        }
    }

    @Override
    public List<Agent> agentsNamed(String name) {
        JsonNode n = http.get("/v1/agents/").query("name", Objects.requireNonNull(name, "name"))
                .query("include", "agent.blocks").json();
        List<Agent> out = new ArrayList<>();
        n.forEach(a -> out.add(LettaJson.agent(a)));
        return List.copyOf(out);
    }

    @Override
    public Agent agent(String agentId) {
        return LettaJson.agent(http.get(agentPath(agentId)).json());
    }

    @Override
    public Optional<Agent> findAgent(String agentId) {
        try {
            return Optional.of(agent(agentId));
        } catch (ServiceException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void deleteAgent(String agentId) {
        http.delete(agentPath(agentId)).discard();
    }

    @Override
    public LettaResponse send(String agentId, String text) {
        JsonNode n = http.post(agentPath(agentId) + "/messages").json(LettaJson.messageBody(text, false)).json();
        List<LettaMessage> messages = new ArrayList<>();
        Json.array(n, "messages").forEach(m -> messages.add(LettaJson.message(m)));
        JsonNode usage = n.path("usage");
        return new LettaResponse(messages, (int) Json.longValue(usage, "prompt_tokens"),
                (int) Json.longValue(usage, "completion_tokens"), (int) Json.longValue(usage, "step_count"));
    }

    @Override
    public LettaResponse send(String agentId, String text, Consumer<LettaMessage> onMessage,
            Cancellation cancellation) {
        LettaAssembler whole = new LettaAssembler();
        try (HttpStream<SseEvent> stream = openStream(agentId, text, cancellation)) {
            LettaStreamReader reader = new LettaStreamReader(stream);
            LettaMessage m;
            while ((m = reader.next()) != null) {
                onMessage.accept(m);
                whole.add(m);
            }
            return new LettaResponse(whole.messages(), reader.promptTokens(), reader.completionTokens(),
                    reader.stepCount());
        }
    }

    @Override
    public Stream<LettaMessage> sendStream(String agentId, String text) {
        HttpStream<SseEvent> stream = openStream(agentId, text, null);
        LettaStreamReader reader = new LettaStreamReader(stream);
        Iterator<LettaMessage> parts = new Iterator<>() {
            private LettaMessage pending;
            private boolean ended;

            @Override
            public boolean hasNext() {
                if (pending == null && !ended) {
                    pending = reader.next();
                    ended = pending == null;
                }
                return pending != null;
            }

            @Override
            public LettaMessage next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                LettaMessage m = pending;
                pending = null;
                return m;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(parts, Spliterator.ORDERED
                | Spliterator.NONNULL), false).onClose(stream::close);
    }

    private HttpStream<SseEvent> openStream(String agentId, String text, Cancellation cancellation) {
        return http.post(agentPath(agentId) + "/messages/stream").cancellation(cancellation)
                .json(LettaJson.messageBody(text, true)).sse();
    }

    @Override
    public List<MemoryBlock> memory(String agentId) {
        JsonNode n = http.get(agentPath(agentId) + "/core-memory").json();
        return Json.array(n, "blocks").stream().map(LettaJson::block).toList();
    }

    @Override
    public List<Passage> insertArchival(String agentId, String text) {
        JsonNode n = http.post(agentPath(agentId) + "/archival-memory").json(Json.object().put("text", text)).json();
        return passages(n);
    }

    @Override
    public List<Passage> archival(String agentId, int limit) {
        return passages(http.get(agentPath(agentId) + "/archival-memory").query("limit", limit).json());
    }

    private static List<Passage> passages(JsonNode n) {
        List<Passage> out = new ArrayList<>();
        n.forEach(p -> out.add(LettaJson.passage(p)));
        return List.copyOf(out);
    }

    private static String agentPath(String agentId) {
        return "/v1/agents/" + HttpService.segment(Objects.requireNonNull(agentId, "agentId"));
    }
}
