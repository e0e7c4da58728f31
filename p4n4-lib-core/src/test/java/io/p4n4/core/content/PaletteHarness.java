package io.p4n4.core.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;

/**
 * The flows a test runs: the iot template's flows.json (telemetry tab and palette), the smoke tab of
 * ai-integration-smoke.json, and a harness tab with one endpoint per subflow, {@code POST /t/<name>}:
 * the request's JSON fields {@code payload}, {@code agent_id}, {@code messages} and {@code model} become
 * the msg's, and the answer is {@code {"payload": ..., "error": ...}} after the subflow.
 */
final class PaletteHarness {
    private PaletteHarness() {
    }

    static JsonNode flows() {
        ArrayNode all = BundledContent.JSON.createArrayNode();
        JsonNode iot = BundledContent.json("iot/flows.json");
        Set<String> ids = new HashSet<>();
        iot.forEach(n -> ids.add(n.path("id").asText()));
        all.addAll((ArrayNode) iot);
        for (JsonNode n : BundledContent.json("iot/ai-integration-smoke.json")) {
            if (!ids.contains(n.path("id").asText())) { // its copy of ollama-generate is the palette's
                all.add(n);
            }
        }
        all.addObject().put("id", "h-tab").put("type", "tab").put("label", "harness");
        int y = 40;
        for (String sf : BundledContent.SUBFLOW_IDS) {
            String name = sf.substring("p4n4-sf-".length());
            String p = "h-" + name;
            node(all, p + "-in", "http in", y).put("url", "/t/" + name).put("method", "post").put("upload", false)
                    .put("swaggerDoc", "").set("wires", wires(p + "-from"));
            function(all, p + "-from", y, """
                    const b = msg.payload;
                    msg.payload = b.payload;
                    for (const k of ['agent_id', 'messages', 'model']) { if (b[k] !== undefined) { msg[k] = b[k]; } }
                    return msg;""").set("wires", wires(p + "-sf"));
            node(all, p + "-sf", "subflow:" + sf, y).set("wires", wires(p + "-to"));
            function(all, p + "-to", y, """
                    msg.payload = { payload: msg.payload, error: msg.error === undefined ? null : msg.error,
                        leaked: ['statusCode', 'headers', 'url', '_p4n4', 'responseUrl'].filter(k => msg[k] !== undefined) };
                    return msg;""").set("wires", wires(p + "-out"));
            node(all, p + "-out", "http response", y).put("statusCode", "").set("wires",
                    BundledContent.JSON.createArrayNode());
            y += 60;
        }
        return all;
    }

    private static ObjectNode node(ArrayNode all, String id, String type, int y) {
        return all.addObject().put("id", id).put("type", type).put("z", "h-tab").put("name", "").put("x", 100)
                .put("y", y);
    }

    private static ObjectNode function(ArrayNode all, String id, int y, String code) {
        return node(all, id, "function", y).put("func", code).put("outputs", 1);
    }

    private static ArrayNode wires(String to) {
        ArrayNode w = BundledContent.JSON.createArrayNode();
        w.addArray().add(to);
        return w;
    }
}
