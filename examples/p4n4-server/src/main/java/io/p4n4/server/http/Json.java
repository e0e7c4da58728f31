package io.p4n4.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one JSON mapper of the server: plain maps, lists, strings and numbers in; compact UTF-8 text out. */
public final class Json {
    /** Shared: an {@link ObjectMapper} is thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    /** Returns {@code value} as compact JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the server only writes maps, lists and scalars: " + e.getMessage(), e);
        }
    }
}
