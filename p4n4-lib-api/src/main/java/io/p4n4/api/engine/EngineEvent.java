package io.p4n4.api.engine;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened in the engine: a container started, died, changed health; a network was
 * created ...
 *
 * @param type what kind of object it is about
 * @param action the engine's action word: {@code create}, {@code start}, {@code die}, {@code destroy},
 *               {@code health_status: healthy} (Docker) or {@code health_status} with attribute
 *               {@code health_status} (Podman) ...
 * @param actorId the id of the object
 * @param attributes the object's attributes (its {@code name}, labels, {@code exitCode} ...)
 * @param time when it happened
 */
public record EngineEvent(Type type, String action, String actorId, Map<String, String> attributes, Instant time) {

    /** The kinds of object events are about. */
    public enum Type {
        CONTAINER, IMAGE, NETWORK, VOLUME, OTHER
    }

    public EngineEvent {
        Objects.requireNonNull(type, "type");
        action = action == null ? "" : action;
        actorId = actorId == null ? "" : actorId;
        attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
        time = time == null ? Instant.EPOCH : time;
    }

    /** The object's name from the attributes, or {@code ""}. */
    public String name() {
        return attributes.getOrDefault("name", "");
    }
}
