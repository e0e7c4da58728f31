package io.p4n4.core.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The structure {@code n8n import:workflow} and the editor's import read: an object with {@code nodes} and
 * {@code connections} (the import command refuses a file without them); every node has a unique
 * {@code name}, a {@code type} ({@code package.node}), a numeric {@code typeVersion}, a {@code position}
 * {@code [x, y]} and a {@code parameters} object; {@code connections} maps a source node's name to its
 * outputs by connection type, each output an array of {@code {node, type, index}} naming an existing node.
 */
final class N8nWorkflowShape {
    private N8nWorkflowShape() {
    }

    /** Every way {@code workflow} breaks the structure above, as messages naming the node; empty when none. */
    static List<String> problems(JsonNode workflow) {
        List<String> out = new ArrayList<>();
        if (!workflow.isObject() || !workflow.path("nodes").isArray() || !workflow.path("connections").isObject()) {
            out.add("a workflow is an object with a nodes array and a connections object");
            return out;
        }
        if (!workflow.path("name").isTextual() || workflow.path("name").asText().isBlank()) {
            out.add("the workflow has no name");
        }
        Set<String> names = new HashSet<>();
        for (JsonNode n : workflow.get("nodes")) {
            String name = n.path("name").asText("");
            if (name.isEmpty() || !names.add(name)) {
                out.add("a node without a unique name: " + name);
            }
            if (!n.path("type").asText("").matches("[@\\w/-]+\\.\\w+")) {
                out.add(name + ": type " + n.path("type") + " is not package.node");
            }
            if (!n.path("typeVersion").isNumber()) {
                out.add(name + ": typeVersion is not a number");
            }
            JsonNode pos = n.path("position");
            if (!pos.isArray() || pos.size() != 2 || !pos.get(0).isNumber() || !pos.get(1).isNumber()) {
                out.add(name + ": position is not [x, y]");
            }
            if (!n.path("parameters").isObject()) {
                out.add(name + ": parameters is not an object");
            }
        }
        for (Map.Entry<String, JsonNode> source : workflow.get("connections").properties()) {
            if (!names.contains(source.getKey())) {
                out.add("connections from missing node " + source.getKey());
            }
            for (Map.Entry<String, JsonNode> byType : source.getValue().properties()) {
                for (JsonNode output : byType.getValue()) {
                    for (JsonNode c : output) {
                        if (!names.contains(c.path("node").asText())) {
                            out.add(source.getKey() + ": connected to missing node " + c.path("node"));
                        }
                        if (!c.path("type").asText().equals(byType.getKey()) || !c.path("index").isInt()) {
                            out.add(source.getKey() + ": a connection without its type " + byType.getKey()
                                    + " and an input index");
                        }
                    }
                }
            }
        }
        return out;
    }
}
