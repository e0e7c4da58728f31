package io.p4n4.server.api;

import io.p4n4.agent.AgentStatusJson;
import io.p4n4.agent.identity.StatusVerification;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.agent.score.ScoreCodec;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.agent.score.ScoreSummary;
import io.p4n4.agent.score.ScoreTypeRegistry;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.score.AgentStatus;
import io.p4n4.api.score.DeploymentStatus;
import io.p4n4.api.score.InvalidScoreException;
import io.p4n4.api.score.StoredScore;
import io.p4n4.server.http.Exchange;
import io.p4n4.server.http.HttpProblem;
import io.p4n4.server.http.Router;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores and devices over the NATS desired-state store: list, publish (signed with the next generation when the
 * server has a key), delete (a signed tombstone then), and each device's desired versus reported state.
 */
public final class ScoreRoutes {
    private static final ScoreCodec LENIENT = ScoreCodec.lenient(ScoreTypeRegistry.defaults());
    private static final ScoreCodec STRICT = ScoreCodec.strict(ScoreTypeRegistry.defaults());

    private final Backend backend;

    private ScoreRoutes(Backend backend) {
        this.backend = backend;
    }

    /** Adds the routes. */
    public static void register(Router router, Backend backend) {
        ScoreRoutes routes = new ScoreRoutes(backend);
        router.route("GET", "/api/v1/scores", Set.of("device"), routes::list)
                .route("PUT", "/api/v1/scores/{device}/{deployment}", routes::publish)
                .route("DELETE", "/api/v1/scores/{device}/{deployment}", routes::delete)
                .route("GET", "/api/v1/devices", routes::devices);
    }

    private void list(Exchange ex) throws IOException {
        NatsDesiredStateStore store = backend.requireNats();
        Optional<String> device = ex.query("device");
        List<Object> rows = new ArrayList<>();
        for (String d : device.map(List::of).orElseGet(store::devices)) {
            for (StoredScore s : store.list(d)) {
                rows.add(ScoreJson.row(ScoreSummary.of(s, LENIENT)));
            }
        }
        ex.json(200, rows);
    }

    private void publish(Exchange ex) throws IOException {
        NatsDesiredStateStore store = backend.requireNats();
        String scoreJson = ex.bodyText();
        try {
            STRICT.canonicalize(scoreJson);
        } catch (InvalidScoreException e) {
            throw new io.p4n4.api.P4n4Exception(ErrorCode.VALIDATION, "the request body is not a valid Score: "
                    + e.getMessage(), e);
        }
        store.openBuckets(); // devices may not create buckets: the publisher makes them (docs/nats-security.md)
        List<ScorePublisher.Result> results = publisher(store).publish(List.of(ex.param("device")),
                ex.param("deployment"), scoreJson);
        ex.json(200, ScoreJson.result(results.get(0), ex.param("deployment"), backend.signer() != null));
    }

    private void delete(Exchange ex) throws IOException {
        NatsDesiredStateStore store = backend.requireNats();
        String device = ex.param("device");
        String deployment = ex.param("deployment");
        if (store.list(device).stream().noneMatch(s -> s.deployment().equals(deployment))) {
            throw HttpProblem.notFound("device " + device + " has no Score '" + deployment + "'");
        }
        List<ScorePublisher.Result> results = publisher(store).delete(List.of(device), deployment);
        ex.json(200, ScoreJson.result(results.get(0), deployment, backend.signer() != null));
    }

    private ScorePublisher publisher(NatsDesiredStateStore store) {
        return ScorePublisher.create(store, STRICT, backend.signer());
    }

    private void devices(Exchange ex) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        NatsDesiredStateStore store = backend.nats();
        doc.put("configured", store != null);
        List<Object> devices = new ArrayList<>();
        if (store != null) {
            for (String device : new TreeSet<>(store.devices())) {
                devices.add(device(store, device));
            }
        }
        doc.put("devices", devices);
        ex.json(200, doc);
    }

    /** One device: each deployment's desired Score beside what the agent last reported about it. */
    private static Map<String, Object> device(NatsDesiredStateStore store, String device) {
        Optional<String> document = store.findStatus(device);
        AgentStatus status = document.map(AgentStatusJson::read).orElse(null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", device);
        if (status == null) {
            m.put("reported", null);
        } else {
            Map<String, Object> reported = new LinkedHashMap<>();
            reported.put("state", status.state().toString().toLowerCase(Locale.ROOT));
            reported.put("time", status.timestamp());
            reported.put("last_error", status.lastError());
            reported.put("signature", StatusVerification.verify(document.get(), device, null).verdict().label());
            m.put("reported", reported);
        }
        Map<String, Map<String, Object>> deployments = new java.util.TreeMap<>();
        for (StoredScore s : store.list(device)) {
            ScoreSummary summary = ScoreSummary.of(s, LENIENT);
            deployments.computeIfAbsent(s.deployment(), ScoreRoutes::deployment).put("desired", ScoreJson.row(summary));
        }
        if (status != null) {
            for (DeploymentStatus d : status.deployments().values()) {
                Map<String, Object> reported = new LinkedHashMap<>();
                reported.put("state", d.state().toString().toLowerCase(Locale.ROOT));
                reported.put("revision", d.revision());
                reported.put("hash", d.scoreHash());
                reported.put("message", d.message());
                deployments.computeIfAbsent(d.deployment(), ScoreRoutes::deployment).put("reported", reported);
            }
        }
        m.put("deployments", new ArrayList<>(deployments.values()));
        return m;
    }

    private static Map<String, Object> deployment(String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deployment", name);
        m.put("desired", null);
        m.put("reported", null);
        return m;
    }
}
