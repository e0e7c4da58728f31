package io.p4n4.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.exec.DownOptions;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.server.engine.EngineJson;
import io.p4n4.server.engine.Operation;
import io.p4n4.server.engine.OperationConflictException;
import io.p4n4.compose.exec.ProgressListener;
import io.p4n4.server.http.Exchange;
import io.p4n4.server.http.HttpProblem;
import io.p4n4.server.http.Router;
import io.p4n4.server.http.SseStream;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Status (answered from the event cache, and streamed), {@code up} and {@code down} as background operations
 * whose progress streams from the start, and the operations themselves.
 */
public final class StackRoutes {
    private final Backend backend;

    private StackRoutes(Backend backend) {
        this.backend = backend;
    }

    /** Adds the routes. */
    public static void register(Router router, Backend backend) {
        StackRoutes routes = new StackRoutes(backend);
        router.route("GET", "/api/v1/status", routes::status)
                .route("GET", "/api/v1/status/events", routes::statusEvents)
                .route("POST", "/api/v1/stacks/{stack}/up", routes::up)
                .route("POST", "/api/v1/stacks/{stack}/down", routes::down)
                .route("GET", "/api/v1/operations/{id}", routes::operation)
                .route("GET", "/api/v1/operations/{id}/events", routes::operationEvents);
    }

    private void status(Exchange ex) throws IOException {
        ex.json(200, EngineJson.status(backend.status().current()));
    }

    private void statusEvents(Exchange ex) throws Exception {
        SseStream stream = ex.eventStream();
        AutoCloseable listening = backend.status().listen(s -> stream.send("status", EngineJson.status(s)));
        try {
            stream.run(backend.heartbeat());
        } finally {
            listening.close();
        }
    }

    private void up(Exchange ex) throws Exception {
        StackId stack = ProjectRoutes.stackOf(backend, ex.param("stack"));
        JsonNode body = ex.bodyObject();
        refuseUnknown(body, "wait", "timeout_seconds", "build");
        boolean wait = bool(body, "wait", false);
        boolean build = bool(body, "build", false);
        long timeout = body.has("timeout_seconds") ? positive(body, "timeout_seconds") : 300;
        Operation op = submit("up", stack, progress -> EngineJson.up(backend.platform().up(
                List.of(stack), UpOptions.builder().waitReady(wait).build(build)
                        .timeout(Duration.ofSeconds(timeout)).progress(progress).build())));
        accepted(ex, op);
    }

    private void down(Exchange ex) throws Exception {
        StackId stack = ProjectRoutes.stackOf(backend, ex.param("stack"));
        JsonNode body = ex.bodyObject();
        refuseUnknown(body, "volumes");
        boolean volumes = bool(body, "volumes", false);
        Operation op = submit("down", stack, progress -> EngineJson.down(backend.platform()
                .down(List.of(stack), DownOptions.defaults().withVolumes(volumes).withProgress(progress))));
        accepted(ex, op);
    }

    /** Submits the operation; one already running on the stack is a 409 naming it. */
    private Operation submit(String kind, StackId stack,
            java.util.function.Function<ProgressListener, Map<String, Object>> work) {
        try {
            return backend.operations().submit(kind, stack, work);
        } catch (OperationConflictException e) {
            throw new HttpProblem(409, "Conflict", ErrorCode.USER, e.getMessage());
        }
    }

    private static void accepted(Exchange ex, Operation op) throws IOException {
        ex.header("Location", "/api/v1/operations/" + op.id()).json(202, describe(op));
    }

    private void operation(Exchange ex) throws IOException {
        ex.json(200, describe(find(ex)));
    }

    private void operationEvents(Exchange ex) throws Exception {
        Operation op = find(ex);
        SseStream stream = ex.eventStream();
        AutoCloseable listening = op.listen(e -> {
            stream.send(e.type(), e.data());
            if (e.isFinal()) {
                stream.complete(); // done or failed is the last event
            }
        });
        try {
            stream.run(backend.heartbeat());
        } finally {
            listening.close();
        }
    }

    private Operation find(Exchange ex) {
        String id = ex.param("id");
        return backend.operations().find(id).orElseThrow(() -> HttpProblem.notFound("no operation '" + id
                + "' (the server keeps the running ones and the last finished ones)"));
    }

    /** The operation document: {@code id}, {@code kind}, {@code stack}, {@code state}, and its outcome. */
    static Map<String, Object> describe(Operation op) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", op.id());
        m.put("kind", op.kind());
        m.put("stack", op.stack().value());
        m.put("state", op.state().name().toLowerCase(java.util.Locale.ROOT));
        m.put("events", "/api/v1/operations/" + op.id() + "/events");
        m.put("result", op.findResult().orElse(null));
        m.put("error", op.findFailure().map(f -> Map.of("code", f.code().name(), "message",
                String.valueOf(f.getMessage()))).orElse(null));
        return m;
    }

    private static void refuseUnknown(JsonNode body, String... known) {
        List<String> names = List.of(known);
        body.fieldNames().forEachRemaining(f -> {
            if (!names.contains(f)) {
                throw new P4n4Exception(ErrorCode.USER, "unknown field '" + f + "' in the request body; the fields"
                        + " are " + names);
            }
        });
    }

    private static boolean bool(JsonNode body, String field, boolean fallback) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw new P4n4Exception(ErrorCode.USER, "field '" + field + "' must be true or false");
        }
        return v.booleanValue();
    }

    private static long positive(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.longValue() <= 0) {
            throw new P4n4Exception(ErrorCode.USER, "field '" + field + "' must be a whole number of seconds above 0");
        }
        return v.longValue();
    }
}
