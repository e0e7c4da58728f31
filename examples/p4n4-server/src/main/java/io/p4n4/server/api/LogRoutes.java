package io.p4n4.server.api;

import io.p4n4.api.engine.LogLine;
import io.p4n4.api.engine.LogOptions;
import io.p4n4.api.engine.Subscription;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeService;
import io.p4n4.server.engine.EngineJson;
import io.p4n4.server.http.Exchange;
import io.p4n4.server.http.HttpProblem;
import io.p4n4.server.http.Router;
import io.p4n4.server.http.SseStream;
import java.util.Set;

/**
 * {@code GET /api/v1/stacks/{stack}/services/{service}/logs}: a service's log lines as {@code log} events,
 * followed until the client leaves or the container stops ({@code ?follow=false}: the existing lines, then the
 * stream ends with an {@code end} event; {@code ?tail=N}: only the last N lines first).
 */
public final class LogRoutes {
    private final Backend backend;

    private LogRoutes(Backend backend) {
        this.backend = backend;
    }

    /** Adds the route. */
    public static void register(Router router, Backend backend) {
        router.route("GET", "/api/v1/stacks/{stack}/services/{service}/logs", Set.of("tail", "follow"),
                new LogRoutes(backend)::logs);
    }

    private void logs(Exchange ex) throws Exception {
        ComposeProject project = backend.platform().load(ProjectRoutes.stackOf(backend, ex.param("stack")));
        String service = ex.param("service");
        if (project.servicesInDependencyOrder().stream().map(ComposeService::name).noneMatch(service::equals)) {
            throw HttpProblem.notFound("stack " + ex.param("stack") + " has no service '" + service + "'; its services"
                    + " are " + project.servicesInDependencyOrder().stream().map(ComposeService::name).toList());
        }
        int tail = ex.queryInt("tail", -1);
        boolean follow = ex.queryBoolean("follow", true);
        LogOptions options = LogOptions.tail(tail).withFollow(follow);
        if (!follow) {
            // read before answering, so an engine failure is still a problem document
            var lines = backend.platform().compose().logs(project, service, options);
            SseStream stream = ex.eventStream();
            for (LogLine line : lines) {
                stream.send("log", EngineJson.log(service, line));
            }
            stream.send("end", java.util.Map.of("service", service));
            stream.complete();
            stream.run(backend.heartbeat());
            return;
        }
        SseStream stream = ex.eventStream();
        try (Subscription s = backend.platform().compose().streamLogs(project, service, options,
                line -> stream.send("log", EngineJson.log(service, line)))) {
            // the container stopping ends the stream too: then the client gets an end event
            Thread ender = new Thread(() -> {
                try {
                    s.awaitTermination(java.time.Duration.ofDays(365));
                    stream.send("end", java.util.Map.of("service", service));
                    stream.complete();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "p4n4-server-logs-end");
            ender.setDaemon(true);
            ender.start();
            try {
                stream.run(backend.heartbeat());
            } finally {
                ender.interrupt();
            }
        }
    }
}
