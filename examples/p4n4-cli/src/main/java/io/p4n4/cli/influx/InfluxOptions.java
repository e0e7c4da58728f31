package io.p4n4.cli.influx;

import io.p4n4.api.clients.influx.InfluxClient;
import io.p4n4.clients.InfluxClientBuilder;
import io.p4n4.clients.ClientFactory;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code --url --token --org}: override what the project's {@code .env} says
 * ({@code P4N4_INFLUXDB_URL}, {@code INFLUXDB_TOKEN}, {@code INFLUXDB_ORG}); without a project, the
 * stack's published port {@code http://localhost:8086}. A picocli mixin.
 */
public final class InfluxOptions {

    @Option(names = "--url", paramLabel = "URL",
            description = "InfluxDB URL (default: the project's .env, else http://localhost:8086).")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "API token (default: INFLUXDB_TOKEN from the project's .env).")
    String token;

    @Option(names = "--org", paramLabel = "ORG",
            description = "Organization (default: INFLUXDB_ORG from the project's .env).")
    String org;

    /** Opens the clients factory of the project the root command points at. */
    static ClientFactory clients(CommandSpec spec) {
        OptionSpec o = spec.root().findOption("--project");
        Object v = o == null ? null : o.getValue();
        return ClientFactory.fromProject(v instanceof Path p ? p : Path.of("").toAbsolutePath());
    }

    /** Builds the client with the overrides applied; {@code bucket} may be {@code null}. */
    InfluxClient client(ClientFactory clients, String bucket) {
        InfluxClientBuilder b = clients.influx();
        if (url != null) {
            b.baseUrl(url);
        }
        if (token != null) {
            b.token(token);
        }
        if (org != null) {
            b.org(org);
        }
        if (bucket != null) {
            b.bucket(bucket);
        }
        return b.build();
    }

    /** Returns whether the root {@code --json} option is set. */
    static boolean json(CommandSpec spec) {
        return io.p4n4.cli.output.OutputMode.json(spec);
    }
}
