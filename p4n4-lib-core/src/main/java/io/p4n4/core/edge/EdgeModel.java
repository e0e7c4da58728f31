package io.p4n4.core.edge;

import java.time.Instant;

/**
 * One {@code .eim} file in the edge stack's {@code models/} folder.
 *
 * @param fileName the file's name, e.g. {@code model.eim}
 * @param size its size in bytes
 * @param lastModified when it was last modified
 * @param active whether {@code EI_MODEL_FILE} in the project's {@code .env} names it (the model the runner loads)
 */
public record EdgeModel(String fileName, long size, Instant lastModified, boolean active) {
}
