package io.p4n4.clients.internal.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.ServiceException;
import io.p4n4.clients.internal.http.HttpStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads Ollama's streamed answers (NDJSON) so that a truncated answer never looks complete: an
 * {@code {"error": ...}} line (Ollama's docs/api/errors.mdx, "Errors that occur while streaming")
 * and a stream that ends before a chunk with {@code "done": true} both fail with a
 * {@link ServiceException} carrying the server's message, after the chunks that arrived.
 */
final class OllamaStreams {
    private OllamaStreams() {
    }

    /**
     * Returns the next chunk; fails on an error line or on the end of the body (a caller asks for
     * another chunk only while {@code done} has not come).
     */
    static JsonNode nextChunk(HttpStream<JsonNode> stream) {
        JsonNode n = stream.next();
        if (n == null) {
            stream.close();
            throw endedEarly(stream);
        }
        if (n.hasNonNull("error")) {
            stream.close();
            throw stream.context().failedMidStream(n.get("error").asText());
        }
        return n;
    }

    /** Whether this chunk is the last one. */
    static boolean isDone(JsonNode chunk) {
        return chunk.path("done").asBoolean(false);
    }

    /** The chunks up to and including the one with {@code "done": true}, as a Stream that closes the call. */
    static <T> Stream<T> stream(HttpStream<JsonNode> stream, Function<JsonNode, T> mapper) {
        Iterator<T> it = new Iterator<>() {
            private boolean done;
            private boolean drained;
            private T pending;

            @Override
            public boolean hasNext() {
                if (pending != null) {
                    return true;
                }
                if (done) {
                    if (!drained) {
                        drained = true;
                        stream.next(); // reads the end of the body, so the connection can be reused
                    }
                    return false;
                }
                JsonNode n = nextChunk(stream);
                done = isDone(n);
                pending = mapper.apply(n);
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                T t = pending;
                pending = null;
                return t;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(stream::close);
    }

    private static ServiceException endedEarly(HttpStream<JsonNode> stream) {
        return stream.context().unexpected(200, "the stream ended before a chunk with \"done\": true"
                + " (the answer so far is incomplete)");
    }
}
