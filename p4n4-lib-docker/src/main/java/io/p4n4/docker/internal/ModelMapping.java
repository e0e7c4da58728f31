package io.p4n4.docker.internal;

import com.github.dockerjava.api.model.Event;
import io.p4n4.api.engine.EngineEvent;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** Converts docker-java's event objects (the events stream still goes through docker-java) into the API's events. */
final class ModelMapping {

    private ModelMapping() {
    }

    static EngineEvent event(Event e) {
        EngineEvent.Type type = EngineEvent.Type.OTHER;
        if (e.getType() != null) {
            try {
                type = EngineEvent.Type.valueOf(e.getType().getValue().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException other) {
                type = EngineEvent.Type.OTHER;
            }
        }
        Map<String, String> attributes = e.getActor() == null ? null : e.getActor().getAttributes();
        String id = e.getActor() != null && e.getActor().getId() != null ? e.getActor().getId() : e.getId();
        Instant time = e.getTimeNano() != null
                ? Instant.ofEpochSecond(0, e.getTimeNano())
                : Instant.ofEpochSecond(e.getTime() == null ? 0 : e.getTime());
        String action = e.getAction() != null ? e.getAction() : e.getStatus();
        return new EngineEvent(type, action, id, attributes, time);
    }
}
