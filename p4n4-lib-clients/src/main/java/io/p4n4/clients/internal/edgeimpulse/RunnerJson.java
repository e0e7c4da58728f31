package io.p4n4.clients.internal.edgeimpulse;

import static io.p4n4.clients.internal.http.Json.doubleValue;
import static io.p4n4.clients.internal.http.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.clients.edgeimpulse.BoundingBox;
import io.p4n4.api.clients.edgeimpulse.Classification;
import io.p4n4.api.clients.edgeimpulse.InferenceResult;
import io.p4n4.api.clients.edgeimpulse.RunnerInfo;
import io.p4n4.api.clients.edgeimpulse.Timing;
import io.p4n4.clients.internal.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Maps the runner's JSON (linux-impulse-runner-types) to the API records. */
final class RunnerJson {
    private RunnerJson() {
    }

    static InferenceResult result(JsonNode n) {
        JsonNode r = n.path("result");
        List<Classification> classes = new ArrayList<>();
        r.path("classification").properties()
                .forEach(e -> classes.add(new Classification(e.getKey(), e.getValue().asDouble())));
        List<BoundingBox> boxes = new ArrayList<>();
        for (JsonNode b : Json.array(r, "bounding_boxes")) {
            boxes.add(new BoundingBox(text(b, "label"), doubleValue(b, "value", 0), doubleValue(b, "x", 0),
                    doubleValue(b, "y", 0), doubleValue(b, "width", 0), doubleValue(b, "height", 0)));
        }
        double anomaly = doubleValue(r, "anomaly", Double.NaN);
        if (Double.isNaN(anomaly)) {
            anomaly = doubleValue(r, "visual_anomaly_max", Double.NaN);
        }
        JsonNode t = n.path("timing");
        Timing timing = new Timing(doubleValue(t, "dsp", 0), doubleValue(t, "classification", 0),
                doubleValue(t, "anomaly", 0), doubleValue(t, "postprocessing", 0));
        return new InferenceResult(classes, boxes, anomaly, timing);
    }

    /** {@code GET /api/info}: {project: {...}, modelParameters: {...}}. */
    static RunnerInfo info(String endpoint, JsonNode n) {
        JsonNode p = n.path("project");
        JsonNode m = n.has("modelParameters") ? n.path("modelParameters") : n.path("model");
        Map<String, Object> raw = Json.MAPPER.convertValue(n, Json.OBJECT_MAP);
        return new RunnerInfo(endpoint, text(p, "name"), text(p, "owner"), p.path("id").asLong(),
                p.path("deploy_version").asLong(), text(m, "model_type"), Json.strings(m, "labels"),
                m.path("input_features_count").asInt(), m.path("has_anomaly").asBoolean(false)
                        || m.path("has_anomaly").asInt(0) != 0,
                text(n, "status"), firstText(n, "model_file", "model"), raw);
    }

    private static String firstText(JsonNode n, String... fields) {
        for (String f : fields) {
            JsonNode v = n.get(f);
            if (v != null && v.isTextual()) {
                return v.asText();
            }
        }
        return null;
    }
}
