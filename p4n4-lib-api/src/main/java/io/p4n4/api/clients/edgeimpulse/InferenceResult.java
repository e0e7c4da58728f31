package io.p4n4.api.clients.edgeimpulse;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A runner's answer to one sample.
 *
 * @param classification labels ranked by confidence, highest first (empty for detection models)
 * @param boundingBoxes objects found (empty for classification models)
 * @param anomalyScore the anomaly score, or NaN when the model has no anomaly block
 * @param timing where the time went
 */
public record InferenceResult(List<Classification> classification, List<BoundingBox> boundingBoxes,
        double anomalyScore, Timing timing) {

    /** Ranks and copies. */
    public InferenceResult {
        classification = classification.stream()
                .sorted(Comparator.comparingDouble(Classification::confidence).reversed()).toList();
        boundingBoxes = List.copyOf(boundingBoxes);
    }

    /** Returns the most likely label, if the model classifies. */
    public Optional<Classification> top() {
        return classification.stream().findFirst();
    }

    /** Returns the anomaly score, if the model has an anomaly block. */
    public OptionalDouble anomaly() {
        return Double.isNaN(anomalyScore) ? OptionalDouble.empty() : OptionalDouble.of(anomalyScore);
    }
}
