package io.p4n4.core.template;

import io.p4n4.api.template.TemplateIndex;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A registry as fetched: its index, the directory of its files in the cache, and when they were fetched.
 *
 * @param registry the registry's URL
 * @param index its {@code index.json}, validated
 * @param directory the cached copy of the registry's files
 * @param fetchedAt when the copy was fetched
 * @param fromCache true when this is a snapshot of an earlier fetch ({@code --offline}), false when just fetched
 * @param age how old the copy is
 * @param stale whether it is older than the registry's stale limit
 */
public record RegistrySnapshot(URI registry, TemplateIndex index, Path directory, Instant fetchedAt,
        boolean fromCache, Duration age, boolean stale) {

    /** Validates the components. */
    public RegistrySnapshot {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(age, "age");
    }

    /** The age in words: {@code 3 days}, {@code 5 hours}, {@code 12 minutes}, {@code less than a minute}. */
    public String ageText() {
        return describe(age);
    }

    /** A duration in the largest whole unit: days, hours or minutes. */
    public static String describe(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        if (d.toHours() > 0) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
        }
        return "less than a minute";
    }

    /** What a user should be told about this copy, or empty text when it was just fetched. */
    public String notice() {
        if (!fromCache) {
            return "";
        }
        return "using the cached snapshot of " + registry + " fetched " + ageText() + " ago (" + fetchedAt + ")"
                + (stale ? "; it is stale: run without --offline to refresh it" : "");
    }
}
