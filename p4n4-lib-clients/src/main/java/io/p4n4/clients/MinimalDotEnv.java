package io.p4n4.clients;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code KEY=value} lines of a {@code .env} file: comments, {@code export}, single and
 * double quotes. Only what endpoint discovery needs; no interpolation. (Stand-in until the clients
 * use core's full dotenv reader.)
 */
final class MinimalDotEnv {
    private MinimalDotEnv() {
    }

    static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.USER, file + ": cannot read the project's .env (" + e.getMessage()
                    + "); check its permissions", e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            } else {
                int hash = value.indexOf(" #");
                if (hash >= 0) {
                    value = value.substring(0, hash).strip();
                }
            }
            values.put(key, value);
        }
        return values;
    }
}
