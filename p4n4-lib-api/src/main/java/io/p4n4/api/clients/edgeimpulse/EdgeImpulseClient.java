package io.p4n4.api.clients.edgeimpulse;

import java.nio.file.Path;
import java.util.List;

/**
 * A client for an Edge Impulse Linux runner. One client speaks to the three shapes of runner a p4n4
 * edge stack may have: the real runner's HTTP server ({@code GET /api/info}, {@code POST /api/features},
 * {@code POST /api/image}), the p4n4 spec's contract ({@code GET /api/v1/info},
 * {@code POST /api/v1/infer} with a multipart {@code file}) and the upstream p4n4 runner service's
 * {@code GET /health}. Where an endpoint answers 404 the next shape is tried. Immutable and
 * thread-safe; build one with {@code io.p4n4.clients.ClientFactory#edgeImpulse()}.
 */
public interface EdgeImpulseClient {

    /** Returns runner and model information from the first endpoint that answers. */
    RunnerInfo info();

    /** Classifies one sample of raw features ({@code POST /api/features}); VALIDATION error on a wrong length. */
    InferenceResult classify(List<Double> features);

    /**
     * Runs inference on a file: images ({@code .jpg .jpeg .png .bmp}) go to {@code POST /api/image},
     * other samples to {@code POST /api/v1/infer}; each falls back to the other shape on 404 (a CSV
     * of numbers falls back to {@code /api/features}). USER error when the file cannot be read.
     */
    InferenceResult infer(Path file);
}
