package io.p4n4.compose.exec;

import java.util.Objects;

/**
 * A service whose image {@link ComposeExecutor#upgrade} changed: the image id its container ran before and the
 * one the pulled tag names now.
 *
 * @param service    the service name
 * @param image      the image reference ({@code 127.0.0.1:5000/p4n4/busybox:1})
 * @param oldImageId the id of the image the service's container ran
 * @param newImageId the id of the image the reference names after the pull
 */
public record ImageChange(String service, String image, String oldImageId, String newImageId) {

    /** Checks the parts. */
    public ImageChange {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(oldImageId, "oldImageId");
        Objects.requireNonNull(newImageId, "newImageId");
    }
}
