package io.p4n4.api.clients.edgeimpulse;

/**
 * Where inference time went, in milliseconds as the runner reports it.
 *
 * @param dsp signal processing
 * @param classification the neural network
 * @param anomaly the anomaly block
 * @param postprocessing post-processing (0 when not reported)
 */
public record Timing(double dsp, double classification, double anomaly, double postprocessing) {

    /** Returns the sum of the parts. */
    public double total() {
        return dsp + classification + anomaly + postprocessing;
    }
}
