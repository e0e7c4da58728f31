package io.p4n4.core.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.core.stack.BundledStackProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the bundled templates' JSON files from the class path, and what their code asks of the environment. */
final class BundledContent {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The palette's subflow ids, in the order of the spec's catalogue (with embeddings after chat). */
    static final List<String> SUBFLOW_IDS = List.of("p4n4-sf-ollama-generate", "p4n4-sf-ollama-chat",
            "p4n4-sf-ollama-embeddings", "p4n4-sf-letta-send-event", "p4n4-sf-letta-get-memory",
            "p4n4-sf-influx-flux-query");

    private BundledContent() {
    }

    /** The JSON file at {@code path} under the bundled templates ({@code iot/flows.json}). */
    static JsonNode json(String path) {
        String resource = "/" + BundledStackProvider.TEMPLATES + path;
        try (InputStream in = BundledContent.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The nodes of {@code flows} on tab or subflow {@code z}, and the container itself. */
    static List<JsonNode> withContainer(JsonNode flows, String z) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : flows) {
            if (n.path("id").asText().equals(z) || n.path("z").asText().equals(z)) {
                out.add(n);
            }
        }
        return out;
    }

    /** Every name {@code pattern}'s first group matches in {@code text}. */
    static List<String> matches(Pattern pattern, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
