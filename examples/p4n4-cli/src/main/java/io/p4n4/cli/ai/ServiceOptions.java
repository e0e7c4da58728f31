package io.p4n4.cli.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

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
        OptionSpec o = spec.root().findOption("--json");
        return o != null && Boolean.TRUE.equals(o.getValue());
    }

    /** Prints {@code value} as indented JSON. */
    public static void printJson(CommandSpec spec, Object value) {
        try {
            spec.commandLine().getOut().println(JSON.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot print as JSON", e);
        }
    }

    private static Path startDirectory(CommandSpec spec) {
        OptionSpec o = spec.root().findOption("--project");
        Object v = o == null ? null : o.getValue();
        return v instanceof Path p ? p : Path.of("").toAbsolutePath();
    }
}
