package io.p4n4.api.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an engine reports about a local image.
 *
 * @param id the image id ({@code sha256:...})
 * @param tags the repository tags pointing at it
 * @param sizeBytes the image size
 * @param os the operating system it is built for
 * @param architecture the CPU architecture it is built for
 * @param labels the image's labels
 */
public record ImageInfo(String id, List<String> tags, long sizeBytes, String os, String architecture,
                        Map<String, String> labels) {

    public ImageInfo {
        Objects.requireNonNull(id, "id");
        tags = List.copyOf(tags == null ? List.of() : tags);
        os = os == null ? "" : os;
        architecture = architecture == null ? "" : architecture;
        labels = Map.copyOf(labels == null ? Map.of() : labels);
    }
}
