package io.p4n4.api.clients.edgeimpulse;

/**
 * One label and its confidence.
 *
 * @param label the label
 * @param confidence between 0 and 1
 */
public record Classification(String label, double confidence) {
}
