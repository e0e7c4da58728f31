package io.p4n4.cli.output;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files a command reads because an option named them (a Score, a key). */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * Returns the file's text.
     *
     * @throws InvalidFileException USER naming the file when it cannot be read
     */
    public static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new InvalidFileException(ErrorCode.USER, path, 0, 0, null, "cannot read the file: "
                    + e.getMessage(), e);
        }
    }
}
