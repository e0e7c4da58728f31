package io.p4n4.api.engine;

import java.util.Map;
import java.util.Objects;

/**
 * One row of a container listing; inspect the container for health and exit code.
 *
 * @param id the full container id
 * @param name the name, without Docker's leading slash
 * @param image the image reference
 * @param state lifecycle state
 * @param status the engine's human status text ({@code "Up 3 seconds (healthy)"})
 * @param labels the container's labels
 */
public record ContainerSummary(String id, String name, String image, ContainerState state, String status,
                               Map<String, String> labels) {

    public ContainerSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        name = name == null ? "" : name;
        image = image == null ? "" : image;
        status = status == null ? "" : status;
        labels = Map.copyOf(labels == null ? Map.of() : labels);
    }
}
