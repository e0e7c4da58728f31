package io.p4n4.podman.internal.libpod;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Predicate;

/**
 * Reads a stream of JSON objects, one after the other (libpod's events and pull progress: one object
 * per line, sent as they happen). Not thread-safe.
 */
public final class JsonObjectReader {
    private final ObjectMapper mapper;

    /** Uses {@code mapper} to parse each object. */
    public JsonObjectReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Hands each object to {@code handler} until the stream ends or the handler returns false. Blocks
     * while the server is silent.
     */
    public void readAll(InputStream in, Predicate<JsonNode> handler) throws IOException {
        try (JsonParser p = mapper.getFactory().createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    continue; // tolerate stray values between objects
                }
                JsonNode node = mapper.readTree(p);
                if (!handler.test(node)) {
                    return;
                }
            }
        }
    }
}
