package io.p4n4.compose.interpolation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Finds the shared conformance corpus (system property {@code p4n4.shared.dir}) for tests. */
public final class ConformanceCorpus {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConformanceCorpus() {
    }

    /** Returns {@code conformance/<relative>}, or aborts the test (skipped) when the corpus is absent. */
    public static Path file(String relative) {
        String shared = System.getProperty("p4n4.shared.dir", "");
        Path file = shared.isEmpty() ? null : Path.of(shared, "conformance", relative);
        assumeTrue(file != null && Files.isRegularFile(file),
                "conformance corpus not found (" + (file == null ? "p4n4.shared.dir not set" : file)
                        + "): set -Dp4n4.shared.dir to the shared directory to run these cases");
        return file;
    }

    /** Reads a JSON file of the corpus. */
    public static JsonNode json(String relative) throws IOException {
        return JSON.readTree(file(relative).toFile());
    }

    /** Turns a JSON object of strings into a map; {@code null} or JSON null gives {@code null}. */
    public static Map<String, String> stringMap(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        Map<String, String> map = new HashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
