package io.p4n4.docker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code GET /events} (one JSON object per event, as they happen) on a daemon thread and hands each
 * object to a {@link CallbackSubscription}, without docker-java's client: an {@code up} watches events, and
 * building docker-java for them loaded about 220 of its classes and guava.
 */
final class EngineEventStream {

    private EngineEventStream() {
    }

    /**
     * Starts reading; the subscription's {@code close()} closes the response, which ends the read.
     *
     * @param filters the {@code filters} query parameter's entries (label, type), empty lists left out
     */
    static void start(DockerHttpClient streams, String apiVersion, Map<String, List<String>> filters,
                      CallbackSubscription<JsonNode, ?> sub) {
        String path = "/v" + apiVersion + "/events" + EngineJson.filters('?', filters);
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path(path).build();
        Thread reader = new Thread(() -> read(streams, request, sub), "p4n4-docker-events");
        reader.setDaemon(true);
        reader.start();
    }

    private static void read(DockerHttpClient streams, DockerHttpClient.Request request,
                             CallbackSubscription<JsonNode, ?> sub) {
        try (DockerHttpClient.Response response = streams.execute(request)) {
            sub.onStart(response);
            InputStream body = response.getBody();
            if (response.getStatusCode() != 200) {
                String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                sub.onError(new EngineHttpException(response.getStatusCode(), EngineJson.message(text)));
                return;
            }
            try (MappingIterator<JsonNode> events = EngineJson.trees().readerFor(JsonNode.class).readValues(body)) {
                while (events.hasNextValue()) {
                    sub.onNext(events.nextValue());
                }
            }
            sub.onComplete();
        } catch (IOException | RuntimeException e) {
            // after close() this is the aborted read, which the subscription ignores
            sub.onError(e);
        }
    }
}
