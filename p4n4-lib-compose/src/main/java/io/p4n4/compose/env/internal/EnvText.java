package io.p4n4.compose.env.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a {@code .env} file as strict UTF-8, with errors that name the file. */
public final class EnvText {
    private EnvText() {
    }

    /**
     * Returns the file's text, or empty when it does not exist.
     *
     * @throws InvalidFileException USER when it is a directory or unreadable, VALIDATION when it is
     *     not valid UTF-8
     */
    public static Optional<String> readIfExists(Path file) {
        if (Files.isDirectory(file)) {
            throw new InvalidFileException(ErrorCode.USER, file, 0, 0, null,
                    "is a directory, not a .env file; pass the path of the file", null);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new InvalidFileException(ErrorCode.USER, file, 0, 0, null,
                    "cannot be read (" + e.getClass().getSimpleName() + "); check its permissions", e);
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            throw new InvalidFileException(ErrorCode.VALIDATION, file, 0, 0, null,
                    "is not valid UTF-8; save it as UTF-8", e);
        }
    }

    /**
     * Returns the file's text.
     *
     * @throws InvalidFileException USER when it does not exist, as {@link #readIfExists}
     */
    public static String read(Path file) {
        return readIfExists(file).orElseThrow(() -> new InvalidFileException(ErrorCode.USER, file, 0, 0, null,
                "not found; create it, or check the path (relative paths start at "
                        + Path.of("").toAbsolutePath() + ")", null));
    }
}
