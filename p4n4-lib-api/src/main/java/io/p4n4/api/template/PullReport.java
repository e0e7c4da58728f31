package io.p4n4.api.template;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What pulling a template into a project did. Paths are relative to the project directory.
 *
 * @param template the template's name
 * @param version its version
 * @param project the project directory
 * @param added files that did not exist and were written
 * @param replaced existing files overwritten because the pull was forced
 * @param skipped existing files kept as they were (pull again with force to replace them)
 * @param merged existing files the template's content was merged into ({@code .env}, Node-RED flows)
 * @param envKeysAdded the {@code .env} keys added (existing keys always keep their values)
 * @param envKeysKept the template's {@code .env} keys the project already had, kept unchanged
 * @param conflicts what could not be merged and was kept as the project had it (a Node-RED node with the
 *     same id and other content)
 */
public record PullReport(String template, String version, Path project, List<Path> added, List<Path> replaced,
        List<Path> skipped, List<Path> merged, List<String> envKeysAdded, List<String> envKeysKept,
        List<String> conflicts) {

    /** Validates and copies the components. */
    public PullReport {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(project, "project");
        added = List.copyOf(added);
        replaced = List.copyOf(replaced);
        skipped = List.copyOf(skipped);
        merged = List.copyOf(merged);
        envKeysAdded = List.copyOf(envKeysAdded);
        envKeysKept = List.copyOf(envKeysKept);
        conflicts = List.copyOf(conflicts);
    }
}
