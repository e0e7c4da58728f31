package io.p4n4.core.project;

import io.p4n4.core.scaffold.StackWriter;
import io.p4n4.core.secrets.SecretGenerator;
import io.p4n4.core.stack.StackRegistry;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** What project operations share; immutable. */
record ProjectContext(StackRegistry stacks, SecretGenerator secrets, String cliVersion, StackWriter writer,
        Function<String, @Nullable String> environment) {

    ProjectContext {
        Objects.requireNonNull(stacks, "stacks");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(cliVersion, "cliVersion");
        Objects.requireNonNull(writer, "writer");
        Objects.requireNonNull(environment, "environment");
    }

    static ProjectContext of(StackRegistry stacks, SecretGenerator secrets, String cliVersion,
            Function<String, @Nullable String> environment) {
        return new ProjectContext(stacks, secrets, cliVersion, StackWriter.create(), environment);
    }
}
