package io.p4n4.agent.score;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.p4n4.api.score.Score;
import io.p4n4.api.score.ScoreType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The first Score type: a set of containers to run on a device, started all at once (no ordering).
 * Runs on any container engine (Podman or Docker), despite the name kept from the wire contract.
 * Wire form: {@code {"type":"PodmanV0","data":{"services":[{"name":..., "image":...}]}}}. Immutable.
 *
 * @param services the containers; at least one, names unique
 */
public record PodmanV0Score(List<PodmanService> services) implements Score {

    /** The type name on the wire. */
    public static final String TYPE_NAME = "PodmanV0";

    /** The registered type. */
    public static final ScoreType<PodmanV0Score> TYPE = ScoreType.of(TYPE_NAME, PodmanV0Score.class);

    /** Requires at least one service and unique service names. */
    public PodmanV0Score {
        if (services == null || services.isEmpty()) {
            throw new IllegalArgumentException("services must list at least one service");
        }
        services = List.copyOf(services);
        Set<String> names = new HashSet<>();
        for (PodmanService service : services) {
            if (!names.add(service.name())) {
                throw new IllegalArgumentException("services: the name '" + service.name()
                        + "' is used twice; service names must be unique");
            }
        }
    }

    /** Returns a Score running the given services. */
    public static PodmanV0Score of(PodmanService... services) {
        return new PodmanV0Score(List.of(services));
    }

    @Override
    @JsonIgnore
    public String type() {
        return TYPE_NAME;
    }
}
