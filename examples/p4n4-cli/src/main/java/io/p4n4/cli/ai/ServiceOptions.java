package io.p4n4.cli.ai;

import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import io.p4n4.clients.ClientBuilder;
import io.p4n4.clients.ClientFactory;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The options of a command that calls a service: {@code --url} overrides the endpoint found in the
 * project's {@code .env} (or the stack's default published port). Used as a picocli mixin.
 */
public final class ServiceOptions {
    @Option(names = "--url", paramLabel = "URL",
            description = "Base URL of the service (default: from the project's .env, else the stack's published port).")
    String url;

    /** Returns the {@code --url} value, or {@code null}. */
    public String url() {
        return url;
    }

    /** Applies {@code --url} (when given) to a client builder and returns the builder. */
    public <B extends ClientBuilder<B, ?>> B applyTo(B builder) {
        return url == null ? builder : builder.baseUrl(url);
    }

    /** Opens the clients factory for the project the root command points at. */
    public static ClientFactory clients(CommandSpec spec) {
        return ClientFactory.fromProject(startDirectory(spec));
    }

    /** Returns whether the root {@code --json} option is set. */
    public static boolean json(CommandSpec spec) {
        return OutputMode.json(spec);
    }

    /** Prints {@code value} as indented JSON. */
    public static void printJson(CommandSpec spec, Object value) {
        Json.printDocument(spec.commandLine().getOut(), value);
    }

    /** The directory the project is looked for from: the root {@code --project}, else the working directory. */
    static Path startDirectory(CommandSpec spec) {
        OptionSpec o = spec.root().findOption("--project");
        Object v = o == null ? null : o.getValue();
        return v instanceof Path p ? p : Path.of("").toAbsolutePath();
    }
}
