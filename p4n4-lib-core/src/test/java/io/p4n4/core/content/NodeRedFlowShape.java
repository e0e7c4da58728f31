package io.p4n4.core.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The structure Node-RED needs to import a flows file (its editor's import and the runtime's
 * {@code flowFile}): an array of node objects, each with a unique string {@code id} and a {@code type};
 * {@code z} names a tab or subflow in the file; every {@code wires} entry is one array per output of ids
 * of nodes on the same tab or subflow; a {@code subflow:<id>} type names a subflow definition in the file;
 * a subflow definition's {@code in} and {@code out} ports wire to its own nodes (an {@code out} wire's
 * {@code port} being one of that node's outputs); a function node has as many wire arrays as
 * {@code outputs}; an MQTT node's {@code broker} names an {@code mqtt-broker} node in the file. Shared by the palette's and the community templates' tests.
 */
final class NodeRedFlowShape {
    private NodeRedFlowShape() {
    }

    /** Every way {@code flows} breaks the structure above, as messages naming the node; empty when none. */
    static List<String> problems(JsonNode flows) {
        List<String> out = new ArrayList<>();
        if (!flows.isArray() || flows.isEmpty()) {
            out.add("a flows file is a non-empty JSON array of nodes");
            return out;
        }
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode n : flows) {
            String id = n.path("id").asText("");
            if (!n.isObject() || id.isEmpty() || !n.path("id").isTextual() || !n.path("type").isTextual()) {
                out.add("a node without a string id and type: " + n);
            } else if (byId.put(id, n) != null) {
                out.add("duplicate id " + id);
            }
        }
        Set<String> containers = new HashSet<>();
        byId.forEach((id, n) -> {
            String type = n.get("type").asText();
            if (type.equals("tab") || type.equals("subflow")) {
                containers.add(id);
            }
        });
        byId.forEach((id, n) -> checkNode(id, n, byId, containers, out));
        return out;
    }

    private static void checkNode(String id, JsonNode n, Map<String, JsonNode> byId, Set<String> containers,
            List<String> out) {
        String type = n.get("type").asText();
        String z = n.path("z").asText("");
        if (!z.isEmpty() && !containers.contains(z)) {
            out.add(id + ": z " + z + " is no tab or subflow in the file");
        }
        if (type.startsWith("subflow:")) {
            JsonNode def = byId.get(type.substring("subflow:".length()));
            if (def == null || !def.path("type").asText().equals("subflow")) {
                out.add(id + ": " + type + " names no subflow definition in the file");
            }
        }
        if (type.equals("subflow")) {
            checkSubflowPorts(id, n, byId, out);
        }
        if (n.has("broker") && !byId.getOrDefault(n.get("broker").asText(), n).path("type").asText()
                .equals("mqtt-broker")) {
            out.add(id + ": broker " + n.get("broker").asText() + " is no mqtt-broker node in the file");
        }
        JsonNode wires = n.get("wires");
        if (wires == null) {
            return;
        }
        if (!wires.isArray()) {
            out.add(id + ": wires is not an array");
            return;
        }
        if (type.equals("function") && n.path("outputs").asInt(1) != wires.size()) {
            out.add(id + ": " + n.path("outputs").asInt(1) + " outputs but " + wires.size() + " wire arrays");
        }
        for (JsonNode port : wires) {
            if (!port.isArray()) {
                out.add(id + ": a wires entry is not an array of ids");
                continue;
            }
            for (JsonNode target : port) {
                JsonNode t = byId.get(target.asText());
                if (t == null) {
                    out.add(id + ": wired to missing node " + target.asText());
                } else if (!t.path("z").asText("").equals(z)) {
                    out.add(id + ": wired to " + target.asText() + " on another tab or subflow");
                }
            }
        }
    }

    private static void checkSubflowPorts(String id, JsonNode def, Map<String, JsonNode> byId, List<String> out) {
        if (!def.path("in").isArray() || def.path("in").size() > 1 || !def.path("out").isArray()) {
            out.add(id + ": a subflow has an array of at most one input port and an array of output ports");
            return;
        }
        for (JsonNode port : def.get("in")) {
            for (JsonNode w : port.path("wires")) {
                checkInside(id, w.path("id").asText(), byId, out);
            }
        }
        for (JsonNode port : def.get("out")) {
            for (JsonNode w : port.path("wires")) {
                String from = w.path("id").asText();
                if (from.equals(id)) {
                    continue; // the subflow's input straight to an output
                }
                if (checkInside(id, from, byId, out)) {
                    int outputs = byId.get(from).path("outputs").asInt(1);
                    if (w.path("port").asInt(-1) < 0 || w.path("port").asInt() >= outputs) {
                        out.add(id + ": output wire from port " + w.path("port") + " of " + from + ", which has "
                                + outputs + " output(s)");
                    }
                }
            }
        }
    }

    private static boolean checkInside(String subflow, String node, Map<String, JsonNode> byId, List<String> out) {
        JsonNode n = byId.get(node);
        if (n == null || !n.path("z").asText("").equals(subflow)) {
            out.add(subflow + ": a port wires to " + node + ", which is not a node of this subflow");
            return false;
        }
        return true;
    }
}
