package io.p4n4.api.engine;

import java.util.Objects;
import java.util.Set;

/**
 * Which events to receive.
 *
 * @param types the object kinds to receive; empty for all
 * @param labels label conditions the object must satisfy
 */
public record EventFilter(Set<EngineEvent.Type> types, LabelFilter labels) {

    /** Every event. */
    public static final EventFilter ALL = new EventFilter(Set.of(), LabelFilter.ANY);

    public EventFilter {
        types = Set.copyOf(Objects.requireNonNull(types, "types"));
        Objects.requireNonNull(labels, "labels");
    }

    /** Container events of containers matching {@code labels}. */
    public static EventFilter containers(LabelFilter labels) {
        return new EventFilter(Set.of(EngineEvent.Type.CONTAINER), labels);
    }

    /** Tells whether {@code event} passes this filter (for engines that filter client-side). */
    public boolean matches(EngineEvent event) {
        return (types.isEmpty() || types.contains(event.type())) && labels.matches(event.attributes());
    }
}
