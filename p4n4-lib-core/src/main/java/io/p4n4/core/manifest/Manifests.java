package io.p4n4.core.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.LegacyManifest;
import io.p4n4.api.project.Manifest;
import io.p4n4.api.project.ManifestDocument;
import io.p4n4.api.project.ProjectRoot;
import io.p4n4.compose.files.AtomicFiles;
import io.p4n4.core.manifest.internal.ManifestJson;
import io.p4n4.core.manifest.internal.ManifestSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds, reads, validates and writes {@code .p4n4.json}. Every manifest-v1 read and write is checked
 * against the bundled JSON Schema; a failure is a USER {@link InvalidFileException} naming the file,
 * line, JSON path and schema rule. Stateless and thread-safe.
 */
public final class Manifests {
    /** The manifest's file name. */
    public static final String FILE_NAME = ProjectRoot.MANIFEST_FILE_NAME;

    private Manifests() {
    }

    /**
     * Returns the {@code .p4n4.json} of the project containing {@code start} (a directory or a file in
     * it), found by the one walk-up rule of {@link ProjectRoot#find}.
     */
    public static Optional<Path> findFile(Path start) {
        return ProjectRoot.find(start).map(dir -> dir.resolve(FILE_NAME));
    }

    /** Reads and validates {@code file}: a {@link Manifest} or a {@link LegacyManifest}. */
    public static ManifestDocument read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.USER, "cannot read " + file + ": " + e.getMessage()
                    + "; check that the file exists and is readable", e);
        }
        return parse(text, file);
    }

    /** Parses and validates manifest text; {@code source} names the file in errors (may be null). */
    public static ManifestDocument parse(String text, @Nullable Path source) {
        JsonNode tree;
        try {
            tree = ManifestJson.MAPPER.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new InvalidFileException(ErrorCode.USER, source, loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), null,
                    "is not valid JSON (" + e.getOriginalMessage() + "); fix the syntax or run p4n4 init again",
                    e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidFileException(ErrorCode.USER, source, 1, 1, "$",
                    "must be a JSON object; fix it or run p4n4 init again", null);
        }
        if (ManifestJson.isLegacy(tree)) {
            return readLegacy(tree, source);
        }
        ManifestSchema.validate(tree, source, text);
        return ManifestJson.fromTree(tree);
    }

    private static LegacyManifest readLegacy(JsonNode tree, Path source) {
        JsonNode version = tree.get("schema_version");
        if (version == null || !version.isInt() || version.asInt() != 1) {
            throw new InvalidFileException(ErrorCode.USER, source, 0, 0, "$.schema_version",
                    "legacy manifest has schema_version " + version + ", expected 1; this p4n4 reads only"
                            + " version 1 of the upstream format", null);
        }
        JsonNode project = tree.get("project");
        if (project == null || !project.isTextual() || project.asText().isEmpty()) {
            throw new InvalidFileException(ErrorCode.USER, source, 0, 0, "$.project",
                    "legacy manifest needs a non-empty string 'project'", null);
        }
        List<String> layers = new ArrayList<>();
        JsonNode list = tree.get("layers");
        if (list != null) {
            if (!list.isArray()) {
                throw new InvalidFileException(ErrorCode.USER, source, 0, 0, "$.layers",
                        "legacy manifest 'layers' must be an array of strings", null);
            }
            for (JsonNode layer : list) {
                if (!layer.isTextual()) {
                    throw new InvalidFileException(ErrorCode.USER, source, 0, 0, "$.layers",
                            "legacy manifest 'layers' must be an array of strings", null);
                }
                layers.add(layer.asText());
            }
        }
        JsonNode created = tree.get("created_at");
        return new LegacyManifest(1, project.asText(), layers, created == null ? null : created.asText());
    }

    /** Returns the text p4n4 writes for {@code manifest}, after checking it against the schema. */
    public static String render(Manifest manifest) {
        JsonNode tree = ManifestJson.toTree(manifest);
        ManifestSchema.validate(tree, null, null);
        return ManifestJson.render(tree);
    }

    /** Validates and writes {@code manifest} to {@code file} atomically. */
    public static void write(Path file, Manifest manifest) {
        String text = render(manifest);
        AtomicFiles.writeString(file, text);
    }

    /**
     * Converts an upstream manifest to manifest-v1: {@code project} becomes {@code name}, known
     * {@code layers} become {@code stacks}, {@code created_at} is kept when it is a valid date-time.
     * Nothing is written; the caller decides.
     */
    public static Manifest migrate(LegacyManifest legacy, String cliVersion) {
        Manifest.Builder b = Manifest.builder(legacy.project(), cliVersion).stacks(legacy.stacks());
        if (legacy.createdAt() != null) {
            try {
                java.time.OffsetDateTime.parse(legacy.createdAt());
                b.createdAt(legacy.createdAt());
            } catch (java.time.format.DateTimeParseException e) {
                // keep "now" from the builder: the old value was not a date-time
            }
        }
        return b.build();
    }
}
