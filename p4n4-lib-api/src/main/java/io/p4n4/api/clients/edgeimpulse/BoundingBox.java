package io.p4n4.api.clients.edgeimpulse;

/**
 * An object found by an object-detection model, in pixels of the image that was sent.
 *
 * @param label the label
 * @param confidence between 0 and 1 ({@code value} in the runner's JSON)
 * @param x left edge
 * @param y top edge
 * @param width width
 * @param height height
 */
public record BoundingBox(String label, double confidence, int x, int y, int width, int height) {
}
