package io.p4n4.cli.score;

import io.p4n4.agent.nats.NatsDesiredStateStore;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --nats URL} option shared by the score and agent commands (mixin). */
public final class NatsOption {

    /** The URL used when neither {@code --nats} nor {@code NATS_URL} is given. */
    public static final String DEFAULT_URL = "nats://127.0.0.1:4222";

    @Option(names = "--nats", paramLabel = "URL",
            description = "NATS server (default: $NATS_URL, then " + DEFAULT_URL + ").")
    String url;

    /** Returns the URL to use. */
    public String url() {
        if (url != null && !url.isBlank()) {
            return url;
        }
        String env = System.getenv("NATS_URL");
        return env != null && !env.isBlank() ? env : DEFAULT_URL;
    }

    /** Opens the store; a CLI call gives up after a few seconds rather than waiting for the server. */
    public NatsDesiredStateStore open() {
        return NatsDesiredStateStore.builder().servers(List.of(url())).connectionName("p4n4-cli")
                .connectTimeout(Duration.ofSeconds(3)).connect();
    }
}
