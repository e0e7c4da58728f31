package io.p4n4.core.template;

import io.p4n4.api.project.Manifest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The templates applied to a project, as the manifest's {@code template} string holds them: entries
 * {@code name@version} separated by {@code ", "}, in the order they were first pulled (manifest-v1 has one
 * string field; a hand-written plain name is read as a name without version). Stateless and thread-safe.
 */
public final class AppliedTemplates {
    private AppliedTemplates() {
    }

    /** One applied template. @param name its name @param version its version, empty when not recorded */
    public record Applied(String name, String version) {
        @Override
        public String toString() {
            return version.isEmpty() ? name : name + "@" + version;
        }
    }

    /** The templates {@code manifest} records. */
    public static List<Applied> of(Manifest manifest) {
        return manifest.template().map(AppliedTemplates::parse).orElse(List.of());
    }

    /** Parses a {@code template} value. */
    public static List<Applied> parse(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(s -> {
            int at = s.lastIndexOf('@');
            return at > 0 ? new Applied(s.substring(0, at), s.substring(at + 1)) : new Applied(s, "");
        }).toList();
    }

    /** {@code manifest} with {@code name@version} recorded (replacing an earlier entry of the same name). */
    public static Manifest record(Manifest manifest, String name, String version) {
        List<Applied> all = new ArrayList<>(of(manifest));
        Applied next = new Applied(name, version);
        int i = all.stream().map(Applied::name).toList().indexOf(name);
        if (i >= 0) {
            all.set(i, next);
        } else {
            all.add(next);
        }
        return manifest.toBuilder().template(String.join(", ", all.stream().map(Applied::toString).toList())).build();
    }
}
