package io.p4n4.podman.internal;

import io.p4n4.api.EngineException;
import io.p4n4.api.engine.LogLine;
import io.p4n4.api.engine.LogOptions;
import io.p4n4.api.engine.LogStream;
import io.p4n4.podman.internal.libpod.LibpodHttp;
import io.p4n4.podman.internal.libpod.MultiplexedLogReader;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Container logs over {@code GET /libpod/containers/{name}/logs}. Thread-safe (stateless). */
final class Logs {
    private final LibpodHttp http;

    Logs(LibpodHttp http) {
        this.http = http;
    }

    List<LogLine> read(String container, LogOptions options) {
        List<LogLine> lines = new ArrayList<>();
        try (LibpodHttp.StreamingCall call = open(container, options)) {
            new MultiplexedLogReader(call.body()).readAll((stream, text) -> {
                lines.add(line(stream, text, options.timestamps()));
                return true;
            });
        } catch (IOException e) {
            throw new EngineException(PodmanEngine.ID, container, "reading the logs of " + container
                    + " broke off: " + e.getMessage(), e);
        }
        return lines;
    }

    StreamSubscription stream(String container, LogOptions options, Consumer<LogLine> consumer,
                              Consumer<StreamSubscription> onEnd) {
        return StreamSubscription.start("logs", () -> open(container, options),
                (call, active) -> new MultiplexedLogReader(call.body()).readAll((stream, text) -> {
                    if (!active.getAsBoolean()) {
                        return false;
                    }
                    consumer.accept(line(stream, text, options.timestamps()));
                    return active.getAsBoolean();
                }), onEnd);
    }

    private LibpodHttp.StreamingCall open(String container, LogOptions options) {
        LibpodHttp.RequestBuilder req = http.request("GET", "containers", container, "logs")
                .query("stdout", options.stdout()).query("stderr", options.stderr())
                .query("follow", options.follow()).query("timestamps", options.timestamps())
                .resource(container).onNotFound(() -> PodmanErrors.containerMissing(container));
        if (options.tail() >= 0) {
            req.query("tail", options.tail());
        }
        if (!options.since().equals(Instant.EPOCH)) {
            req.query("since", options.since().getEpochSecond());
        }
        return req.openStream();
    }

    /** With timestamps, libpod starts each line with an RFC 3339 time and a space. */
    static LogLine line(LogStream stream, String text, boolean timestamps) {
        if (timestamps) {
            int space = text.indexOf(' ');
            if (space > 0) {
                try {
                    Instant t = OffsetDateTime.parse(text.substring(0, space)).toInstant();
                    return new LogLine(stream, t, text.substring(space + 1));
                } catch (DateTimeParseException e) {
                    // not a stamp: keep the line whole
                }
            }
        }
        return new LogLine(stream, Instant.EPOCH, text);
    }
}
