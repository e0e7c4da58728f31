package io.p4n4.compose.env;

import io.p4n4.compose.env.internal.DotEnvParser;
import io.p4n4.compose.env.internal.EnvText;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Parses {@code .env} files exactly like Docker Compose (compose-go's {@code dotenv} package):
 * {@code KEY=value} and {@code KEY: value}, an optional {@code export } prefix, single quotes
 * (literal, {@code \'} for a quote), double quotes (escapes {@code \n \t \" \\ \$ ...} and
 * {@code ${VAR}} expansion), unquoted values (expanded, inline comments after {@code " #"} and
 * trailing blanks removed), values spanning lines inside quotes, CRLF, a leading UTF-8 BOM, and a
 * bare {@code KEY} line that takes its value from the lookup only.
 *
 * <p>{@code ${VAR}} in a value is resolved from the lookup first, then from keys parsed earlier.
 * Results keep the order in which keys first appear and are unmodifiable. Stateless and
 * thread-safe, provided the lookup is.
 *
 * <pre>{@code
 * Map<String, String> env = DotEnv.read(project.resolve(".env"), System::getenv);
 * }</pre>
 */
public final class DotEnv {
    private DotEnv() {
    }

    /**
     * Parses {@code .env} text.
     *
     * @param content the text
     * @param source the file it came from, for messages; {@code null} gives {@code <input>}
     * @param lookup returns a variable's value or {@code null} when unset; {@code null} means none is set
     * @throws io.p4n4.api.InvalidFileException VALIDATION for a malformed line (file, line, column,
     *     key and what to do in the message) or a {@code ${VAR:?}} without a value
     */
    public static Map<String, String> parse(String content, @Nullable Path source,
            @Nullable Function<String, @Nullable String> lookup) {
        Objects.requireNonNull(content, "content");
        Map<String, String> values = new LinkedHashMap<>();
        DotEnvParser.parse(content, source, lookup, values, false);
        return Collections.unmodifiableMap(values);
    }

    /** Parses {@code .env} text with nothing set in the environment. */
    public static Map<String, String> parse(String content) {
        return parse(content, null, null);
    }

    /**
     * Reads a UTF-8 file (a leading BOM is skipped) and parses it; {@code lookup} as for {@link #parse}.
     *
     * @throws io.p4n4.api.InvalidFileException USER when the file is missing or unreadable,
     *     VALIDATION when it is not UTF-8 or malformed
     */
    public static Map<String, String> read(Path file, @Nullable Function<String, @Nullable String> lookup) {
        Objects.requireNonNull(file, "file");
        return parse(EnvText.read(file), file, lookup);
    }

    /**
     * Reads several files into one map, later files overriding earlier ones, as compose does for
     * {@code --env-file a --env-file b}: {@code ${VAR}} and bare keys are resolved from
     * {@code environment} first, then from everything read so far (earlier files and lines).
     *
     * @param environment the process environment, or {@code null} for none
     * @throws io.p4n4.api.InvalidFileException as {@link #read}
     */
    public static Map<String, String> readAll(List<Path> files,
            @Nullable Function<String, @Nullable String> environment) {
        Objects.requireNonNull(files, "files");
        Function<String, @Nullable String> env = environment == null ? name -> null : environment;
        Map<String, String> values = new LinkedHashMap<>();
        Function<String, @Nullable String> lookup = name -> {
            String value = env.apply(name);
            return value != null ? value : values.get(name);
        };
        for (Path file : files) {
            DotEnvParser.parse(EnvText.read(file), file, lookup, values, false);
        }
        return Collections.unmodifiableMap(values);
    }

    /**
     * Returns the environment Compose interpolates a project with: the files read as by
     * {@link #readAll} under {@code environment}, then {@code environment} on top (the process
     * environment wins over {@code .env}). Keys of the files come first, in file order.
     *
     * @param environment the process environment (e.g. {@code System.getenv()}); {@code null} for none
     */
    public static Map<String, String> projectEnvironment(List<Path> files, @Nullable Map<String, String> environment) {
        Map<String, String> env = environment == null ? Map.of() : environment;
        Map<String, String> merged = new LinkedHashMap<>(readAll(files, env::get));
        merged.putAll(env);
        return Collections.unmodifiableMap(merged);
    }
}
