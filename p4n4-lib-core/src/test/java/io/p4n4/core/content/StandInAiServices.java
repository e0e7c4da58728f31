package io.p4n4.core.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Ollama, Letta and InfluxDB 2 on one local port, answering as the services document: Ollama's
 * non-streaming {@code /api/generate}, {@code /api/chat}, {@code /api/embed} and its 404 for an unknown
 * model; Letta's {@code POST /v1/agents/:id/messages} and {@code GET /v1/agents/:id/core-memory} for agent
 * {@value #AGENT} and 404 for others; InfluxDB's {@code POST /api/v2/query} answering CSV with token
 * {@value #INFLUX_TOKEN} and 401 without. Records every request.
 */
final class StandInAiServices implements AutoCloseable {
    static final String AGENT = "agent-7f3c";
    static final String INFLUX_TOKEN = "test-influx-token";
    static final String GENERATED = "The sky is blue because air scatters blue light more than red light.";

    /** One request as it arrived. */
    record Request(String method, String pathAndQuery, String authorization, String contentType, String body) {
        JsonNode json() {
            try {
                return BundledContent.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    StandInAiServices() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL, {@code http://127.0.0.1:<port>}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The requests so far, oldest first. */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The last request whose path starts with {@code prefix}. */
    Request last(String prefix) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (requests.get(i).pathAndQuery().startsWith(prefix)) {
                return requests.get(i);
            }
        }
        throw new AssertionError("no request to " + prefix + " among " + requests);
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getRawPath();
        String query = ex.getRequestURI().getRawQuery();
        Request r = new Request(ex.getRequestMethod(), path + (query == null ? "" : "?" + query),
                ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("Content-Type"),
                body);
        requests.add(r);
        String agent = "/v1/agents/" + AGENT;
        switch (r.method() + " " + path) {
            case "POST /api/generate" -> ollama(ex, r, """
                    {"model":"llama3.2","created_at":"2026-12-04T19:22:45.499127Z","response":"%s","done":true,\
                    "done_reason":"stop","context":[1,2,3],"total_duration":5043500667,"load_duration":5025959,\
                    "prompt_eval_count":26,"prompt_eval_duration":325953000,"eval_count":290,\
                    "eval_duration":4709213000}""".formatted(GENERATED));
            case "POST /api/chat" -> ollama(ex, r, """
                    {"model":"llama3.2","created_at":"2026-12-04T19:22:45.499127Z","message":{"role":"assistant",\
                    "content":"Hello! The greenhouse looks fine."},"done":true,"done_reason":"stop",\
                    "total_duration":4883583458,"load_duration":1334875,"prompt_eval_count":26,\
                    "prompt_eval_duration":342546000,"eval_count":282,"eval_duration":4535599000}""");
            case "POST /api/embed" -> ollama(ex, r, r.json().path("input").isArray()
                    ? "{\"model\":\"nomic-embed-text\",\"embeddings\":[[0.010071029,-0.0017594862,0.05007221],"
                            + "[-0.0098027075,0.06042469,0.025257962]],\"total_duration\":14143917}"
                    : "{\"model\":\"nomic-embed-text\",\"embeddings\":[[0.010071029,-0.0017594862,0.05007221]],"
                            + "\"total_duration\":14143917}");
            case "POST /api/v2/query" -> influx(ex, r);
            default -> {
                if (path.equals(agent + "/messages") && r.method().equals("POST")) {
                    send(ex, 200, "application/json", """
                            {"messages":[{"id":"message-1","date":"2026-12-04T19:22:45Z",\
                            "message_type":"reasoning_message","reasoning":"The operator reports vibration."},\
                            {"id":"message-2","date":"2026-12-04T19:22:46Z","message_type":"assistant_message",\
                            "content":"Noted: pump-3 vibration is up since this morning."}],\
                            "usage":{"message_type":"usage_statistics","completion_tokens":12,"prompt_tokens":240,\
                            "total_tokens":252,"step_count":1}}""");
                } else if (path.equals(agent + "/core-memory") && r.method().equals("GET")) {
                    send(ex, 200, "application/json", """
                            {"blocks":[{"id":"block-1","label":"persona","value":"I watch the site.","limit":5000},\
                            {"id":"block-2","label":"human","value":"The operator of site A.","limit":5000}],\
                            "file_blocks":[],"prompt_template":"{% for block in blocks %}{{ block.value }}{% endfor %}"}""");
                } else if (path.startsWith("/v1/agents/")) {
                    send(ex, 404, "application/json", "{\"detail\":\"Agent not found\"}");
                } else {
                    send(ex, 404, "text/plain", "404 page not found");
                }
            }
        }
    }

    private static void ollama(HttpExchange ex, Request r, String answer) throws IOException {
        if (r.json().path("model").asText().equals("missing")) {
            send(ex, 404, "application/json", "{\"error\":\"model \\\"missing\\\" not found, try pulling it first\"}");
        } else {
            send(ex, 200, "application/json; charset=utf-8", answer);
        }
    }

    private static void influx(HttpExchange ex, Request r) throws IOException {
        if (!("Token " + INFLUX_TOKEN).equals(r.authorization())) {
            send(ex, 401, "application/json", "{\"code\":\"unauthorized\",\"message\":\"unauthorized access\"}");
            return;
        }
        send(ex, 200, "text/csv; charset=utf-8", ",result,table,_start,_stop,_time,_value,_field,_measurement,device\r\n"
                + ",_result,0,2026-12-04T18:00:00Z,2026-12-04T19:00:00Z,2026-12-04T18:30:00Z,21.5,value,temperature,"
                + "\"gh,1\"\r\n"
                + ",_result,1,2026-12-04T18:00:00Z,2026-12-04T19:00:00Z,2026-12-04T18:30:00Z,48,value,humidity,gh1\r\n"
                + "\r\n");
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
