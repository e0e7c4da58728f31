package io.p4n4.agent.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;

/** Reads TOML files with tomlj and turns every problem into an error naming file, line and key. */
public final class TomlFiles {

    private TomlFiles() {
    }

    /** Parses the file; a missing file or a syntax error becomes an {@link InvalidFileException} (USER). */
    public static TomlParseResult parse(Path file) {
        TomlParseResult result;
        try {
            result = Toml.parse(file);
        } catch (NoSuchFileException e) {
            throw new InvalidFileException(ErrorCode.USER, file, 0, 0, null,
                    "the file does not exist; create it or pass --config FILE", e);
        } catch (IOException e) {
            throw new InvalidFileException(ErrorCode.USER, file, 0, 0, null,
                    "cannot read the file: " + e.getMessage(), e);
        }
        if (result.hasErrors()) {
            TomlParseError first = result.errors().get(0);
            TomlPosition at = first.position();
            throw new InvalidFileException(ErrorCode.USER, file, at == null ? 0 : at.line(),
                    at == null ? 0 : at.column(), null, "not valid TOML: " + first.getMessage(), first);
        }
        return result;
    }

    /** Returns a required string value. */
    public static String requireString(Path file, TomlParseResult toml, String key) {
        Object value = toml.get(key);
        if (value == null) {
            throw error(file, toml, key, "missing; add it (a string)");
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw error(file, toml, key, "must be a non-empty string");
        }
        return s;
    }

    /** Returns a required path, resolved against the file's directory when relative. */
    public static Path requirePath(Path file, TomlParseResult toml, String key) {
        Path value = Path.of(requireString(file, toml, key));
        Path dir = file.toAbsolutePath().getParent();
        return value.isAbsolute() || dir == null ? value : dir.resolve(value);
    }

    /** Returns an optional string value, or {@code null}. */
    public static String optionalString(Path file, TomlParseResult toml, String key) {
        return toml.contains(key) ? requireString(file, toml, key) : null;
    }

    /** Returns a required array of strings. */
    public static List<String> requireStrings(Path file, TomlParseResult toml, String key) {
        Object value = toml.get(key);
        if (value == null) {
            throw error(file, toml, key, "missing; add it (an array of strings)");
        }
        if (!(value instanceof TomlArray array)) {
            throw error(file, toml, key, "must be an array of strings, like [\"a\", \"b\"]");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof String s)) {
                throw error(file, toml, key, "element " + (i + 1) + " is not a string");
            }
            out.add(s);
        }
        return out;
    }

    /** Returns an error (USER) at the key's position in the file (its table's when the key is absent). */
    public static InvalidFileException error(Path file, TomlParseResult toml, String key, String problem) {
        TomlPosition at = toml.inputPositionOf(key);
        if (at == null && key.contains(".")) {
            at = toml.inputPositionOf(key.substring(0, key.lastIndexOf('.')));
        }
        return new InvalidFileException(ErrorCode.USER, file, at == null ? 0 : at.line(),
                at == null ? 0 : at.column(), key, problem, null);
    }
}
