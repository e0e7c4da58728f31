package io.p4n4.api.clients.edgeimpulse;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the runner says about itself and its model. Fields the answering endpoint does not report
 * are {@code null}, 0 or empty.
 *
 * @param endpoint the path that answered: {@code /api/info} (Edge Impulse runner), {@code /api/v1/info}
 *     (p4n4 contract) or {@code /health} (p4n4 runner service)
 * @param projectName the Edge Impulse project name, or {@code null}
 * @param projectOwner the project owner, or {@code null}
 * @param projectId the project id (0 when unknown)
 * @param deployVersion the deployment version (0 when unknown)
 * @param modelType {@code classification}, {@code object_detection}, ... or {@code null}
 * @param labels the model's labels
 * @param inputFeaturesCount how many raw features one sample has (0 when unknown)
 * @param hasAnomaly whether the model has an anomaly block
 * @param status the health status (e.g. {@code ok}) when reported, or {@code null}
 * @param modelFile the mounted {@code .eim} file when reported, or {@code null}
 * @param raw every field of the answer, as plain Java values
 */
public record RunnerInfo(String endpoint, @Nullable String projectName, @Nullable String projectOwner, long projectId,
        long deployVersion,
        @Nullable String modelType, List<String> labels, int inputFeaturesCount, boolean hasAnomaly,
        @Nullable String status, @Nullable String modelFile, Map<String, Object> raw) {

    /** Copies the collections. */
    public RunnerInfo {
        labels = List.copyOf(labels);
        raw = raw == null ? Map.of() : raw;
    }
}
