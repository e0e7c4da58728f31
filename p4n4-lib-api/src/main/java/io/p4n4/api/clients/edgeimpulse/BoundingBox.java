package io.p4n4.api.clients.edgeimpulse;

/**
 * An object found by an object-detection model, in pixels of the image that was sent. The runner
 * maps boxes from the model's input size back to the original image, so coordinates carry
 * fractions ({@code 106.67}); they are kept as doubles.
 *
 * @param label the label
 * @param confidence between 0 and 1 ({@code value} in the runner's JSON)
 * @param x left edge
 * @param y top edge
 * @param width width
 * @param height height
 */
public record BoundingBox(String label, double confidence, double x, double y, double width, double height) {
}
