package io.p4n4.core.validate.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.compose.interpolation.Interpolation;
import io.p4n4.compose.interpolation.VariableReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the variables a compose file needs: every reference that gives no default ({@code ${VAR}},
 * {@code $VAR}, {@code ${VAR:?...}}, {@code ${VAR?...}}), with its line. Works line by line on the
 * raw text, so it needs no valid YAML; YAML comment lines are skipped.
 */
public final class ComposeReferences {

    /** A required reference and where it is. */
    public record Found(String name, int line) {
    }

    /** A line whose interpolation syntax is broken. */
    public record Broken(int line, String message) {
    }

    /** The scan result. */
    public record Result(List<Found> required, List<Broken> broken) {
    }

    private ComposeReferences() {
    }

    /**
     * True when reference {@code index} sits inside the default or alternative of an earlier one
     * ({@code B} in {@code ${A:-${B}}}): it is only used when that one falls back, so it is not required.
     */
    private static boolean nestedInArgument(List<VariableReference> refs, int index) {
        String name = refs.get(index).name();
        for (int j = 0; j < index; j++) {
            String argument = refs.get(j).argument();
            if (argument != null && (argument.contains("${" + name) || argument.contains("$" + name))) {
                return true;
            }
        }
        return false;
    }

    /** Scans {@code file}. */
    public static Result scan(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.ENGINE, "cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Found> found = new ArrayList<>();
        List<Broken> broken = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.stripLeading().startsWith("#") || line.indexOf('$') < 0) {
                continue;
            }
            try {
                List<VariableReference> refs = Interpolation.references(line);
                for (int r = 0; r < refs.size(); r++) {
                    VariableReference ref = refs.get(r);
                    if (ref.required() && !nestedInArgument(refs, r)) {
                        found.add(new Found(ref.name(), i + 1));
                    }
                }
            } catch (P4n4Exception e) {
                broken.add(new Broken(i + 1, e.getMessage()));
            }
        }
        return new Result(found, broken);
    }
}
