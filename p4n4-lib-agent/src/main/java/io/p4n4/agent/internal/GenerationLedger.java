package io.p4n4.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.compose.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The highest generation this device has accepted per key, with the digest of that signed envelope,
 * kept in one JSON file ({@code generations.json} in the agent's state directory, mode 0600). Every
 * change is written to a temporary file, forced to disk and moved over the old one atomically, so a
 * crash leaves either the old or the new marks, never a torn file. A file that cannot be read stops
 * the agent from starting: starting with no marks would accept rollbacks. Not thread-safe: the agent
 * uses it from its worker thread.
 */
public final class GenerationLedger {

    /** The file name inside the state directory. */
    public static final String FILE_NAME = "generations.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, Mark> marks = new TreeMap<>();

    /** What was accepted for one key. */
    record Mark(long generation, String digest) {
    }

    private GenerationLedger(Path file) {
        this.file = file;
    }

    /**
     * Opens (or starts) the ledger in the directory, creating the directory (0700) if needed.
     *
     * @throws P4n4Exception (USER) when the directory cannot be created or the file cannot be read
     */
    public static GenerationLedger open(Path stateDirectory) {
        Path file = stateDirectory.resolve(FILE_NAME);
        GenerationLedger ledger = new GenerationLedger(file);
        try {
            if (!Files.isDirectory(stateDirectory)) {
                Files.createDirectories(stateDirectory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            if (Files.exists(file)) {
                JsonNode root = JSON.readTree(file.toFile());
                if (root == null || !root.isObject()) {
                    throw new IOException("not a JSON object");
                }
                root.properties().forEach(e -> ledger.marks.put(e.getKey(), new Mark(
                        e.getValue().path("generation").asLong(), e.getValue().path("digest").asText())));
            }
        } catch (IOException | RuntimeException e) {
            throw new P4n4Exception(ErrorCode.USER, "the agent's generation marks " + file
                    + " cannot be read (" + e.getMessage() + "); the agent will not start without them, since"
                    + " forgetting them would accept rolled-back Scores. Restore the file from a backup, or"
                    + " delete it only if you accept that risk", e);
        }
        return ledger;
    }

    /** Returns what was accepted for the key, if anything. */
    Optional<Mark> find(String key) {
        return Optional.ofNullable(marks.get(key));
    }

    /** Records an accepted envelope and persists all marks before returning. */
    void record(String key, long generation, String digest) {
        Mark old = marks.put(key, new Mark(generation, digest));
        try {
            persist();
        } catch (IOException | P4n4Exception e) {
            if (old == null) {
                marks.remove(key);
            } else {
                marks.put(key, old);
            }
            throw new P4n4Exception(ErrorCode.USER, "cannot write the agent's generation marks " + file + ": "
                    + e.getMessage() + "; check the state directory's permissions and free space", e);
        }
    }

    /** Writes every mark through {@link AtomicFiles}: forced to disk, renamed atomically, mode 0600. */
    private void persist() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        marks.forEach((key, mark) -> root.putObject(key).put("generation", mark.generation())
                .put("digest", mark.digest()));
        AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root), AtomicFiles.OWNER_ONLY);
    }

    @Override
    public String toString() {
        return "GenerationLedger[" + file + ", " + marks.size() + " keys]";
    }
}
