package io.p4n4.junit.internal;

import io.p4n4.compose.ComposeNetwork;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeService;
import io.p4n4.compose.ComposeSource;
import io.p4n4.compose.ComposeVolume;
import java.nio.file.Path;
import java.util.Map;

/**
 * An override file, kept in memory, that adds labels to every service, project network and project volume of a
 * loaded project: how the run label reaches each object without touching the user's files or the executor.
 * Written as JSON, which every YAML parser reads. Stateless.
 */
final class LabelOverlay {
    /** The override's (virtual) file name, in the project directory; compose's labels list it among the files. */
    static final String FILE_NAME = ".p4n4-junit-labels.yml";

    private LabelOverlay() {
    }

    /** The override adding {@code labels} to what {@code project} creates (external networks and volumes excluded). */
    static ComposeSource of(ComposeProject project, Map<String, String> labels) {
        String labelJson = object(labels);
        StringBuilder json = new StringBuilder("{\"services\":{");
        String sep = "";
        for (ComposeService s : project.services().values()) {
            json.append(sep).append(quote(s.name())).append(":{\"labels\":").append(labelJson).append('}');
            sep = ",";
        }
        json.append('}');
        StringBuilder networks = new StringBuilder();
        for (ComposeNetwork n : project.networks().values()) {
            if (!n.external()) {
                networks.append(networks.length() == 0 ? "" : ",").append(quote(n.key()))
                        .append(":{\"labels\":").append(labelJson).append('}');
            }
        }
        if (networks.length() > 0) {
            json.append(",\"networks\":{").append(networks).append('}');
        }
        StringBuilder volumes = new StringBuilder();
        for (ComposeVolume v : project.volumes().values()) {
            if (!v.external()) {
                volumes.append(volumes.length() == 0 ? "" : ",").append(quote(v.key()))
                        .append(":{\"labels\":").append(labelJson).append('}');
            }
        }
        if (volumes.length() > 0) {
            json.append(",\"volumes\":{").append(volumes).append('}');
        }
        json.append('}');
        Path where = project.workingDirectory().resolve(FILE_NAME);
        return ComposeSource.inline(where, json.toString());
    }

    private static String object(Map<String, String> labels) {
        StringBuilder out = new StringBuilder("{");
        String sep = "";
        for (Map.Entry<String, String> e : labels.entrySet()) {
            // compose interpolates values, never keys: only a value's '$' needs escaping
            out.append(sep).append(quote(e.getKey())).append(':').append(quote(e.getValue().replace("$", "$$")));
            sep = ",";
        }
        return out.append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
