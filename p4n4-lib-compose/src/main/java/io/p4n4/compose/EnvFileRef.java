package io.p4n4.compose;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One service {@code env_file} entry.
 *
 * @param path the file (absolute unless paths were kept relative)
 * @param required whether a missing file is an error (default {@code true})
 * @param format {@code raw} for no parsing, or {@code null} for the {@code .env} format
 */
public record EnvFileRef(String path, boolean required, @Nullable String format) {
    /** Checks the components. */
    public EnvFileRef {
        Objects.requireNonNull(path, "path");
    }
}
