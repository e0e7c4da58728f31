package io.p4n4.core.project;

import io.p4n4.core.scaffold.StackWriter;
import io.p4n4.core.secrets.SecretGenerator;
import io.p4n4.core.stack.Stacks;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** What project operations share; immutable. */
record Services(Stacks stacks, SecretGenerator secrets, String cliVersion, StackWriter writer,
        Function<String, @Nullable String> environment) {

    Services {
        Objects.requireNonNull(stacks, "stacks");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(cliVersion, "cliVersion");
        Objects.requireNonNull(writer, "writer");
        Objects.requireNonNull(environment, "environment");
    }

    static Services of(Stacks stacks, SecretGenerator secrets, String cliVersion,
            Function<String, @Nullable String> environment) {
        return new Services(stacks, secrets, cliVersion, StackWriter.create(), environment);
    }
}
